import type { ReactionKind } from "@ruche/contracts";
import type { Executor } from "../../platform/db.ts";

/**
 * The viewer's own reactions on each of `ids` (posts or comments), in one query. Counts are kept
 * on the target's row. TO BE WRITTEN by the comments/reactions work: returns nothing yet.
 */
export async function myReactionsOn(_db: Executor, _viewerId: string, _target: "post" | "comment", _ids: string[]): Promise<Map<string, ReactionKind[]>> {
  return new Map();
}
