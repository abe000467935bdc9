import type { CreateScheduledPostBody, ScheduledPost, ScheduledPosts, UpdateScheduledPostBody } from "@ruche/contracts";
import type { Db, Executor } from "../../platform/db.ts";
import { AppError, errors } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { attachmentsFor, claimAttachments } from "../attachments/repository.ts";
import type { Viewer } from "../people/policy.ts";
import { readableCommunityOrThrow, requirePosting, type CommunityAccess } from "../posts/access.ts";
import { can } from "../posts/policy.ts";
import { checkedPoll } from "../posts/service.ts";
import { presentScheduledPost } from "./present.ts";
import { findOwnScheduledPost, listOwnScheduledPosts, type ScheduledPostRow } from "./repository.ts";
import { checkedBody, checkedSendAt } from "./rules.ts";

/**
 * The checks of `POST /api/v1/posts` for an author and a community: they read it, may post in it,
 * and may announce when asked to. Run when scheduling and again when the post goes out.
 */
export async function requirePostingRights(db: Executor, viewer: Viewer, input: { communityId: string; announcement: boolean }): Promise<CommunityAccess> {
  const community = await readableCommunityOrThrow(db, viewer, input.communityId);
  requirePosting(viewer, community.facts);
  if (input.announcement && !can(viewer, "announce", { community: community.facts, authorId: viewer.id, deleted: false })) {
    throw new AppError("announcement_not_allowed");
  }
  return community;
}

async function ownOrThrow(db: Executor, viewer: Viewer, id: string, options: { lock?: boolean } = {}) {
  const row = await findOwnScheduledPost(db, { authorId: viewer.id, id, lock: options.lock ?? false });
  if (!row) throw new AppError("scheduled_post_not_found");
  return row;
}

/** Scheduled posts as their author sees them, with the uploads they hold. */
async function presentAll(db: Executor, rows: ScheduledPostRow[]): Promise<ScheduledPost[]> {
  // A published post's uploads are the post's now; a failed one still holds them until dismissed.
  const attachments = await attachmentsFor(db, { scheduledPostIds: rows.filter((row) => row.status !== "published").map((row) => row.id) });
  return rows.map((row) => presentScheduledPost(row, attachments.get(row.id) ?? []));
}

async function presentOwn(db: Executor, viewer: Viewer, id: string): Promise<ScheduledPost> {
  const [presented] = await presentAll(db, [await ownOrThrow(db, viewer, id)]);
  return presented as ScheduledPost;
}

/**
 * Schedules a post to go out at `sendAt`, refused now for whatever would refuse it as a post. Its
 * uploads are held for it (no longer free, nor cleaned up); its poll must close after it goes out.
 */
export async function createScheduledPost(db: Db, viewer: Viewer, input: { body: CreateScheduledPostBody; now: Date }): Promise<ScheduledPost> {
  const body = checkedBody(input.body.body);
  const sendAt = checkedSendAt(input.body.sendAt, input.now);
  const announcement = input.body.announcement ?? false;
  const mustRead = input.body.mustRead ?? false;
  if (mustRead && !announcement) throw errors.invalidField("mustRead", "is only for announcements");
  const poll = input.body.poll ? checkedPoll(input.body.poll, sendAt) : null;
  return db.transaction().execute(async (tx) => {
    await requirePostingRights(tx, viewer, { communityId: input.body.communityId, announcement });
    const id = newId();
    await tx
      .insertInto("scheduled_posts")
      .values({
        id,
        author_id: viewer.id,
        community_id: input.body.communityId,
        body,
        announcement,
        must_read: mustRead,
        poll: poll && JSON.stringify(poll),
        send_at: sendAt,
        created_at: input.now,
        updated_at: input.now,
      })
      .execute();
    if (input.body.attachmentIds) await claimAttachments(tx, viewer, input.body.attachmentIds, { scheduledPostId: id });
    return presentOwn(tx, viewer, id);
  });
}

/** One's own scheduled posts: those waiting, then those gone out or failed. */
export async function listScheduledPosts(db: Executor, viewer: Viewer): Promise<ScheduledPosts> {
  return { items: await presentAll(db, await listOwnScheduledPosts(db, viewer.id)) };
}

/** One of one's own scheduled posts; anyone else's answers 404. */
export async function getScheduledPost(db: Executor, viewer: Viewer, id: string): Promise<ScheduledPost> {
  return presentOwn(db, viewer, id);
}

/** Changes the body or the time of a post still waiting; once it went out (or failed), 409. */
export async function updateScheduledPost(db: Db, viewer: Viewer, input: { id: string; body: UpdateScheduledPostBody; now: Date }): Promise<ScheduledPost> {
  const body = input.body.body === undefined ? undefined : checkedBody(input.body.body);
  const sendAt = input.body.sendAt === undefined ? undefined : checkedSendAt(input.body.sendAt, input.now);
  return db.transaction().execute(async (tx) => {
    const row = await ownOrThrow(tx, viewer, input.id, { lock: true });
    if (row.status !== "scheduled") throw new AppError("scheduled_post_sent");
    // A later time must still open before its poll closes.
    if (sendAt && row.poll) checkedPoll(row.poll, sendAt);
    await tx
      .updateTable("scheduled_posts")
      .set({ ...(body === undefined ? {} : { body }), ...(sendAt === undefined ? {} : { send_at: sendAt }), updated_at: input.now })
      .where("id", "=", row.id)
      .execute();
    return presentOwn(tx, viewer, input.id);
  });
}

/**
 * Cancels a post still waiting (or dismisses one that failed): it is gone, and the uploads it held
 * are unclaimed again (the hourly cleanup deletes them). One that went out is a post now: delete
 * that instead (409).
 */
export async function cancelScheduledPost(db: Db, viewer: Viewer, id: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const row = await ownOrThrow(tx, viewer, id, { lock: true });
    if (row.status === "published") throw new AppError("scheduled_post_sent");
    await tx.deleteFrom("scheduled_posts").where("id", "=", row.id).execute();
  });
}
