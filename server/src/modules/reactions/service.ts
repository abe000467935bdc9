import { REACTION_KINDS, type ReactionKind, type ReactionsSummary, type ReactorsPage, type ReactorsQuery } from "@ruche/contracts";
import type { Db, Executor, Tx } from "../../platform/db.ts";
import { errors } from "../../platform/errors.ts";
import { decodeCursor, isTimestamp, pageOf } from "../../platform/pagination.ts";
import { appendEvent } from "../../platform/outbox.ts";
import type { Viewer } from "../people/policy.ts";
import { presentSummary } from "../people/present.ts";
import { readableCommentOrThrow, requireContribution } from "../comments/targets.ts";
import { postAccessOrThrow } from "../posts/access.ts";
import {
  adjustReactionCount,
  deleteReaction,
  insertReaction,
  listReactorRows,
  myReactionsOn,
  reactionCountsOf,
  type ReactionTarget,
  type ReactorCursor,
} from "./repository.ts";

const DEFAULT_LIMIT = 20;

/** One reaction by the viewer: on which post or comment, of which kind. */
export interface ReactionChange {
  target: ReactionTarget;
  id: string;
  kind: ReactionKind;
}

/**
 * Locks the target's row and checks the viewer may react to it. The lock serialises reactions
 * on one target, so its counts move one step at a time and always match the reaction rows.
 */
async function lockTarget(tx: Tx, viewer: Viewer, change: ReactionChange): Promise<{ postId: string }> {
  if (change.target === "post") {
    const post = await postAccessOrThrow(tx, viewer, change.id, { lock: true });
    requireContribution(viewer, post, "react");
    return { postId: post.row.id };
  }
  const { post } = await readableCommentOrThrow(tx, viewer, change.id, { lockComment: true });
  requireContribution(viewer, post, "react");
  return { postId: post.row.id };
}

async function summaryOf(db: Executor, viewer: Viewer, target: ReactionTarget, id: string): Promise<ReactionsSummary> {
  const reactionCounts = await reactionCountsOf(db, target, id);
  const mine = await myReactionsOn(db, viewer.id, target, [id]);
  return { reactionCounts, myReactions: mine.get(id) ?? [] };
}

/**
 * Adds (`present`) or takes back one reaction of the viewer's. Both are idempotent: asking for
 * the state one is in changes nothing and records no event.
 */
export async function setReaction(db: Db, viewer: Viewer, change: ReactionChange & { present: boolean }): Promise<ReactionsSummary> {
  return db.transaction().execute(async (tx) => {
    const { postId } = await lockTarget(tx, viewer, change);
    const reaction = { target: change.target, targetId: change.id, userId: viewer.id, kind: change.kind };
    const changed = change.present ? await insertReaction(tx, reaction) : await deleteReaction(tx, reaction);
    if (changed) {
      await adjustReactionCount(tx, { target: change.target, targetId: change.id, kind: change.kind, delta: change.present ? 1 : -1 });
      await appendEvent(tx, {
        type: change.present ? "reaction.added" : "reaction.removed",
        actorId: viewer.id,
        subjectId: change.id,
        payload: { target: change.target, postId, kind: change.kind },
      });
    }
    return summaryOf(tx, viewer, change.target, change.id);
  });
}

// A reactor cursor's key is `<time>|<kind>` and its id the person: one person may react in several kinds at once.
function encodeReactorKey(row: { cursor_key: string; kind: ReactionKind }): string {
  return `${row.cursor_key}|${row.kind}`;
}

function decodeReactorCursor(cursor: string): ReactorCursor {
  const { key, id } = decodeCursor(cursor, "text");
  const [createdAt = "", kind = "", ...rest] = key.split("|");
  const known = REACTION_KINDS.find((candidate) => candidate === kind);
  if (rest.length > 0 || !known || !isTimestamp(createdAt)) throw errors.invalidField("cursor", "is not a cursor this list gave out");
  return { createdAt, userId: id, kind: known };
}

/** Who reacted to a post or comment the viewer may read, newest first, among the people they may see. */
export async function listReactors(db: Executor, viewer: Viewer, input: { target: ReactionTarget; id: string; query: ReactorsQuery }): Promise<ReactorsPage> {
  if (input.target === "post") await postAccessOrThrow(db, viewer, input.id);
  else await readableCommentOrThrow(db, viewer, input.id);
  const limit = input.query.limit ?? DEFAULT_LIMIT;
  const before = input.query.cursor ? decodeReactorCursor(input.query.cursor) : undefined;
  const rows = await listReactorRows(db, { viewer, target: input.target, targetId: input.id, kind: input.query.kind, before, limit });
  const page = pageOf(rows, limit, (row) => [encodeReactorKey(row), row.person.id]);
  return {
    items: page.items.map((row) => ({ person: presentSummary(row.person), kind: row.kind, createdAt: row.created_at.toISOString() })),
    nextCursor: page.nextCursor,
  };
}
