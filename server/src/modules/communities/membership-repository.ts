import { sql } from "kysely";
import type { Executor } from "../../platform/db.ts";
import { cursorTimestamp, type Cursor } from "../../platform/pagination.ts";
import type { CommunityInvitationStatus, CommunityKind, CommunityRole, NetworkRole } from "../../platform/schema.ts";
import { visiblePeople, type Viewer } from "../people/policy.ts";
import { summaryColumns, type SummaryRow } from "../people/present.ts";

// The SQL of community invitations and members' roles (requests to join: requests-repository.ts).
// Every change here runs under the community's row lock (service.ts `lockCommunity`), which
// serialises them per community.

/** A community invitation with its inviter's name and the role its network invitation gives, if any. */
export interface CommunityInvitationRow {
  id: string;
  community_id: string;
  user_id: string | null;
  network_invitation_id: string | null;
  email: string | null;
  role: "manager" | "member";
  status: CommunityInvitationStatus;
  created_at: Date;
  invited_by: string | null;
  inviter_name: string | null;
  network_role: NetworkRole | null;
  cursor_key: string;
}

function selectCommunityInvitations(db: Executor) {
  return db
    .selectFrom("community_invitations")
    .leftJoin("users as inviter", "inviter.id", "community_invitations.invited_by")
    .leftJoin("invitations as network", "network.id", "community_invitations.network_invitation_id")
    .select([
      "community_invitations.id",
      "community_invitations.community_id",
      "community_invitations.user_id",
      "community_invitations.network_invitation_id",
      "community_invitations.email",
      "community_invitations.role",
      "community_invitations.status",
      "community_invitations.created_at",
      "community_invitations.invited_by",
      "inviter.display_name as inviter_name",
      "network.role as network_role",
      cursorTimestamp("community_invitations.created_at").as("cursor_key"),
    ]);
}

/** One invitation of one community: an invitation of another community is as missing as an unknown id. */
export async function findCommunityInvitation(db: Executor, communityId: string, invitationId: string): Promise<CommunityInvitationRow | undefined> {
  return selectCommunityInvitations(db)
    .where("community_invitations.id", "=", invitationId)
    .where("community_invitations.community_id", "=", communityId)
    .executeTakeFirst();
}

/** The pending invitation of one person (by account, or by address while they have none). */
export async function findPendingInvitationFor(
  db: Executor,
  invitee: { communityId: string; userId?: string | undefined; email?: string | undefined },
): Promise<CommunityInvitationRow | undefined> {
  let query = selectCommunityInvitations(db)
    .where("community_invitations.community_id", "=", invitee.communityId)
    .where("community_invitations.status", "=", "pending");
  if (invitee.userId) query = query.where("community_invitations.user_id", "=", invitee.userId);
  if (invitee.email) query = query.where("community_invitations.user_id", "is", null).where("community_invitations.email", "=", invitee.email);
  return query.executeTakeFirst();
}

export async function insertCommunityInvitation(
  tx: Executor,
  invitation: { id: string; communityId: string; userId: string | null; networkInvitationId: string | null; email: string | null; role: "manager" | "member"; invitedBy: string },
): Promise<void> {
  await tx
    .insertInto("community_invitations")
    .values({
      id: invitation.id,
      community_id: invitation.communityId,
      user_id: invitation.userId,
      network_invitation_id: invitation.networkInvitationId,
      email: invitation.email,
      role: invitation.role,
      invited_by: invitation.invitedBy,
      status: "pending",
    })
    .execute();
}

export async function settleCommunityInvitation(tx: Executor, id: string, status: Exclude<CommunityInvitationStatus, "pending">): Promise<void> {
  await tx.updateTable("community_invitations").set({ status, decided_at: new Date() }).where("id", "=", id).execute();
}

/** One page of a community's pending invitations, oldest first. */
export async function listPendingInvitationRows(
  db: Executor,
  filter: { communityId: string; after?: Cursor | undefined; limit: number },
): Promise<CommunityInvitationRow[]> {
  let query = selectCommunityInvitations(db)
    .where("community_invitations.community_id", "=", filter.communityId)
    .where("community_invitations.status", "=", "pending");
  if (filter.after) {
    query = query.where(sql<boolean>`(community_invitations.created_at, community_invitations.id) > (${filter.after.key}::timestamptz, ${filter.after.id}::uuid)`);
  }
  return query.orderBy("community_invitations.created_at").orderBy("community_invitations.id").limit(filter.limit + 1).execute();
}

/**
 * Gives the account made from a network invitation the community invitations sent with it. Returns
 * those it may accept now, their communities' rows locked: alive, not archived, and external for a
 * guest (a community that stopped being external since cannot take one).
 */
