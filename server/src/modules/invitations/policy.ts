import type { Actor } from "../../platform/auth.ts";
import { errors } from "../../platform/errors.ts";
import type { InvitationRow } from "../../platform/schema.ts";

export type InvitedRole = "member" | "admin";

/**
 * Admins invite members and admins; members invite members only, and only when the organisation
 * lets them; guests never invite.
 */
export function assertMayInvite(actor: Actor, role: InvitedRole, membersCanInvite: boolean): void {
  if (actor.role === "admin") return;
  if (actor.role === "guest") throw errors.forbidden("Guests may not invite people");
  if (!membersCanInvite) throw errors.forbidden("Only administrators may invite people");
  if (role !== "member") throw errors.forbidden("Only administrators may invite administrators");
}

/** Admins manage every invitation; anyone else only those they sent. */
export function mayManageInvitation(actor: Actor, invitation: Pick<InvitationRow, "invited_by">): boolean {
  return actor.role === "admin" || invitation.invited_by === actor.id;
}

/** The list filter with the same rule: admins see all, others the invitations they sent. */
export function visibleInviter(actor: Actor): string | undefined {
  return actor.role === "admin" ? undefined : actor.id;
}
