import type { Poll } from "@ruche/contracts";

/**
 * What a poll shows its viewer: the ballot while they may still vote, the results once the
 * author's rule allows them (the server then sends the counts), else a note that they come later
 * (voted on a poll whose results wait for its closing).
 */
export type PollMode = "ballot" | "results" | "waiting";

export function pollMode(poll: Poll): PollMode {
  if (!poll.voted && !poll.closed) return "ballot";
  return poll.totalVoters === null ? "waiting" : "results";
}

/** Whether the viewer may take their vote back: only on a poll still open. */
export function mayRetract(poll: Poll): boolean {
  return poll.voted && !poll.closed;
}

/**
 * An option's share of the voters, in whole percent. With multiple choice the shares add up to
 * more than 100, since each voter may pick several.
 */
export function optionShare(votes: number | null, totalVoters: number | null): number {
  if (votes === null || !totalVoters) return 0;
  return Math.round((votes / totalVoters) * 100);
}

/** The options with the most votes, highlighted in the results; none while nobody voted. */
export function leadingOptions(poll: Poll): Set<string> {
  const most = Math.max(0, ...poll.options.map((option) => option.votes ?? 0));
  if (most === 0) return new Set();
  return new Set(poll.options.filter((option) => option.votes === most).map((option) => option.id));
}
