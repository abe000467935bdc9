import { sql, type Insertable, type Selectable } from "kysely";
import type { PollInput } from "@ruche/contracts";
import type { Executor, Tx } from "../../platform/db.ts";
import { newId } from "../../platform/ids.ts";
import type { CommunityRole, PostsTable } from "../../platform/schema.ts";
import { visiblePeople, type Viewer } from "../people/policy.ts";
import { summaryColumns, type SummaryRow } from "../people/present.ts";

export type PostRow = Selectable<PostsTable>;
type NewPost = Insertable<PostsTable>;

/** A person a body mentions, with their role in the community it is written in. */
export interface MentionableRow {
  id: string;
  display_name: string;
  role: Viewer["role"];
  member_role: CommunityRole | null;
}

/**
 * The active people among `ids` that `author` may see (anyone else cannot be mentioned), with
 * their explicit role in the community, in one query.
 */
export async function findMentionable(db: Executor, input: { author: Viewer; communityId: string | null; ids: string[] }): Promise<MentionableRow[]> {
  if (input.ids.length === 0) return [];
  return db
    .selectFrom("users")
    .leftJoin("community_members as cm", (join) => join.onRef("cm.user_id", "=", "users.id").on("cm.community_id", "=", input.communityId))
    .select(["users.id", "users.display_name", "users.role", "cm.role as member_role"])
    .where("users.id", "in", input.ids)
    .where("users.status", "=", "active")
    .where(visiblePeople(input.author))
    .execute();
}

/**
 * Active people `viewer` may see (themself aside) whose name, or a word of it, starts with
 * `prefix`, accents and case aside, with their explicit role in `communityId`.
 */
export async function searchMentionable(
  db: Executor,
  input: { viewer: Viewer; prefix: string; communityId: string | null; limit: number },
): Promise<(SummaryRow & { member_role: CommunityRole | null })[]> {
  const pattern = input.prefix.replace(/[\\%_]/g, (c) => `\\${c}`);
  return db
    .selectFrom("users")
    .leftJoin("community_members as cm", (join) => join.onRef("cm.user_id", "=", "users.id").on("cm.community_id", "=", input.communityId))
    .select([...summaryColumns, "cm.role as member_role"])
    .where("users.status", "=", "active")
    .where("users.id", "!=", input.viewer.id)
    .where(visiblePeople(input.viewer))
    .where(sql<boolean>`(ruche_fold(users.display_name) like ruche_fold(${pattern}) || '%'
      or ruche_fold(users.display_name) like '% ' || ruche_fold(${pattern}) || '%')`)
    .orderBy(sql`ruche_fold(users.display_name)`)
    .orderBy("users.id")
    .limit(input.limit)
    .execute();
}

/** Topic names with their slug, folded by the same `ruche_fold` as every other search key. */
export async function foldTopicNames(db: Executor, names: string[]): Promise<{ name: string; slug: string }[]> {
  if (names.length === 0) return [];
  const result = await sql<{ name: string; slug: string }>`select name, ruche_fold(name) as slug from unnest(${names}::text[]) as name`.execute(db);
  return result.rows;
}

export async function insertPost(tx: Tx, post: NewPost): Promise<void> {
  await tx.insertInto("posts").values(post).execute();
}

/**
 * A post row, locked for the rest of the transaction when changing it. The lock keeps other
 * changes of the post out, but not the rows that refer to it (a read marker, a reaction, a
 * notification): its id never changes, so their foreign key checks need not wait, as FOR UPDATE
 * made them wait for every comment being written on a busy post.
 */
export async function findPostRow(db: Executor, id: string, options: { lock?: boolean } = {}): Promise<PostRow | undefined> {
  const query = db.selectFrom("posts").selectAll().where("id", "=", id);
  return options.lock ? query.forNoKeyUpdate().executeTakeFirst() : query.executeTakeFirst();
}

/** Post rows by id, in no particular order. */
export async function findPostRows(db: Executor, ids: string[]): Promise<PostRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom("posts").selectAll().where("id", "in", ids).execute();
}

/** Who a post mentions (those who may read it), replaced; returns who was mentioned before. */
export async function replaceMentions(tx: Tx, postId: string, userIds: string[]): Promise<string[]> {
  const before = await tx.deleteFrom("post_mentions").where("post_id", "=", postId).returning("user_id").execute();
  await addMentions(tx, postId, userIds);
  return before.map((row) => row.user_id);
}

/** Records who a new post mentions. */
export async function addMentions(tx: Tx, postId: string, userIds: string[]): Promise<void> {
  if (userIds.length > 0) await tx.insertInto("post_mentions").values(userIds.map((user_id) => ({ post_id: postId, user_id }))).execute();
}

