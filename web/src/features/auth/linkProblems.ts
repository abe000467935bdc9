import { ApiError } from "../../api/client.ts";

/** The error to show when a page opened from a mailed link has no `token` in its address. */
export const missingToken = new ApiError(400, "token_invalid", "The link has no token");

/** Whether an API error means the mailed link itself is unusable (unknown, expired or used). */
export function isLinkProblem(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  if (["token_invalid", "token_expired", "token_used", "invitation_not_found"].includes(error.code)) return true;
  // A malformed token fails the request's validation on the `token` field.
  return error.details.some((detail) => detail.field === "token");
}
