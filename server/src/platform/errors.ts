import { errorCatalogue, type ErrorCode } from "@ruche/contracts";
import type { FastifyError, FastifyInstance } from "fastify";

/** One problem with one field of a request. */
export interface ErrorDetail {
  field?: string;
  code?: string;
  message: string;
}

/** An error with a catalogued code; the error handler turns it into `{ error: { code, message, details } }`. */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: ErrorDetail[],
    readonly headers?: Record<string, string>,
  ) {
    super(message ?? errorCatalogue[code].message);
    this.status = errorCatalogue[code].status;
  }
}

/** Shorthands for the errors services throw most. */
export const errors = {
  /** A missing, hidden or foreign object: all three answer the same 404. */
  notFound: (what: "user" | "invitation" | "token" | "object" = "object") =>
    new AppError(what === "object" ? "not_found" : (`${what}_not_found` as ErrorCode)),
  forbidden: (message?: string) => new AppError("forbidden", message),
  unauthenticated: () => new AppError("authentication_required"),
  invalidField: (field: string, message: string, code: ErrorCode = "validation_failed") =>
    new AppError(code, `${field}: ${message}`, [{ field, message }]),
};

interface AjvIssue {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/** Names the field an Ajv issue is about, as a dotted path (`admin.email`, `skills.2`). */
function fieldOf(issue: AjvIssue, part: string | undefined): string {
  const segments = issue.instancePath.split("/").filter(Boolean);
  const extra = issue.params.missingProperty ?? issue.params.additionalProperty;
  if (typeof extra === "string") segments.push(extra);
  return segments.join(".") || part || "body";
}

function describe(issue: AjvIssue): string {
  if (issue.keyword === "additionalProperties") return "is not a known field";
  if (issue.keyword === "required") return "is required";
  return issue.message ?? "is not valid";
}

function validationError(error: FastifyError): AppError {
  const issues = (error.validation ?? []) as AjvIssue[];
  const details = issues.map((issue) => ({
    field: fieldOf(issue, error.validationContext),
    code: issue.keyword,
    message: describe(issue),
  }));
  const first = details[0];
  const message = first ? `${first.field} ${first.message}` : "The request is not valid";
  return new AppError("validation_failed", message, details);
}

/** Fastify's own error codes for bodies it could not read, mapped to the catalogue. */
const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: "invalid_json",
  FST_ERR_CTP_EMPTY_JSON_BODY: "invalid_json",
  FST_ERR_CTP_BODY_TOO_LARGE: "body_too_large",
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "unsupported_media_type",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "validation_failed",
  FST_REQ_FILE_TOO_LARGE: "file_too_large",
  FST_FILES_LIMIT: "validation_failed",
  FST_INVALID_MULTIPART_CONTENT_TYPE: "unsupported_media_type",
};

/** Maps anything thrown to the catalogue; unknown errors become a logged 500 that reveals nothing. */
export function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) return validationError(fastifyError);
  const mapped = fastifyError.code ? fastifyCodes[fastifyError.code] : undefined;
  if (mapped) return new AppError(mapped);
  if (error instanceof SyntaxError && fastifyError.statusCode === 400) return new AppError("invalid_json");
  if (fastifyError.statusCode === 429) return new AppError("rate_limited");
  return undefined;
}

/** Installs the error handler that gives every failure the catalogue's shape. */
export function registerErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const known = toAppError(error);
    if (!known) {
      request.log.error({ err: error }, "unhandled error");
      const internal = new AppError("internal_error");
      return reply.status(500).send({ error: { code: internal.code, message: internal.message } });
    }
    if (known.status >= 500) request.log.error({ err: error }, known.message);
    if (known.headers) reply.headers(known.headers);
    return reply.status(known.status).send({
      error: { code: known.code, message: known.message, ...(known.details ? { details: known.details } : {}) },
    });
  });
}

/** The catalogued 404 for a route that does not exist. */
export function routeNotFound(method: string, url: string): { error: { code: ErrorCode; message: string } } {
  return { error: { code: "route_not_found", message: `No route ${method} ${url.split("?")[0]}` } };
}
