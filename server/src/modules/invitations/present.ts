import type { Invitation, InvitationPreview, InvitationStatus } from "@ruche/contracts";
import type { InvitationRow } from "../../platform/schema.ts";
import type { InvitationWithInviter } from "./repository.ts";

/** Where an invitation stands; the SQL twin is `hasStatus` in repository.ts. */
export function invitationStatus(row: Pick<InvitationRow, "accepted_at" | "revoked_at" | "expires_at">, now = new Date()): InvitationStatus {
  if (row.accepted_at) return "accepted";
  if (row.revoked_at) return "revoked";
  return row.expires_at.getTime() > now.getTime() ? "pending" : "expired";
}

export function presentInvitation(row: InvitationWithInviter): Invitation {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    invitedBy: row.invited_by && row.inviter_name !== null ? { id: row.invited_by, displayName: row.inviter_name } : null,
    status: invitationStatus(row),
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
  };
}

export function presentPreview(row: InvitationWithInviter, organisationName: string): InvitationPreview {
  return { email: row.email, organisationName, invitedBy: row.inviter_name };
}
