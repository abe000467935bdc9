import type { InvitationStatus } from "@ruche/contracts";
import { sql, type ExpressionBuilder } from "kysely";
import type { Executor } from "../../platform/db.ts";
import { cursorTimestamp, type Cursor } from "../../platform/pagination.ts";
import type { Database, InvitationRow, NetworkRole } from "../../platform/schema.ts";

/** An invitation with its inviter's name, as lists and previews show it. */
export type InvitationWithInviter = InvitationRow & { inviter_name: string | null; cursor_key: string };

/** The organisation settings that decide who may join and how. */
export interface JoiningSettings {
  name: string;
  membersCanInvite: boolean;
  allowedSignupDomains: string[];
}

export async function findJoiningSettings(db: Executor): Promise<JoiningSettings> {
  const row = await db
    .selectFrom("organisation")
    .select(["name", "members_can_invite", "allowed_signup_domains"])
    .executeTakeFirstOrThrow();
  return { name: row.name, membersCanInvite: row.members_can_invite, allowedSignupDomains: row.allowed_signup_domains };
}

/**
 * Serialises changes about one address until the transaction ends, so two concurrent invitations
 * (or sign-ups) cannot both pass the "no account, nothing pending" check.
 */
export async function lockAddress(tx: Executor, email: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`address:${email.toLowerCase()}`}, 0))`.execute(tx);
}

export async function findUserByEmail(db: Executor, email: string): Promise<{ id: string; status: "active" | "deactivated" } | undefined> {
  return db.selectFrom("users").select(["id", "status"]).where("email", "=", email).executeTakeFirst();
}

export async function insertUser(
  db: Executor,
  user: { id: string; email: string; role: NetworkRole; displayName: string; passwordHash: string; emailVerifiedAt: Date | null },
): Promise<void> {
  await db
    .insertInto("users")
    .values({
      id: user.id,
      email: user.email,
      role: user.role,
      display_name: user.displayName,
      password_hash: user.passwordHash,
      email_verified_at: user.emailVerifiedAt,
    })
    .execute();
}

function withInviter(db: Executor) {
  return db
    .selectFrom("invitations")
    .leftJoin("users as inviter", "inviter.id", "invitations.invited_by")
    .selectAll("invitations")
    .select(["inviter.display_name as inviter_name", cursorTimestamp("invitations.created_at").as("cursor_key")]);
}

/** The SQL twin of `invitationStatus` in present.ts. */
function hasStatus(status: InvitationStatus) {
  return (eb: ExpressionBuilder<Database, "invitations">) => {
    const open = eb.and([eb("invitations.accepted_at", "is", null), eb("invitations.revoked_at", "is", null)]);
    switch (status) {
      case "accepted":
        return eb("invitations.accepted_at", "is not", null);
      case "revoked":
        return eb.and([eb("invitations.revoked_at", "is not", null), eb("invitations.accepted_at", "is", null)]);
      case "pending":
        return eb.and([open, eb("invitations.expires_at", ">", sql<Date>`now()`)]);
      case "expired":
        return eb.and([open, eb("invitations.expires_at", "<=", sql<Date>`now()`)]);
    }
  };
}

export async function findPendingInvitationTo(db: Executor, email: string, exceptId?: string): Promise<{ id: string } | undefined> {
  let query = db.selectFrom("invitations").select("id").where("email", "=", email).where(hasStatus("pending"));
  if (exceptId) query = query.where("id", "!=", exceptId);
  return query.executeTakeFirst();
}

export async function findInvitationById(db: Executor, id: string): Promise<InvitationWithInviter | undefined> {
  return withInviter(db).where("invitations.id", "=", id).executeTakeFirst();
}

export async function findInvitationByTokenHash(db: Executor, tokenHash: string): Promise<InvitationWithInviter | undefined> {
  return withInviter(db).where("invitations.token_hash", "=", tokenHash).executeTakeFirst();
}

/** Reads an invitation by its link and locks the row: two uses of one link are serialised. */
export async function lockInvitationByTokenHash(tx: Executor, tokenHash: string): Promise<InvitationRow | undefined> {
  return tx.selectFrom("invitations").selectAll().where("token_hash", "=", tokenHash).forUpdate().executeTakeFirst();
}

export async function lockInvitationById(tx: Executor, id: string): Promise<InvitationRow | undefined> {
  return tx.selectFrom("invitations").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

/** Locks an invitation unless another transaction holds it, in which case there is nothing to return. */
export async function lockInvitationUnlessBusy(tx: Executor, id: string): Promise<InvitationRow | undefined> {
  return tx.selectFrom("invitations").selectAll().where("id", "=", id).forUpdate().skipLocked().executeTakeFirst();
}

export async function insertInvitation(
  db: Executor,
  invitation: { id: string; email: string; role: NetworkRole; invitedBy: string; tokenHash: string; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto("invitations")
    .values({
      id: invitation.id,
      email: invitation.email,
      role: invitation.role,
      invited_by: invitation.invitedBy,
      token_hash: invitation.tokenHash,
      expires_at: invitation.expiresAt,
    })
    .execute();
}

/** A new link and expiry; the old link stops working. A revoked invitation sent again is live again. */
export async function renewInvitation(db: Executor, id: string, link: { tokenHash: string; expiresAt: Date }): Promise<void> {
  await db
    .updateTable("invitations")
    .set({ token_hash: link.tokenHash, expires_at: link.expiresAt, revoked_at: null })
    .where("id", "=", id)
    .execute();
}

export async function markInvitationRevoked(db: Executor, id: string): Promise<void> {
  await db.updateTable("invitations").set({ revoked_at: new Date() }).where("id", "=", id).where("revoked_at", "is", null).execute();
}

export async function markInvitationAccepted(db: Executor, id: string, userId: string): Promise<void> {
  await db.updateTable("invitations").set({ accepted_at: new Date(), accepted_user_id: userId }).where("id", "=", id).execute();
}

/** One page of invitations, newest first; `inviterId` narrows to one inviter's (non-admins). */
export async function listInvitationRows(
  db: Executor,
  filter: { inviterId?: string | undefined; status?: InvitationStatus | undefined; after?: Cursor | undefined; limit: number },
): Promise<InvitationWithInviter[]> {
  let query = withInviter(db);
  if (filter.inviterId) query = query.where("invitations.invited_by", "=", filter.inviterId);
  if (filter.status) query = query.where(hasStatus(filter.status));
  const after = filter.after;
  if (after) {
    query = query.where(
      sql<boolean>`(invitations.created_at, invitations.id) < (${after.key}::timestamptz, ${after.id}::uuid)`,
    );
  }
  return query.orderBy("invitations.created_at", "desc").orderBy("invitations.id", "desc").limit(filter.limit + 1).execute();
}

/** How many pending community invitations wait on a network invitation (a guest's way in). */
export async function countPendingCommunityInvitations(db: Executor, invitationId: string): Promise<number> {
  const row = await db
    .selectFrom("community_invitations")
    .select((eb) => eb.fn.countAll<string>().as("count"))
    .where("network_invitation_id", "=", invitationId)
    .where("status", "=", "pending")
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** The names of the communities a network invitation brings its invitee into, for its mail. */
export async function findInvitedCommunityNames(db: Executor, invitationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("community_invitations")
    .innerJoin("communities", "communities.id", "community_invitations.community_id")
    .select("communities.name")
    .where("community_invitations.network_invitation_id", "=", invitationId)
    .where("community_invitations.status", "=", "pending")
    .where("communities.deleted_at", "is", null)
    .orderBy("community_invitations.created_at")
    .execute();
  return rows.map((row) => row.name);
}
