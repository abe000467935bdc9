import type { SendCommentLaterSuggestionBody, SendLaterSuggestion, SendLaterSuggestionBody } from "@ruche/contracts";
import type { Executor } from "../../platform/db.ts";
import { isWorkingTime, nextWorkingStart, scheduleOf } from "../disconnect/working-time.ts";
import type { Viewer } from "../people/policy.ts";
import { readableCommunityOrThrow } from "../posts/access.ts";
import { commentablePostOrThrow } from "./comments.ts";
import { organisationWorkingTime, wouldBeNotified, wouldBeNotifiedOfComment, type NotifiedPerson } from "./repository.ts";

/**
 * The first instant by which more than half of `starts` have come: the time to suggest, so that
 * most people hear of the post as their day begins rather than the last of them.
 */
export function majorityStart(starts: Date[]): Date | null {
  const sorted = [...starts].sort((a, b) => a.getTime() - b.getTime());
  return sorted[Math.floor(sorted.length / 2)] ?? null;
}

/** How many of `people` are outside their working time at `now`, and when most of those start again. */
async function offHoursSuggestion(db: Executor, people: NotifiedPerson[], now: Date): Promise<SendLaterSuggestion> {
  const organisation = await organisationWorkingTime(db);
  const starts = people
    .map((person) => scheduleOf(organisation, person))
    .filter((schedule) => !isWorkingTime(schedule, now))
    .map((schedule) => nextWorkingStart(schedule, now))
    // An empty schedule never starts: it holds nothing back, so it suggests nothing either.
    .filter((start) => start.getTime() > now.getTime());
  const suggested = majorityStart(starts);
  return { notified: people.length, offNow: starts.length, suggestedSendAt: suggested ? suggested.toISOString() : null };
}

/**
 * How many people a post in the community would notify, how many of them are outside their working
 * time at `now`, and when most of those start again: the composer's "12 people are off now: send at 08:00?".
 */
export async function suggestSendTime(db: Executor, viewer: Viewer, input: { body: SendLaterSuggestionBody; now: Date }): Promise<SendLaterSuggestion> {
  const community = await readableCommunityOrThrow(db, viewer, input.body.communityId);
  const people = await wouldBeNotified(db, { communityId: community.row.id, authorId: viewer.id, announcement: input.body.announcement ?? false, mentions: input.body.mentions ?? [] });
  return offHoursSuggestion(db, people, input.now);
}

/**
 * The same suggestion for a comment on the post (or a reply): asked only where the viewer may
 * comment, so that it tells nothing about a post they could not comment on.
 */
export async function suggestCommentSendTime(db: Executor, viewer: Viewer, input: { body: SendCommentLaterSuggestionBody; now: Date }): Promise<SendLaterSuggestion> {
  const post = await commentablePostOrThrow(db, viewer, input.body);
  const people = await wouldBeNotifiedOfComment(db, { postId: post.row.id, parentId: input.body.parentId ?? null, commenterId: viewer.id, mentions: input.body.mentions ?? [] });
  return offHoursSuggestion(db, people, input.now);
}
