import { sql, type Insertable } from "kysely";
import type { Executor, Tx } from "../platform/db.ts";
import type { CommunityRole, Database, NetworkRole, NewUser, ReactionKind } from "../platform/schema.ts";

/** What already lives in the network, the seeded company community and administrators aside. */
export interface ExistingContent {
  posts: number;
  communities: number;
  people: number;
}

export async function countContent(db: Executor): Promise<ExistingContent> {
  const { rows } = await sql<ExistingContent>`
    select
      (select count(*) from posts)::int as posts,
      (select count(*) from communities where not (kind = 'company' and created_by is null))::int as communities,
      (select count(*) from users where role <> 'admin')::int as people
  `.execute(db);
  return rows[0] ?? { posts: 0, communities: 0, people: 0 };
}

/** An account the demo found or made, as the script needs it. */
export interface PersonRow {
  id: string;
  email: string;
  role: NetworkRole;
  status: "active" | "deactivated";
  display_name: string;
}

/** The longest-standing active administrator, if there is one. */
export async function findFirstAdmin(db: Executor): Promise<PersonRow | undefined> {
  return db
    .selectFrom("users")
    .select(["id", "email", "role", "status", "display_name"])
    .where("role", "=", "admin")
    .where("status", "=", "active")
    .orderBy("created_at")
    .orderBy("id")
    .executeTakeFirst();
}

export async function findPeopleByEmail(db: Executor, emails: string[]): Promise<PersonRow[]> {
  if (emails.length === 0) return [];
  return db.selectFrom("users").select(["id", "email", "role", "status", "display_name"]).where("email", "in", emails).execute();
}

/** Inserts people in one statement: managers may be among them (the foreign key is checked at its end). */
export async function insertPeople(tx: Tx, rows: NewUser[]): Promise<void> {
  if (rows.length > 0) await tx.insertInto("users").values(rows).execute();
}

/** The company community every network starts with (the oldest live one). */
export async function findCompanyCommunity(db: Executor): Promise<{ id: string; created_by: string | null }> {
  return db
    .selectFrom("communities")
    .select(["id", "created_by"])
    .where("kind", "=", "company")
    .where("deleted_at", "is", null)
    .orderBy("created_at")
    .orderBy("id")
    .executeTakeFirstOrThrow();
}

export async function renameCommunity(tx: Tx, id: string, text: { name: string; description: string }): Promise<void> {
  await tx.updateTable("communities").set({ name: text.name, description: text.description, updated_at: new Date() }).where("id", "=", id).execute();
}

export async function insertCommunity(tx: Tx, row: Insertable<Database["communities"]>): Promise<void> {
  await tx.insertInto("communities").values(row).execute();
}

/** Adds or raises someone's explicit role (the company community may already hold a row for them). */
export async function upsertMember(tx: Tx, member: { communityId: string; userId: string; role: CommunityRole; joinedAt: Date }): Promise<void> {
  await tx
    .insertInto("community_members")
    .values({ community_id: member.communityId, user_id: member.userId, role: member.role, joined_at: member.joinedAt })
    .onConflict((conflict) => conflict.columns(["community_id", "user_id"]).doUpdateSet({ role: member.role }))
    .execute();
}

export async function insertAcceptedInvitation(
  tx: Tx,
  invitation: { id: string; communityId: string; userId: string; role: "manager" | "member"; invitedBy: string; createdAt: Date; decidedAt: Date },
): Promise<void> {
  await tx
    .insertInto("community_invitations")
    .values({
      id: invitation.id,
      community_id: invitation.communityId,
      user_id: invitation.userId,
      role: invitation.role,
      invited_by: invitation.invitedBy,
      status: "accepted",
      created_at: invitation.createdAt,
      decided_at: invitation.decidedAt,
    })
    .execute();
}

export async function insertPendingRequest(tx: Tx, request: { id: string; communityId: string; userId: string; message: string; createdAt: Date }): Promise<void> {
  await tx
    .insertInto("community_requests")
    .values({ id: request.id, community_id: request.communityId, user_id: request.userId, message: request.message, status: "pending", created_at: request.createdAt })
    .execute();
}

/** Puts version 1 of a required charter in force. */
export async function insertCharter(tx: Tx, charter: { communityId: string; text: string; createdBy: string; createdAt: Date }): Promise<void> {
  await tx
    .insertInto("community_charters")
    .values({ community_id: charter.communityId, version: 1, text: charter.text, required: true, created_by: charter.createdBy, created_at: charter.createdAt })
    .execute();
  await tx.updateTable("communities").set({ charter_version: 1 }).where("id", "=", charter.communityId).execute();
}

