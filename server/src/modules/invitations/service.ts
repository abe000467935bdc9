import type { Invitation, InvitationsPage, InviteBody, ListInvitationsQuery } from "@ruche/contracts";
import type { Actor } from "../../platform/auth.ts";
import type { Db, Tx } from "../../platform/db.ts";
import { AppError, errors } from "../../platform/errors.ts";
import { hashSecret, newId, newSecret } from "../../platform/ids.ts";
import { appendEvent } from "../../platform/outbox.ts";
import { decodeCursor, pageOf } from "../../platform/pagination.ts";
import { normaliseEmail } from "../accounts/email.ts";
import { assertMayInvite, mayManageInvitation, visibleInviter, type InvitedRole } from "./policy.ts";
import { invitationStatus, presentInvitation } from "./present.ts";
import {
  countPendingCommunityInvitations,
  findInvitationById,
  findJoiningSettings,
  findPendingInvitationTo,
  findUserByEmail,
  insertInvitation,
  listInvitationRows,
  lockAddress,
  lockInvitationById,
  lockInvitationUnlessBusy,
  markInvitationRevoked,
  renewInvitation,
} from "./repository.ts";

/** How long an invitation link works. */
export const INVITATION_LIFETIME_MS = 7 * 86_400_000;

/** Refuses an address that already has an account (409, naming `email`). */
async function assertNoAccount(tx: Tx, email: string): Promise<void> {
  if (await findUserByEmail(tx, email)) {
    throw new AppError("email_taken", `email: ${email} already has an account`, [{ field: "email", message: "already has an account" }]);
  }
}

/** Refuses an address that already has an account or a live invitation (409, naming `email`). */
async function assertAddressFree(tx: Tx, email: string, exceptInvitationId?: string): Promise<void> {
  await assertNoAccount(tx, email);
  if (await findPendingInvitationTo(tx, email, exceptInvitationId)) {
    throw new AppError("invitation_pending", `email: ${email} already has a pending invitation`, [
      { field: "email", message: "already has a pending invitation" },
    ]);
  }
}

function newLink(): { token: string; tokenHash: string; expiresAt: Date } {
  const token = newSecret();
  return { token, tokenHash: hashSecret(token), expiresAt: new Date(Date.now() + INVITATION_LIFETIME_MS) };
}

async function loadInvitation(db: Db, id: string): Promise<Invitation> {
  const row = await findInvitationById(db, id);
  if (!row) throw errors.notFound("invitation");
  return presentInvitation(row);
}

/** Invites someone by email: a single-use link, valid seven days, is mailed to them. */
export async function inviteColleague(db: Db, actor: Actor, body: InviteBody): Promise<Invitation> {
  const email = normaliseEmail(body.email, "email");
  const role: InvitedRole = body.role ?? "member";
  const id = newId();
  await db.transaction().execute(async (tx) => {
    const settings = await findJoiningSettings(tx);
    assertMayInvite(actor, role, settings.membersCanInvite);
    await lockAddress(tx, email);
    await assertAddressFree(tx, email);
    const link = newLink();
    await insertInvitation(tx, { id, email, role, invitedBy: actor.id, tokenHash: link.tokenHash, expiresAt: link.expiresAt });
    await appendEvent(tx, { type: "invitation.created", actorId: actor.id, subjectId: id, payload: { invitationId: id, email, token: link.token } });
  });
  return loadInvitation(db, id);
}

/** Invitations newest first: all of them for admins, one's own for anyone else. */
export async function listInvitations(db: Db, actor: Actor, query: ListInvitationsQuery): Promise<InvitationsPage> {
  const limit = query.limit ?? 20;
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const rows = await listInvitationRows(db, { inviterId: visibleInviter(actor), status: query.status, after, limit });
  const page = pageOf(rows, limit, (row) => [row.cursor_key, row.id]);
  return { items: page.items.map(presentInvitation), nextCursor: page.nextCursor };
}

/** Locks an invitation the actor may manage; a foreign one answers 404 exactly like a missing one. */
async function lockManageable(tx: Tx, actor: Actor, id: string) {
  const invitation = await lockInvitationById(tx, id);
  if (!invitation || !mayManageInvitation(actor, invitation)) throw errors.notFound("invitation");
  if (invitation.accepted_at) throw new AppError("invitation_accepted");
  return invitation;
}

/** Withdraws an invitation: its link stops working. Revoking twice is harmless. */
export async function revokeInvitation(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const invitation = await lockManageable(tx, actor, id);
    if (invitation.revoked_at) return;
    await markInvitationRevoked(tx, id);
    await appendEvent(tx, { type: "invitation.revoked", actorId: actor.id, subjectId: id, payload: { invitationId: id } });
  });
}

/** Mails a fresh link with a fresh seven-day expiry; the previous link stops working. */
export async function resendInvitation(db: Db, actor: Actor, id: string): Promise<Invitation> {
  await db.transaction().execute(async (tx) => {
    const invitation = await lockManageable(tx, actor, id);
    const settings = await findJoiningSettings(tx);
    assertMayInvite(actor, invitation.role === "member" ? "member" : "admin", settings.membersCanInvite);
    await lockAddress(tx, invitation.email);
    await assertAddressFree(tx, invitation.email, id);
    const link = newLink();
    await renewInvitation(tx, id, link);
    await appendEvent(tx, {
      type: "invitation.resent",
      actorId: actor.id,
      subjectId: id,
      payload: { invitationId: id, email: invitation.email, token: link.token },
    });
  });
  return loadInvitation(db, id);
}

/**
 * Serialises changes about an address until the transaction ends. A community invitation by address
 * takes it before locking the community, in the same order as accepting an invitation does.
 */
export async function lockInviteeAddress(tx: Tx, email: string): Promise<void> {
  await lockAddress(tx, email);
}

/**
 * Invites a guest for a community invitation, in the caller's transaction, and returns the network
 * invitation's id: a pending invitation to the address is reused (it brings the person into the
 * community on acceptance too); otherwise a new guest invitation mails its link, naming the community.
 */
export async function inviteGuestWithin(tx: Tx, input: { email: string; invitedBy: string }): Promise<string> {
  await lockAddress(tx, input.email);
  await assertNoAccount(tx, input.email);
  const pending = await findPendingInvitationTo(tx, input.email);
  if (pending) return pending.id;
  const id = newId();
  const link = newLink();
  await insertInvitation(tx, { id, email: input.email, role: "guest", invitedBy: input.invitedBy, tokenHash: link.tokenHash, expiresAt: link.expiresAt });
  await appendEvent(tx, { type: "invitation.created", actorId: input.invitedBy, subjectId: id, payload: { invitationId: id, email: input.email, token: link.token } });
  return id;
}

/** Revokes a pending guest invitation once no pending community invitation needs it any more. */
export async function revokeGuestInvitationIfUnused(tx: Tx, input: { invitationId: string; actorId: string }): Promise<void> {
  // An acceptance in progress holds the row and settles the invitation anyway; waiting for it while
  // holding the community's lock (which the acceptance takes next) would deadlock.
  const invitation = await lockInvitationUnlessBusy(tx, input.invitationId);
  if (!invitation || invitation.role !== "guest" || invitationStatus(invitation) !== "pending") return;
  if ((await countPendingCommunityInvitations(tx, input.invitationId)) > 0) return;
  await markInvitationRevoked(tx, input.invitationId);
  await appendEvent(tx, { type: "invitation.revoked", actorId: input.actorId, subjectId: input.invitationId, payload: { invitationId: input.invitationId } });
}
