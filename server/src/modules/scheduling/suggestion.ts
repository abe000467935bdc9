import type { SendLaterSuggestion, SendLaterSuggestionBody } from "@ruche/contracts";
import type { Executor } from "../../platform/db.ts";
import { isWorkingTime, nextWorkingStart, scheduleOf } from "../disconnect/working-time.ts";
import type { Viewer } from "../people/policy.ts";
import { readableCommunityOrThrow } from "../posts/access.ts";
import { organisationWorkingTime, wouldBeNotified } from "./repository.ts";

/**
 * The first instant by which more than half of `starts` have come: the time to suggest, so that
 * most people hear of the post as their day begins rather than the last of them.
 */
export function majorityStart(starts: Date[]): Date | null {
  const sorted = [...starts].sort((a, b) => a.getTime() - b.getTime());
  return sorted[Math.floor(sorted.length / 2)] ?? null;
}

/**
 * How many people a post in the community would notify, how many of them are outside their working
 * time at `now`, and when most of those start again: the composer's "12 people are off now: send at 08:00?".
 */
export async function suggestSendTime(db: Executor, viewer: Viewer, input: { body: SendLaterSuggestionBody; now: Date }): Promise<SendLaterSuggestion> {
  const community = await readableCommunityOrThrow(db, viewer, input.body.communityId);
  const people = await wouldBeNotified(db, { communityId: community.row.id, authorId: viewer.id, announcement: input.body.announcement ?? false });
  const organisation = await organisationWorkingTime(db);
  const starts = people
    .map((person) => scheduleOf(organisation, person))
    .filter((schedule) => !isWorkingTime(schedule, input.now))
    .map((schedule) => nextWorkingStart(schedule, input.now))
    // An empty schedule never starts: it holds nothing back, so it suggests nothing either.
    .filter((start) => start.getTime() > input.now.getTime());
  const suggested = majorityStart(starts);
  return { notified: people.length, offNow: starts.length, suggestedSendAt: suggested ? suggested.toISOString() : null };
}