export async function insertCharterAcceptance(tx: Tx, acceptance: { communityId: string; userId: string; acceptedAt: Date }): Promise<void> {
  await tx.insertInto("charter_acceptances").values({ community_id: acceptance.communityId, user_id: acceptance.userId, version: 1, accepted_at: acceptance.acceptedAt }).execute();
}

/** Archives a project for having ended, as the hourly job does. */
export async function archiveEndedProject(tx: Tx, id: string, at: Date): Promise<void> {
  await tx.updateTable("communities").set({ archived_at: at, end_archived_at: at, updated_at: at }).where("id", "=", id).execute();
}

export async function insertComment(
  tx: Tx,
  comment: { id: string; postId: string; parentId: string | null; authorId: string; body: string; html: string; createdAt: Date },
): Promise<void> {
  await tx
    .insertInto("comments")
    .values({
      id: comment.id,
      post_id: comment.postId,
      parent_id: comment.parentId,
      author_id: comment.authorId,
      body: comment.body,
      body_html: comment.html,
      created_at: comment.createdAt,
    })
    .execute();
}

/** Makes someone follow a post from `since`, unless they already do (its author, an earlier comment). */
export async function followPost(tx: Tx, follow: { postId: string; userId: string; since: Date }): Promise<void> {
  await tx
    .insertInto("post_follows")
    .values({ post_id: follow.postId, user_id: follow.userId, following: true, created_at: follow.since })
    .onConflict((conflict) => conflict.columns(["post_id", "user_id"]).doNothing())
    .execute();
}

export interface ReactionRow {
  targetId: string;
  userId: string;
  kind: ReactionKind;
  createdAt: Date;
}

export async function insertPostReactions(tx: Tx, rows: ReactionRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insertInto("post_reactions")
    .values(rows.map((row) => ({ post_id: row.targetId, user_id: row.userId, kind: row.kind, created_at: row.createdAt })))
    .execute();
}

export async function insertCommentReactions(tx: Tx, rows: ReactionRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insertInto("comment_reactions")
    .values(rows.map((row) => ({ comment_id: row.targetId, user_id: row.userId, kind: row.kind, created_at: row.createdAt })))
    .execute();
}

/** A poll's option ids, in the order they are shown. */
export async function pollOptionIds(db: Executor, postId: string): Promise<string[]> {
  const rows = await db.selectFrom("poll_options").select("id").where("post_id", "=", postId).orderBy("position").execute();
  return rows.map((row) => row.id);
}

export async function insertVote(tx: Tx, vote: { postId: string; optionId: string; userId: string; createdAt: Date }): Promise<void> {
  await tx.insertInto("poll_votes").values({ post_id: vote.postId, option_id: vote.optionId, user_id: vote.userId, created_at: vote.createdAt }).execute();
}

export async function insertAcknowledgement(tx: Tx, ack: { postId: string; userId: string; at: Date }): Promise<void> {
  await tx.insertInto("announcement_acks").values({ post_id: ack.postId, user_id: ack.userId, acknowledged_at: ack.at }).execute();
}

/**
 * Sets the counts kept on posts, comments and poll options from the rows they count, so they
 * cannot disagree: comments (replies included, deleted ones not), reactions by kind, votes.
 */
export async function recountStream(tx: Tx, postIds: string[]): Promise<void> {
  if (postIds.length === 0) return;
  const ids = sql`${postIds}::uuid[]`;
  await sql`
    update posts set
      comment_count = (select count(*) from comments where comments.post_id = posts.id and comments.deleted_at is null),
      reaction_counts = coalesce((select jsonb_object_agg(kind, n) from (
        select kind, count(*) as n from post_reactions where post_reactions.post_id = posts.id group by kind) as counted), '{}')
    where posts.id = any(${ids})
  `.execute(tx);
  await sql`
    update comments set reaction_counts = coalesce((select jsonb_object_agg(kind, n) from (
      select kind, count(*) as n from comment_reactions where comment_reactions.comment_id = comments.id group by kind) as counted), '{}')
    where comments.post_id = any(${ids})
  `.execute(tx);
  await sql`
    update poll_options set vote_count = (select count(*) from poll_votes where poll_votes.option_id = poll_options.id)
    where poll_options.post_id = any(${ids})
  `.execute(tx);
}
