import type { Community, CommunityInvitation, CommunityInvitationsPage, CreateCommunityInvitationBody, PageQuery } from "@ruche/contracts";
import type { Db, Executor, Tx } from "../../platform/db.ts";
import { AppError, errors } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { appendEvent } from "../../platform/outbox.ts";
import { decodeCursor, pageOf } from "../../platform/pagination.ts";
import type { NetworkRole } from "../../platform/schema.ts";
import { normaliseEmail } from "../accounts/email.ts";
import { inviteGuestWithin, lockInviteeAddress, revokeGuestInvitationIfUnused } from "../invitations/service.ts";
import type { Viewer } from "../people/policy.ts";
import { presentSummary, type SummaryRow } from "../people/present.ts";
import {
  addressHasAccount,
  admitMember,
  claimInvitationsOfNetworkInvitation,
  findCommunityInvitation,
  findInvitablePerson,
  findMembership,
  findPendingInvitationFor,
  findVisibleSummaries,
  insertCommunityInvitation,
  listPendingInvitationRows,
  settleCommunityInvitation,
  type CommunityInvitationRow,
} from "./membership-repository.ts";
import { presentCommunity } from "./present.ts";
import type { CommunityRow } from "./repository.ts";
import { lockCommunity, requireAllowed, requireNotArchived, visibleCommunityOrThrow } from "./service.ts";

const DEFAULT_LIMIT = 20;

type InvitedRole = "member" | "manager";

/** Which invitation of which community an action is about. */
export interface InvitationTarget {
  communityId: string;
  invitationId: string;
}

/** An invitation; its invitee is shown only to those who may see them. */
function presentCommunityInvitation(row: CommunityInvitationRow, invitee: SummaryRow | undefined): CommunityInvitation {
  return {
    id: row.id,
    communityId: row.community_id,
    person: invitee ? presentSummary(invitee) : null,
    email: row.email,
    role: row.role,
    guest: row.network_role === "guest",
    invitedBy: row.invited_by && row.inviter_name !== null ? { id: row.invited_by, displayName: row.inviter_name } : null,
    status: row.status,
    createdAt: row.created_at.toISOString(),
  };
}

async function presentInvitations(db: Executor, viewer: Viewer, rows: CommunityInvitationRow[]): Promise<CommunityInvitation[]> {
  const invitees = await findVisibleSummaries(db, viewer, rows.flatMap((row) => (row.user_id ? [row.user_id] : [])));
  return rows.map((row) => presentCommunityInvitation(row, row.user_id ? invitees.get(row.user_id) : undefined));
}

const invitationNotFound = () => new AppError("community_invitation_not_found");

/** Exactly one of `userId` and `email` says who is invited (400 naming the field otherwise). */
function inviteeOf(body: CreateCommunityInvitationBody): { id: string } | { email: string } {
  if (body.userId !== undefined && body.email !== undefined) throw errors.invalidField("email", "give either userId or email, not both");
  if (body.userId !== undefined) return { id: body.userId };
  if (body.email !== undefined) return { email: normaliseEmail(body.email, "email") };
  throw errors.invalidField("userId", "is required (or email)");
}

/** Guests belong only in external communities, where nothing confidential is shared. */
function requireGuestWelcome(row: CommunityRow, networkRole: NetworkRole): void {
  if (networkRole === "guest" && row.kind !== "external") throw new AppError("community_guest_external_only");
}

/** One invitation being made, in its transaction. */
interface InvitationDraft {
  tx: Tx;
  viewer: Viewer;
  row: CommunityRow;
  id: string;
  role: InvitedRole;
}

