import type { CreateScheduledCommentBody, ScheduledComment, ScheduledComments, UpdateScheduledCommentBody } from "@ruche/contracts";
import type { Db, Executor } from "../../platform/db.ts";
import { AppError } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { requireTopLevel } from "../comments/service.ts";
import { requireContribution } from "../comments/targets.ts";
import type { Viewer } from "../people/policy.ts";
import { postAccessOrThrow, type PostAccess } from "../posts/access.ts";
import { findOwnScheduledComment, listOwnScheduledComments, type ScheduledCommentRow } from "./comment-repository.ts";
import { checkedBody, checkedSendAt } from "./rules.ts";

function presentScheduledComment(row: ScheduledCommentRow): ScheduledComment {
  return {
    id: row.id,
    postId: row.post_id,
    parentId: row.parent_id,
    body: row.body,
    sendAt: row.send_at.toISOString(),
    status: row.status,
    commentId: row.comment_id,
    failureCode: row.failure_code,
    failureReason: row.failure_reason,
    createdAt: row.created_at.toISOString(),
  };
}

async function ownOrThrow(db: Executor, viewer: Viewer, id: string, options: { lock?: boolean } = {}): Promise<ScheduledCommentRow> {
  const row = await findOwnScheduledComment(db, { authorId: viewer.id, id, lock: options.lock ?? false });
  if (!row) throw new AppError("scheduled_comment_not_found");
  return row;
}

/**
 * The post `viewer` may comment on now, or the error commenting would meet: the same 404 for a post
 * they cannot read as for a missing one; for a reply, a live top-level comment of that post as parent.
 */
export async function commentablePostOrThrow(db: Executor, viewer: Viewer, target: { postId: string; parentId?: string }): Promise<PostAccess> {
  const post = await postAccessOrThrow(db, viewer, target.postId);
  requireContribution(viewer, post, "comment");
  if (target.parentId) await requireTopLevel(db, { postId: post.row.id, parentId: target.parentId, live: true });
  return post;
}

/** Schedules a comment (or reply) to go out at `sendAt`, refused now for whatever would refuse it as a comment. */
export async function createScheduledComment(db: Db, viewer: Viewer, input: { body: CreateScheduledCommentBody; now: Date }): Promise<ScheduledComment> {
  const body = checkedBody(input.body.body);
  const sendAt = checkedSendAt(input.body.sendAt, input.now);
  return db.transaction().execute(async (tx) => {
    const post = await commentablePostOrThrow(tx, viewer, input.body);
    const parentId = input.body.parentId ?? null;
    const id = newId();
    await tx
      .insertInto("scheduled_comments")
      .values({ id, author_id: viewer.id, post_id: post.row.id, parent_id: parentId, body, send_at: sendAt, created_at: input.now, updated_at: input.now })
      .execute();
    return presentScheduledComment(await ownOrThrow(tx, viewer, id));
  });
}

/** One's own scheduled comments. */
export async function listScheduledComments(db: Executor, viewer: Viewer): Promise<ScheduledComments> {
  return { items: (await listOwnScheduledComments(db, viewer.id)).map(presentScheduledComment) };
}

/** One of one's own scheduled comments; anyone else's answers 404. */
export async function getScheduledComment(db: Executor, viewer: Viewer, id: string): Promise<ScheduledComment> {
  return presentScheduledComment(await ownOrThrow(db, viewer, id));
}

/** Changes the body or time of a comment still waiting; once it went out (or failed), 409. */
export async function updateScheduledComment(db: Db, viewer: Viewer, input: { id: string; body: UpdateScheduledCommentBody; now: Date }): Promise<ScheduledComment> {
  const body = input.body.body === undefined ? undefined : checkedBody(input.body.body);
  const sendAt = input.body.sendAt === undefined ? undefined : checkedSendAt(input.body.sendAt, input.now);
  return db.transaction().execute(async (tx) => {
    const row = await ownOrThrow(tx, viewer, input.id, { lock: true });
    if (row.status !== "scheduled") throw new AppError("scheduled_post_sent");
    await tx
      .updateTable("scheduled_comments")
      .set({ ...(body === undefined ? {} : { body }), ...(sendAt === undefined ? {} : { send_at: sendAt }), updated_at: input.now })
      .where("id", "=", row.id)
      .execute();
    return presentScheduledComment(await ownOrThrow(tx, viewer, input.id));
  });
}

/** Cancels a comment still waiting (or dismisses one that failed); one that went out answers 409. */
export async function cancelScheduledComment(db: Db, viewer: Viewer, id: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const row = await ownOrThrow(tx, viewer, id, { lock: true });
    if (row.status === "published") throw new AppError("scheduled_post_sent");
    await tx.deleteFrom("scheduled_comments").where("id", "=", row.id).execute();
  });
}
