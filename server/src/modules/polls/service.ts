import type { Poll } from "@ruche/contracts";
import type { Db, Tx } from "../../platform/db.ts";
import { AppError, errors } from "../../platform/errors.ts";
import { appendEvent } from "../../platform/outbox.ts";
import type { Viewer } from "../people/policy.ts";
import { requireContribution } from "../comments/targets.ts";
import { postAccessOrThrow } from "../posts/access.ts";
import { addVotes, chosenOptionIds, lockPoll, pollOptionIds, pollsFor, removeVotes } from "./repository.ts";

/**
 * Locks the post's poll and checks the viewer may vote in it now: a reader who may contribute
 * to the community, before the poll closes.
 */
async function openPollOrThrow(tx: Tx, viewer: Viewer, postId: string): Promise<{ multiple: boolean }> {
  const post = await postAccessOrThrow(tx, viewer, postId);
  const poll = await lockPoll(tx, post.row.id);
  if (!poll) throw new AppError("poll_not_found");
  requireContribution(viewer, post, "react");
  if (poll.closed) throw new AppError("poll_closed");
  return poll;
}

/** Refuses a choice the poll does not offer: two options in a single-choice poll, or another poll's option. */
async function checkChoice(tx: Tx, input: { postId: string; multiple: boolean; optionIds: string[] }): Promise<void> {
  if (!input.multiple && input.optionIds.length > 1) throw errors.invalidField("optionIds", "must hold one option: this poll is single choice");
  const offered = new Set(await pollOptionIds(tx, input.postId));
  if (input.optionIds.some((id) => !offered.has(id))) throw errors.invalidField("optionIds", "holds an option that is not of this poll");
}

async function pollOf(tx: Tx, viewer: Viewer, postId: string): Promise<Poll> {
  const poll = (await pollsFor(tx, viewer, [postId])).get(postId);
  if (!poll) throw new AppError("poll_not_found");
  return poll;
}

const sameChoice = (before: string[], after: string[]) => before.length === after.length && after.every((id) => before.includes(id));

/**
 * Votes in a post's poll; voting again replaces one's previous choice, and the same choice again
 * changes nothing. Returns the poll as the voter now sees it.
 */
export async function vote(db: Db, viewer: Viewer, input: { postId: string; optionIds: string[] }): Promise<Poll> {
  return db.transaction().execute(async (tx) => {
    const poll = await openPollOrThrow(tx, viewer, input.postId);
    await checkChoice(tx, { postId: input.postId, multiple: poll.multiple, optionIds: input.optionIds });
    const before = await chosenOptionIds(tx, input.postId, viewer.id);
    if (!sameChoice(before, input.optionIds)) {
      await removeVotes(tx, input.postId, viewer.id);
      await addVotes(tx, { postId: input.postId, userId: viewer.id, optionIds: input.optionIds });
      await appendEvent(tx, { type: "poll.voted", actorId: viewer.id, subjectId: input.postId, payload: { optionIds: input.optionIds, changed: before.length > 0 } });
    }
    return pollOf(tx, viewer, input.postId);
  });
}

/** Takes back one's vote while the poll is open; having none to take back changes nothing. */
export async function retractVote(db: Db, viewer: Viewer, postId: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await openPollOrThrow(tx, viewer, postId);
    if ((await chosenOptionIds(tx, postId, viewer.id)).length === 0) return;
    await removeVotes(tx, postId, viewer.id);
    await appendEvent(tx, { type: "poll.vote_retracted", actorId: viewer.id, subjectId: postId });
  });
}
