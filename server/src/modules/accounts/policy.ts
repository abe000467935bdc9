import type { Actor } from "../../platform/auth.ts";
import { errors } from "../../platform/errors.ts";

/**
 * Only a signed-in person (a session) may create access tokens. A token that could mint tokens
 * would let a leaked script credential outlive its own revocation: privilege persistence.
 */
export function assertMayCreateAccessToken(actor: Actor): void {
  if (actor.via !== "session") throw errors.forbidden("Access tokens are created from a signed-in session, not with a token");
}

/** Logging out ends a browser session; a script's token is revoked through its own route instead. */
export function assertMayLogOut(actor: Actor): void {
  if (actor.via !== "session") throw errors.forbidden("A token does not log out; revoke it with DELETE /api/v1/me/tokens/:id");
}