/** Invites someone who has an account: they see the invitation on the community and in `?invited=true`. */
async function inviteAccount(invitation: InvitationDraft, person: { id: string; role: NetworkRole }): Promise<void> {
  const { tx, viewer, row, id, role } = invitation;
  if (await findMembership(tx, { viewer, community: row, userId: person.id })) throw new AppError("community_already_member");
  requireGuestWelcome(row, person.role);
  if (await findPendingInvitationFor(tx, { communityId: row.id, userId: person.id })) throw new AppError("community_invitation_pending");
  await insertCommunityInvitation(tx, { id, communityId: row.id, userId: person.id, networkInvitationId: null, email: null, role, invitedBy: viewer.id });
  await appendEvent(tx, { type: "community_invitation.created", actorId: viewer.id, subjectId: row.id, payload: { invitationId: id, userId: person.id, role } });
}

/**
 * Invites an address with no account: a guest, so only into an external community. The network
 * invitation that mails the link is created with it, or reused if one is pending for the address
 * (its mail already went out; accepting it brings the person into this community too).
 */
async function inviteGuest(invitation: InvitationDraft, email: string): Promise<void> {
  const { tx, viewer, row, id, role } = invitation;
  requireGuestWelcome(row, "guest");
  if (viewer.role === "guest") throw errors.forbidden("Guests may not invite people who have no account");
  if (await findPendingInvitationFor(tx, { communityId: row.id, email })) throw new AppError("community_invitation_pending");
  const networkInvitationId = await inviteGuestWithin(tx, { email, invitedBy: viewer.id });
  await insertCommunityInvitation(tx, { id, communityId: row.id, userId: null, networkInvitationId, email, role, invitedBy: viewer.id });
  await appendEvent(tx, {
    type: "community_invitation.created",
    actorId: viewer.id,
    subjectId: row.id,
    payload: { invitationId: id, networkInvitationId, role },
  });
}

/**
 * Invites one person into a community (owners, managers, admins). Managers may invite members and
 * managers alike: a manager can already promote a member, so inviting as one grants nothing more.
 * An address that belongs to an account is the same as inviting that account.
 */
export async function inviteToCommunity(db: Db, viewer: Viewer, communityId: string, body: CreateCommunityInvitationBody): Promise<CommunityInvitation> {
  const invitee = inviteeOf(body);
  const id = newId();
  await db.transaction().execute(async (tx) => {
    if ("email" in invitee) await lockInviteeAddress(tx, invitee.email);
    const row = await lockCommunity(tx, viewer, communityId);
    requireAllowed(viewer, "manage", row);
    requireNotArchived(row);
    const invitation = { tx, viewer, row, id, role: body.role ?? "member" };
    const person = await findInvitablePerson(tx, viewer, invitee);
    if (person) return inviteAccount(invitation, person);
    if ("id" in invitee || (await addressHasAccount(tx, invitee.email))) throw errors.notFound("user");
    return inviteGuest(invitation, invitee.email);
  });
  const row = await findCommunityInvitation(db, communityId, id);
  if (!row) throw invitationNotFound();
  const [presented] = await presentInvitations(db, viewer, [row]);
  if (!presented) throw invitationNotFound();
  return presented;
}

/** A community's pending invitations, oldest first, for those who manage it. */
export async function listCommunityInvitations(db: Executor, viewer: Viewer, communityId: string, query: PageQuery): Promise<CommunityInvitationsPage> {
  const row = await visibleCommunityOrThrow(db, viewer, communityId);
  requireAllowed(viewer, "manage", row);
  const limit = query.limit ?? DEFAULT_LIMIT;
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const rows = await listPendingInvitationRows(db, { communityId, after, limit });
  const page = pageOf(rows, limit, (invitation) => [invitation.cursor_key, invitation.id]);
  return { items: await presentInvitations(db, viewer, page.items), nextCursor: page.nextCursor };
}

/** Lets the invitee in with the invited role; their pending request, if any, is approved by the inviter. */
async function admitInvitee(tx: Tx, input: { userId: string; invitation: Pick<CommunityInvitationRow, "id" | "community_id" | "invited_by"> }): Promise<void> {
  const { userId, invitation } = input;
  const role = await admitMember(tx, { communityId: invitation.community_id, userId, decidedBy: invitation.invited_by });
  await appendEvent(tx, {
    type: "community_invitation.accepted",
    actorId: userId,
    subjectId: invitation.community_id,
    payload: { invitationId: invitation.id, userId, role },
  });
}