/** A post's topics, replaced (after an edit). */
export async function replaceTopics(tx: Tx, post: { id: string; communityId: string; createdAt: Date }, topics: { name: string; slug: string }[]): Promise<void> {
  await tx.deleteFrom("post_topics").where("post_id", "=", post.id).execute();
  await addTopics(tx, post, topics);
}

/**
 * Gives a new post its topics. Topics are created on first use; sorted slugs keep two posts
 * creating the same topics from locking them in opposite orders.
 */
export async function addTopics(tx: Tx, post: { id: string; communityId: string; createdAt: Date }, topics: { name: string; slug: string }[]): Promise<void> {
  if (topics.length === 0) return;
  const sorted = [...topics].sort((a, b) => (a.slug < b.slug ? -1 : 1));
  await tx
    .insertInto("topics")
    .values(sorted.map((topic) => ({ id: newId(), slug: topic.slug, name: topic.name })))
    .onConflict((conflict) => conflict.column("slug").doNothing())
    .execute();
  const rows = await tx.selectFrom("topics").select("id").where("slug", "in", sorted.map((topic) => topic.slug)).execute();
  await tx
    .insertInto("post_topics")
    .values(rows.map((row) => ({ topic_id: row.id, post_id: post.id, community_id: post.communityId, created_at: post.createdAt })))
    .execute();
}

/** Keeps the version a post had before an edit: versions count from 1, the body as first posted. */
export async function appendRevision(tx: Tx, revision: { postId: string; body: string; editedBy: string | null; createdAt: Date }): Promise<void> {
  const latest = await tx
    .selectFrom("post_revisions")
    .select((eb) => eb.fn.max("version").as("version"))
    .where("post_id", "=", revision.postId)
    .executeTakeFirst();
  await tx
    .insertInto("post_revisions")
    .values({ post_id: revision.postId, version: (latest?.version ?? 0) + 1, body: revision.body, edited_by: revision.editedBy, created_at: revision.createdAt })
    .execute();
}

export interface RevisionRow {
  version: number;
  body: string;
  created_at: Date;
  editor_id: string | null;
  editor_name: string | null;
}

/** A post's earlier versions, newest first. */
export async function listRevisions(db: Executor, postId: string): Promise<RevisionRow[]> {
  return db
    .selectFrom("post_revisions")
    .leftJoin("users", "users.id", "post_revisions.edited_by")
    .select(["post_revisions.version", "post_revisions.body", "post_revisions.created_at", "users.id as editor_id", "users.display_name as editor_name"])
    .where("post_revisions.post_id", "=", postId)
    .orderBy("post_revisions.version", "desc")
    .execute();
}

/** Writes a new post's poll and its options, in the order given. */
export async function insertPoll(tx: Tx, postId: string, poll: PollInput & { options: string[] }): Promise<void> {
  await tx
    .insertInto("polls")
    .values({ post_id: postId, multiple: poll.multiple ?? false, closes_at: poll.closesAt ? new Date(poll.closesAt) : null, results_visible: poll.resultsVisible ?? "after_vote" })
    .execute();
  await tx
    .insertInto("poll_options")
    .values(poll.options.map((label, position) => ({ id: newId(), post_id: postId, position, label })))
    .execute();
}

/** Bookmarks a post for someone, or removes the bookmark; tells whether anything changed. */
export async function setBookmark(db: Executor, input: { userId: string; postId: string; on: boolean }): Promise<boolean> {
  if (!input.on) {
    const removed = await db.deleteFrom("bookmarks").where("user_id", "=", input.userId).where("post_id", "=", input.postId).returning("post_id").execute();
    return removed.length > 0;
  }
  const added = await db
    .insertInto("bookmarks")
    .values({ user_id: input.userId, post_id: input.postId })
    .onConflict((conflict) => conflict.columns(["user_id", "post_id"]).doNothing())
    .returning("post_id")
    .execute();
  return added.length > 0;
}

/**
 * Follows or unfollows a post; tells whether anything changed. Unfollowing keeps a row with
 * `following = false`, so the author or a commenter, who follow by default, can opt out for good.
 */
export async function setFollowing(db: Executor, input: { userId: string; postId: string; following: boolean }): Promise<boolean> {
  const changed = await db
    .insertInto("post_follows")
    .values({ user_id: input.userId, post_id: input.postId, following: input.following })
    .onConflict((conflict) =>
      conflict.columns(["post_id", "user_id"]).doUpdateSet({ following: input.following }).where("post_follows.following", "!=", input.following),
    )
    .returning("post_id")
    .execute();
  return changed.length > 0;
}
