import type { Invitation, SessionResponse, UpdateProfileBody } from "@ruche/contracts";
import { waitForLink } from "./mail.ts";
import type { RunningRuche } from "./ruche.ts";

/** A signed-in API client for preparing a journey's data (the journey itself goes through the browser). */
export interface ApiSession {
  userId: string;
  call<T>(method: string, path: string, body?: unknown): Promise<T>;
}

async function parsed<T>(response: Response, what: string): Promise<T> {
  if (!response.ok) throw new Error(`${what}: ${response.status} ${await response.text()}`);
  return (response.status === 204 ? null : await response.json()) as T;
}

function sessionFrom(baseUrl: string, response: Response, session: SessionResponse): ApiSession {
  const cookie = response.headers.getSetCookie().map((header) => header.split(";")[0]).join("; ");
  return {
    userId: session.user.id,
    call: async <T>(method: string, path: string, body?: unknown) => {
      const headers: Record<string, string> = { cookie, "x-csrf-token": session.csrfToken };
      if (body !== undefined) headers["content-type"] = "application/json";
      const answer = await fetch(`${baseUrl}/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      return parsed<T>(answer, `${method} ${path}`);
    },
  };
}

async function postForSession(baseUrl: string, path: string, body: unknown): Promise<ApiSession> {
  const response = await fetch(`${baseUrl}/api/v1${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return sessionFrom(baseUrl, response, await parsed<SessionResponse>(response, `POST ${path}`));
}

/** Signs in through the API. */
export function signInByApi(ruche: RunningRuche, credentials: { email: string; password: string }): Promise<ApiSession> {
  return postForSession(ruche.url, "/auth/login", credentials);
}

/** Invites `person` as `inviter`, accepts the mailed link and fills in `profile`: a colleague for the directory. */
export async function addColleague(
  ruche: RunningRuche,
  inviter: ApiSession,
  person: { email: string; displayName: string; password: string; profile?: UpdateProfileBody },
): Promise<ApiSession> {
  await inviter.call<Invitation>("POST", "/invitations", { email: person.email });
  const link = await waitForLink(ruche.mailDir, person.email, `${ruche.url}/invitations/accept?token=`);
  const token = new URL(link).searchParams.get("token");
  const colleague = await postForSession(ruche.url, "/invitations/accept", { token, displayName: person.displayName, password: person.password });
  if (person.profile) await colleague.call("PATCH", "/me", person.profile);
  return colleague;
}
