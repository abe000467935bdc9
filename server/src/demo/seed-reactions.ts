import type { Tx } from "../platform/db.ts";
import { appendEvent } from "../platform/outbox.ts";
import type { ReactionKind } from "../platform/schema.ts";
import { insertCommentReactions, insertPostReactions, type ReactionRow } from "./repository.ts";
import type { ReactionPlan } from "./script.ts";
import type { Cast } from "./seed-people.ts";
import { draw, type Timeline } from "./timeline.ts";

export interface ReactionsInput {
  target: "post" | "comment";
  id: string;
  postId: string;
  /** Names the target in the draw, so the same people react to it on every run. */
  label: string;
  authorKey: string;
  since: Date;
  plan: ReactionPlan;
  /** Who may react there; the author does not react to their own words. */
  contributors: string[];
}

/**
 * Reactions to a post or comment, as many of each kind as the script says, each by a different
 * person, spread over the hours that follow. Returns how many were written.
 */
export async function react(context: { tx: Tx; timeline: Timeline; cast: Cast }, input: ReactionsInput): Promise<number> {
  const kinds = Object.entries(input.plan) as [ReactionKind, number][];
  const wanted = kinds.flatMap(([kind, count]) => Array.from({ length: count }, () => kind));
  const reactors = draw(input.label, input.contributors.filter((key) => key !== input.authorKey), wanted.length);
  const rows: ReactionRow[] = wanted.map((kind, index) => ({
    targetId: input.id,
    userId: context.cast.person(reactors[index] ?? "").id,
    kind,
    createdAt: context.timeline.after(input.since, 12 + index * 23),
  }));
  if (input.target === "post") await insertPostReactions(context.tx, rows);
  else await insertCommentReactions(context.tx, rows);
  for (const row of rows) {
    await appendEvent(context.tx, { type: "reaction.added", actorId: row.userId, subjectId: input.id, payload: { target: input.target, postId: input.postId, kind: row.kind } });
  }
  return rows.length;
}