/**
 * Accepts `viewer`'s pending invitation to a community whose row the caller holds locked, if they
 * have one: joining or asking to join a community one is invited to is accepting the invitation.
 */
export async function acceptPendingInvitation(tx: Tx, viewer: Viewer, communityId: string): Promise<CommunityInvitationRow | undefined> {
  const invitation = await findPendingInvitationFor(tx, { communityId, userId: viewer.id });
  if (invitation) await admitInvitee(tx, { userId: viewer.id, invitation });
  return invitation;
}

/** Locks the community and finds the invitee's own invitation; anyone else's is not found. */
async function ownInvitation(tx: Tx, viewer: Viewer, target: InvitationTarget): Promise<{ row: CommunityRow; invitation: CommunityInvitationRow }> {
  const row = await lockCommunity(tx, viewer, target.communityId);
  if (row.deleted_at) throw new AppError("community_not_found");
  const invitation = await findCommunityInvitation(tx, target.communityId, target.invitationId);
  if (!invitation || invitation.user_id !== viewer.id) throw invitationNotFound();
  return { row, invitation };
}

/** The invitee accepts: they become a member with the invited role. */
export async function acceptCommunityInvitation(db: Db, viewer: Viewer, target: InvitationTarget): Promise<Community> {
  return db.transaction().execute(async (tx) => {
    const { row, invitation } = await ownInvitation(tx, viewer, target);
    if (invitation.status !== "pending") throw new AppError("community_invitation_decided");
    requireNotArchived(row);
    await admitInvitee(tx, { userId: viewer.id, invitation });
    return presentCommunity(viewer, await visibleCommunityOrThrow(tx, viewer, target.communityId));
  });
}

/** The invitee declines; declining again changes nothing. Like leaving, allowed while archived. */
export async function declineCommunityInvitation(db: Db, viewer: Viewer, target: InvitationTarget): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const { invitation } = await ownInvitation(tx, viewer, target);
    if (invitation.status === "declined") return;
    if (invitation.status !== "pending") throw new AppError("community_invitation_decided");
    await settleCommunityInvitation(tx, invitation.id, "declined");
    await appendEvent(tx, { type: "community_invitation.declined", actorId: viewer.id, subjectId: target.communityId, payload: { invitationId: invitation.id } });
  });
}

/**
 * A manager withdraws a pending invitation; withdrawing it again changes nothing. A guest's network
 * invitation goes with it once no other pending community invitation needs it.
 */
export async function revokeCommunityInvitation(db: Db, viewer: Viewer, target: InvitationTarget): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const row = await lockCommunity(tx, viewer, target.communityId);
    requireAllowed(viewer, "manage", row);
    requireNotArchived(row);
    const invitation = await findCommunityInvitation(tx, target.communityId, target.invitationId);
    if (!invitation) throw invitationNotFound();
    if (invitation.status === "revoked") return;
    if (invitation.status !== "pending") throw new AppError("community_invitation_decided");
    await settleCommunityInvitation(tx, invitation.id, "revoked");
    await appendEvent(tx, { type: "community_invitation.revoked", actorId: viewer.id, subjectId: target.communityId, payload: { invitationId: invitation.id } });
    if (invitation.network_invitation_id) await revokeGuestInvitationIfUnused(tx, { invitationId: invitation.network_invitation_id, actorId: viewer.id });
  });
}

/**
 * Brings a newly created account into the communities it was invited to along with its network
 * invitation, in the caller's (the acceptance's) transaction.
 */
export async function joinCommunitiesInvitedThrough(tx: Tx, input: { networkInvitationId: string; user: { id: string; role: NetworkRole } }): Promise<void> {
  const claimed = await claimInvitationsOfNetworkInvitation(tx, {
    networkInvitationId: input.networkInvitationId,
    userId: input.user.id,
    guest: input.user.role === "guest",
  });
  for (const invitation of claimed) await admitInvitee(tx, { userId: input.user.id, invitation });
}
