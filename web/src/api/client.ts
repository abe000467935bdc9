import type { ErrorResponse } from "@ruche/contracts";

type ErrorDetail = NonNullable<ErrorResponse["error"]["details"]>[number];

/** A failed API call: the catalogue code, the English message and the fields it names. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
  }
}

// The session's CSRF token, learnt from the session response; sent on every state-changing call.
let csrfToken = "";

/** Remembers the CSRF token of the current session (after login, setup or a session read). */
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

type Query = Record<string, string | number | boolean | undefined | null>;

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function toError(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as ErrorResponse;
    return new ApiError(response.status, body.error.code, body.error.message, body.error.details ?? []);
  } catch {
    return new ApiError(response.status, response.status >= 500 ? "internal_error" : "not_found", response.statusText);
  }
}

/**
 * Calls the Ruche API. `T` is the contract's response type (`Static<typeof X>` from
 * @ruche/contracts): the web app never redeclares API shapes.
 */
export async function api<T>(method: string, path: string, options: { body?: unknown; query?: Query; form?: FormData } = {}): Promise<T> {
  const headers: Record<string, string> = {};
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  let body: BodyInit | undefined;
  if (options.form) body = options.form;
  else if (options.body !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(options.body);
  }
  const response = await fetch(withQuery(`/api/v1${path}`, options.query), { method, headers, body, credentials: "same-origin" });
  if (!response.ok) throw await toError(response);
  if (response.status === 204 || response.status === 202) return null as T;
  return (await response.json()) as T;
}
