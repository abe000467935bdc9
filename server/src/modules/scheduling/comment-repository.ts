import type { Selectable } from "kysely";
import type { Executor } from "../../platform/db.ts";
import type { ScheduledCommentsTable } from "../../platform/schema.ts";

export type ScheduledCommentRow = Selectable<ScheduledCommentsTable>;

/** One of the author's scheduled comments; someone else's is undefined, like a missing one. */
export async function findOwnScheduledComment(db: Executor, input: { authorId: string; id: string; lock?: boolean }): Promise<ScheduledCommentRow | undefined> {
  let query = db.selectFrom("scheduled_comments").selectAll().where("id", "=", input.id).where("author_id", "=", input.authorId);
  if (input.lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** The author's scheduled comments, waiting ones first by send time, then the others newest first. */
export async function listOwnScheduledComments(db: Executor, authorId: string): Promise<ScheduledCommentRow[]> {
  const rows = await db.selectFrom("scheduled_comments").selectAll().where("author_id", "=", authorId).orderBy("send_at").orderBy("id").limit(500).execute();
  const waiting = rows.filter((row) => row.status === "scheduled");
  return [...waiting, ...rows.filter((row) => row.status !== "scheduled").reverse()];
}

/** Claims one scheduled comment due at `now`, locked for this transaction; other workers skip it. */
export async function claimDueComment(db: Executor, now: Date) {
  return db
    .selectFrom("scheduled_comments as s")
    .innerJoin("users as u", "u.id", "s.author_id")
    .select(["s.id", "s.author_id", "s.post_id", "s.parent_id", "s.body", "u.role", "u.status as author_status"])
    .where("s.status", "=", "scheduled")
    .where("s.send_at", "<=", now)
    .orderBy("s.send_at")
    .limit(1)
    .forUpdate("s")
    .skipLocked()
    .executeTakeFirst();
}
