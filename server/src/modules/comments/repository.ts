import { sql } from "kysely";
import type { Executor, Tx } from "../../platform/db.ts";
import { cursorTimestamp, type Cursor } from "../../platform/pagination.ts";
import type { ReactionCounts } from "../../platform/schema.ts";
import type { SummaryRow } from "../people/present.ts";

// The SQL of comments, and of the parts of a post they change: its comment count and who follows it.
// Writers lock the post's row before a comment's (targets.ts), so two changes never wait on each other in turn.

/** A comment's own row, without its author or counts. */
export interface CommentOwnerRow {
  id: string;
  post_id: string;
  parent_id: string | null;
  author_id: string | null;
  body: string;
  deleted_at: Date | null;
}

export async function findCommentOwner(db: Executor, id: string, options: { lock?: boolean } = {}): Promise<CommentOwnerRow | undefined> {
  const query = db.selectFrom("comments").select(["id", "post_id", "parent_id", "author_id", "body", "deleted_at"]).where("id", "=", id);
  return (options.lock ? query.forNoKeyUpdate() : query).executeTakeFirst();
}

/** A comment as a list shows it: its author, its live replies counted. */
export interface CommentRow {
  id: string;
  post_id: string;
  parent_id: string | null;
  author_id: string | null;
  body: string;
  body_html: string;
  reaction_counts: ReactionCounts;
  edited_at: Date | null;
  deleted_at: Date | null;
  created_at: Date;
  reply_count: number;
  cursor_key: string;
  author: SummaryRow | null;
}

/** Whether the comment in scope has a reply that is not deleted: a deleted parent stays for it. */
const hasLiveReply = sql<boolean>`exists (select 1 from comments reply where reply.parent_id = comments.id and reply.deleted_at is null)`;

/**
 * Comments with their author. Authorship is part of a comment its reader may read, as of a post: a
 * former colleague (deactivated) still signs their comments, marked inactive.
 */
function selectComments(db: Executor) {
  return db
    .selectFrom("comments")
    .select([
      "comments.id",
      "comments.post_id",
      "comments.parent_id",
      "comments.author_id",
      "comments.body",
      "comments.body_html",
      "comments.reaction_counts",
      "comments.edited_at",
      "comments.deleted_at",
      "comments.created_at",
      sql<number>`(select count(*) from comments reply where reply.parent_id = comments.id and reply.deleted_at is null)::int`.as("reply_count"),
      cursorTimestamp("comments.created_at").as("cursor_key"),
      (eb) =>
        eb
          .selectFrom("users")
          .select(
            sql<SummaryRow>`json_build_object('id', users.id, 'display_name', users.display_name, 'job_title', users.job_title,
              'department', users.department, 'location', users.location, 'avatar_file_id', users.avatar_file_id,
              'role', users.role, 'status', users.status)`.as("author"),
          )
          .whereRef("users.id", "=", "comments.author_id")
          .as("author"),
    ])
    .where((eb) => eb.or([eb("comments.deleted_at", "is", null), hasLiveReply]));
}

/** One page of a post's top-level comments, or of one comment's replies, oldest first. */
export async function listCommentRows(
  db: Executor,
  input: { postId: string; parentId: string | null; after?: Cursor | undefined; limit: number },
): Promise<CommentRow[]> {
  let query = selectComments(db).where("comments.post_id", "=", input.postId);
  query = input.parentId === null ? query.where("comments.parent_id", "is", null) : query.where("comments.parent_id", "=", input.parentId);
  if (input.after) {
    query = query.where(sql<boolean>`(comments.created_at, comments.id) > (${input.after.key}::timestamptz, ${input.after.id}::uuid)`);
  }
  return query.orderBy("comments.created_at").orderBy("comments.id").limit(input.limit + 1).execute();
}

/** One comment as a list would show it (a deleted one without replies is not found). */
export async function findCommentRow(db: Executor, id: string): Promise<CommentRow | undefined> {
  return selectComments(db).where("comments.id", "=", id).executeTakeFirst();
}

export async function insertComment(
  tx: Tx,
  comment: { id: string; postId: string; parentId: string | null; authorId: string; body: string; html: string },
): Promise<void> {
  await tx
    .insertInto("comments")
    .values({ id: comment.id, post_id: comment.postId, parent_id: comment.parentId, author_id: comment.authorId, body: comment.body, body_html: comment.html })
    .execute();
}

export async function updateCommentBody(tx: Tx, change: { id: string; body: string; html: string }): Promise<void> {
  await tx.updateTable("comments").set({ body: change.body, body_html: change.html, edited_at: new Date() }).where("id", "=", change.id).execute();
}

export async function markCommentDeleted(tx: Tx, id: string): Promise<void> {
  await tx.updateTable("comments").set({ deleted_at: new Date() }).where("id", "=", id).execute();
}

/** Replaces the people a comment mentions; returns those it did not mention before. */
export async function replaceCommentMentions(tx: Tx, commentId: string, userIds: string[]): Promise<string[]> {
  const before = await tx.selectFrom("comment_mentions").select("user_id").where("comment_id", "=", commentId).execute();
  await tx.deleteFrom("comment_mentions").where("comment_id", "=", commentId).execute();
  if (userIds.length > 0) {
    await tx
      .insertInto("comment_mentions")
      .values(userIds.map((userId) => ({ comment_id: commentId, user_id: userId })))
      .execute();
  }
  const known = new Set(before.map((row) => row.user_id));
  return userIds.filter((userId) => !known.has(userId));
}

/** Moves a post's comment count by `delta`; it never goes below zero. */
export async function adjustCommentCount(tx: Tx, postId: string, delta: number): Promise<void> {
  await tx
    .updateTable("posts")
    .set({ comment_count: sql<number>`greatest(comment_count + ${delta}::int, 0)` })
    .where("id", "=", postId)
    .execute();
}

/** Makes `userId` follow the post, unless they already chose whether to (an unfollow stays). */
export async function followPostUnlessDecided(tx: Tx, postId: string, userId: string): Promise<void> {
  await tx
    .insertInto("post_follows")
    .values({ post_id: postId, user_id: userId, following: true })
    .onConflict((conflict) => conflict.columns(["post_id", "user_id"]).doNothing())
    .execute();
}
