import { REACTION_KINDS, type ReactionCounts, type ReactionKind, type ReactionsSummary } from "@ruche/contracts";

/** The fixed set of reactions, in the order the bar shows them. */
export const reactionKinds: readonly ReactionKind[] = REACTION_KINDS;

/**
 * The counts and the viewer's reactions once they toggle `kind`: shown at once, before the server
 * answers, then replaced by its answer. A count that falls to zero disappears, as the API sends it.
 */
export function toggledReactions(summary: ReactionsSummary, kind: ReactionKind): ReactionsSummary {
  const mine = summary.myReactions.includes(kind);
  const count = (summary.reactionCounts[kind] ?? 0) + (mine ? -1 : 1);
  const others = Object.entries(summary.reactionCounts).filter(([other]) => other !== kind);
  const reactionCounts: ReactionCounts = Object.fromEntries(count > 0 ? [...others, [kind, count]] : others);
  const myReactions = mine ? summary.myReactions.filter((chosen) => chosen !== kind) : [...summary.myReactions, kind];
  return { reactionCounts, myReactions };
}

/** How many reactions in all, for "who reacted". */
export function totalReactions(counts: ReactionCounts): number {
  return reactionKinds.reduce((total, kind) => total + (counts[kind] ?? 0), 0);
}
