import type { Poll } from "@ruche/contracts";
import type { Viewer } from "../people/policy.ts";

/** A poll with what its viewer needs to see it: whether they voted, and whether they wrote it. */
export interface PollRow {
  post_id: string;
  multiple: boolean;
  closes_at: Date | null;
  results_visible: "after_vote" | "after_close";
  closed: boolean;
  author_id: string | null;
  total_voters: number;
  voted: boolean;
}

/** An option with its running count and whether the viewer chose it. */
export interface OptionRow {
  id: string;
  post_id: string;
  label: string;
  vote_count: number;
  chosen: boolean;
}

/**
 * Whether `viewer` sees a poll's counts: once they voted (after_vote) or once it closed; its
 * author always does, as a post's author sees its readers, to follow how it goes.
 */
function resultsShown(viewer: Viewer, poll: PollRow): boolean {
  if (poll.closed || poll.author_id === viewer.id) return true;
  return poll.results_visible === "after_vote" && poll.voted;
}

/** A poll as its viewer sees it: the counts are null while its results are hidden from them. */
export function presentPoll(viewer: Viewer, poll: PollRow, options: OptionRow[]): Poll {
  const shown = resultsShown(viewer, poll);
  return {
    multiple: poll.multiple,
    closesAt: poll.closes_at?.toISOString() ?? null,
    closed: poll.closed,
    resultsVisible: poll.results_visible,
    totalVoters: shown ? poll.total_voters : null,
    options: options.map((option) => ({ id: option.id, label: option.label, votes: shown ? option.vote_count : null, chosen: option.chosen })),
    voted: poll.voted,
  };
}