export async function claimInvitationsOfNetworkInvitation(
  tx: Executor,
  input: { networkInvitationId: string; userId: string; guest: boolean },
): Promise<{ id: string; community_id: string; invited_by: string | null }[]> {
  await tx
    .updateTable("community_invitations")
    .set({ user_id: input.userId })
    .where("network_invitation_id", "=", input.networkInvitationId)
    .where("status", "=", "pending")
    .execute();
  let query = tx
    .selectFrom("community_invitations")
    .innerJoin("communities", "communities.id", "community_invitations.community_id")
    .select(["community_invitations.id", "community_invitations.community_id", "community_invitations.invited_by"])
    .where("community_invitations.network_invitation_id", "=", input.networkInvitationId)
    .where("community_invitations.status", "=", "pending")
    .where("communities.deleted_at", "is", null)
    .where("communities.archived_at", "is", null);
  if (input.guest) query = query.where("communities.kind", "=", "external");
  return query.orderBy("communities.id").forUpdate().execute();
}

/** The people among `ids` that `viewer` may see, by id. */
export async function findVisibleSummaries(db: Executor, viewer: Viewer, ids: string[]): Promise<Map<string, SummaryRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom("users").select(summaryColumns).where("users.id", "in", ids).where(visiblePeople(viewer)).execute();
  return new Map(rows.map((row) => [row.id, row]));
}

/** An active person `viewer` may see, by id or by address: the only people one may invite. */
export async function findInvitablePerson(
  db: Executor,
  viewer: Viewer,
  by: { id: string } | { email: string },
): Promise<{ id: string; role: NetworkRole } | undefined> {
  let query = db.selectFrom("users").select(["users.id", "users.role"]).where("users.status", "=", "active").where(visiblePeople(viewer));
  query = "id" in by ? query.where("users.id", "=", by.id) : query.where("users.email", "=", by.email);
  return query.executeTakeFirst();
}

/** Whether any account, visible or not, holds the address: such an address is never a guest's. */
export async function addressHasAccount(db: Executor, email: string): Promise<boolean> {
  return Boolean(await db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst());
}

/**
 * Makes someone a member with the role of their pending invitation (else `member`), and settles
 * that invitation and their pending request, so neither lingers once they belong.
 */
export async function admitMember(tx: Executor, admission: { communityId: string; userId: string; decidedBy: string | null }): Promise<CommunityRole> {
  const invitation = await tx
    .updateTable("community_invitations")
    .set({ status: "accepted", decided_at: new Date() })
    .where("community_id", "=", admission.communityId)
    .where("user_id", "=", admission.userId)
    .where("status", "=", "pending")
    .returning("role")
    .executeTakeFirst();
  await tx
    .updateTable("community_requests")
    .set({ status: "approved", decided_by: admission.decidedBy, decided_at: new Date() })
    .where("community_id", "=", admission.communityId)
    .where("user_id", "=", admission.userId)
    .where("status", "=", "pending")
    .execute();
  const role = invitation?.role ?? "member";
  await tx
    .insertInto("community_members")
    .values({ community_id: admission.communityId, user_id: admission.userId, role })
    .onConflict((conflict) => conflict.columns(["community_id", "user_id"]).doNothing())
    .execute();
  return role;
}

/** Someone's place in a community: their explicit row, or the implicit membership of a company one. */
export interface Membership {
  userId: string;
  role: CommunityRole;
  networkRole: NetworkRole;
}

/**
 * The membership of an active person `viewer` may see; undefined when they do not belong, are
 * hidden, or are deactivated (the member list does not show them either).
 */
export async function findMembership(
  db: Executor,
  input: { viewer: Viewer; community: { id: string; kind: CommunityKind }; userId: string },
): Promise<Membership | undefined> {
  const row = await db
    .selectFrom("users")
    .leftJoin("community_members as cm", (join) => join.onRef("cm.user_id", "=", "users.id").on("cm.community_id", "=", input.community.id))
    .select(["users.id", "users.role", "cm.role as member_role"])
    .where("users.id", "=", input.userId)
    .where("users.status", "=", "active")
    .where(visiblePeople(input.viewer))
    .executeTakeFirst();
  if (!row) return undefined;
  if (row.member_role) return { userId: row.id, role: row.member_role, networkRole: row.role };
  const implicit = input.community.kind === "company" && row.role !== "guest";
  return implicit ? { userId: row.id, role: "member", networkRole: row.role } : undefined;
}

/** Sets a member's explicit role, creating the row for an implicit member of a company community. */
export async function setMemberRole(tx: Executor, input: { communityId: string; userId: string; role: CommunityRole }): Promise<void> {
  await tx
    .insertInto("community_members")
    .values({ community_id: input.communityId, user_id: input.userId, role: input.role })
    .onConflict((conflict) => conflict.columns(["community_id", "user_id"]).doUpdateSet({ role: input.role }))
    .execute();
}

export async function deleteMember(tx: Executor, communityId: string, userId: string): Promise<void> {
  await tx.deleteFrom("community_members").where("community_id", "=", communityId).where("user_id", "=", userId).execute();
}
