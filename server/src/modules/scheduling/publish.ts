import { sql } from "kysely";
import type { Db, Tx } from "../../platform/db.ts";
import { AppError } from "../../platform/errors.ts";
import { claimAttachments, releaseScheduledAttachments } from "../attachments/repository.ts";
import { createCommentIn } from "../comments/service.ts";
import { insertPoll } from "../posts/repository.ts";
import { checkedPoll, writeNewPost } from "../posts/service.ts";
import { claimDueComment } from "./comment-repository.ts";
import { claimDuePosts } from "./repository.ts";
import { requirePostingRights } from "./service.ts";

/** How many items one run publishes; the next run (a minute later) takes the rest. */
const BATCH = 100;

/** What a publishing run did, by scheduled id. */
export interface PublishOutcome {
  published: string[];
  failed: string[];
}

type Step = { kind: keyof PublishOutcome; id: string } | undefined;

/** Runs `step` (one item, one transaction) until nothing is due or the batch is full. */
async function drain(step: () => Promise<Step>): Promise<PublishOutcome> {
  const outcome: PublishOutcome = { published: [], failed: [] };
  while (outcome.published.length + outcome.failed.length < BATCH) {
    const done = await step();
    if (!done) break;
    outcome[done.kind].push(done.id);
  }
  return outcome;
}

/**
 * Posts or comments (`attempt`) under a savepoint; a refusal (removed, deactivated, archived,
 * deleted, a mention that no longer passes) rolls back whatever it wrote and is recorded on the
 * scheduled row instead. Without that, one refused item would fail its run every minute and
 * hold back every item due after it.
 */
async function attemptOrRecord<T>(tx: Tx, attempt: () => Promise<T>, record: (error: AppError) => Promise<void>): Promise<{ value: T } | undefined> {
  await sql`savepoint publish_scheduled`.execute(tx);
  try {
    const value = await attempt();
    await sql`release savepoint publish_scheduled`.execute(tx);
    return { value };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    await sql`rollback to savepoint publish_scheduled`.execute(tx);
    await record(error);
    return undefined;
  }
}

const failure = (error: AppError, now: Date) => ({ status: "failed" as const, failure_code: error.code, failure_reason: error.message, processed_at: now, updated_at: now });

/** Publishes (or fails) one due scheduled post as its author, in one transaction. */
async function publishOnePost(tx: Tx, now: Date): Promise<Step> {
  const [due] = await claimDuePosts(tx, { now, limit: 1 });
  if (!due) return undefined;
  const record = async (error: AppError) => {
    await tx.updateTable("scheduled_posts").set(failure(error, now)).where("id", "=", due.id).execute();
  };
  if (due.author_status !== "active") {
    await record(new AppError("account_deactivated"));
    return { kind: "failed", id: due.id };
  }
  const viewer = { id: due.author_id, role: due.role };
  const posted = await attemptOrRecord(tx, async () => {
    const community = await requirePostingRights(tx, viewer, { communityId: due.community_id, announcement: due.announcement });
    // Checked before anything is written: a poll that closed meanwhile (its post was moved later) fails the post.
    const poll = due.poll && checkedPoll(due.poll);
    const postId = await writeNewPost(tx, { viewer, community, body: due.body, announcement: due.announcement, mustRead: due.must_read });
    const attachmentIds = await releaseScheduledAttachments(tx, due.id);
    if (attachmentIds.length > 0) await claimAttachments(tx, viewer, attachmentIds, { postId });
    if (poll) await insertPoll(tx, postId, poll);
    return postId;
  }, record);
  if (!posted) return { kind: "failed", id: due.id };
  await tx.updateTable("scheduled_posts").set({ status: "published", post_id: posted.value, processed_at: now, updated_at: now }).where("id", "=", due.id).execute();
  return { kind: "published", id: due.id };
}

/** Publishes (or fails) one due scheduled comment as its author, in one transaction. */
async function publishOneComment(tx: Tx, now: Date): Promise<Step> {
  const due = await claimDueComment(tx, now);
  if (!due) return undefined;
  const record = async (error: AppError) => {
    await tx.updateTable("scheduled_comments").set(failure(error, now)).where("id", "=", due.id).execute();
  };
  if (due.author_status !== "active") {
    await record(new AppError("account_deactivated"));
    return { kind: "failed", id: due.id };
  }
  const viewer = { id: due.author_id, role: due.role };
  const body = { body: due.body, ...(due.parent_id ? { parentId: due.parent_id } : {}) };
  const comment = await attemptOrRecord(tx, () => createCommentIn(tx, viewer, due.post_id, body), record);
  if (!comment) return { kind: "failed", id: due.id };
  await tx.updateTable("scheduled_comments").set({ status: "published", comment_id: comment.value.id, processed_at: now, updated_at: now }).where("id", "=", due.id).execute();
  return { kind: "published", id: due.id };
}

/**
 * Publishes the scheduled posts due at `now` as their authors, each in its own transaction with
 * the same checks as posting: an author who lost the right to post there gets a failed entry with
 * the reason, and nothing is posted. Each goes out once, however many workers run this.
 */
export async function publishDuePosts(db: Db, now: Date): Promise<PublishOutcome> {
  return drain(() => db.transaction().execute((tx) => publishOnePost(tx, now)));
}

/** The same for scheduled comments and replies, with the checks of commenting. */
export async function publishDueComments(db: Db, now: Date): Promise<PublishOutcome> {
  return drain(() => db.transaction().execute((tx) => publishOneComment(tx, now)));
}
