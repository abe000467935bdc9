import { REACTION_KINDS, type ReactionKind } from "@ruche/contracts";
import { sql } from "kysely";
import type { Executor, Tx } from "../../platform/db.ts";
import { cursorTimestamp } from "../../platform/pagination.ts";
import type { ReactionCounts } from "../../platform/schema.ts";
import { visiblePeople, type Viewer } from "../people/policy.ts";
import type { SummaryRow } from "../people/present.ts";

/** What people react to: posts and comments, each with its own table and counts on its own row. */
export type ReactionTarget = "post" | "comment";

const tableOf = (target: ReactionTarget) => sql.table(`${target}_reactions`);
const targetColumn = (target: ReactionTarget) => sql.ref(`${target}_id`);
const countsTableOf = (target: ReactionTarget) => sql.table(`${target}s`);

/**
 * The viewer's own reactions on each of `ids` (posts or comments), in one query, each list in the
 * fixed order of the kinds. Counts are kept on the target's row.
 */
export async function myReactionsOn(db: Executor, viewerId: string, target: ReactionTarget, ids: string[]): Promise<Map<string, ReactionKind[]>> {
  const mine = new Map<string, ReactionKind[]>();
  if (ids.length === 0) return mine;
  const { rows } = await sql<{ target_id: string; kind: ReactionKind }>`
    select ${targetColumn(target)} as target_id, kind from ${tableOf(target)}
    where user_id = ${viewerId} and ${targetColumn(target)} = any(${ids}::uuid[])`.execute(db);
  const order = (kind: ReactionKind) => REACTION_KINDS.indexOf(kind);
  for (const row of rows) mine.set(row.target_id, [...(mine.get(row.target_id) ?? []), row.kind].sort((a, b) => order(a) - order(b)));
  return mine;
}

/** Records one reaction; false when the person had already reacted so (nothing changes). */
export async function insertReaction(tx: Tx, reaction: { target: ReactionTarget; targetId: string; userId: string; kind: ReactionKind }): Promise<boolean> {
  const { rows } = await sql`
    insert into ${tableOf(reaction.target)} (${targetColumn(reaction.target)}, user_id, kind)
    values (${reaction.targetId}, ${reaction.userId}, ${reaction.kind})
    on conflict do nothing returning user_id`.execute(tx);
  return rows.length > 0;
}

/** Takes one reaction back; false when there was none. */
export async function deleteReaction(tx: Tx, reaction: { target: ReactionTarget; targetId: string; userId: string; kind: ReactionKind }): Promise<boolean> {
  const { rows } = await sql`
    delete from ${tableOf(reaction.target)}
    where ${targetColumn(reaction.target)} = ${reaction.targetId} and user_id = ${reaction.userId} and kind = ${reaction.kind}
    returning user_id`.execute(tx);
  return rows.length > 0;
}

/**
 * Moves the count of one kind on the target's row by `delta`. A count that would reach zero (or
 * less) leaves the object, so a kind nobody chose is absent and no count is ever negative.
 */
export async function adjustReactionCount(tx: Tx, change: { target: ReactionTarget; targetId: string; kind: ReactionKind; delta: 1 | -1 }): Promise<ReactionCounts> {
  const current = sql`coalesce((reaction_counts ->> ${change.kind}::text)::int, 0)`;
  const { rows } = await sql<{ reaction_counts: ReactionCounts }>`
    update ${countsTableOf(change.target)} set reaction_counts = case
      when ${current} + ${change.delta}::int > 0
        then jsonb_set(reaction_counts, array[${change.kind}::text], to_jsonb(${current} + ${change.delta}::int))
      else reaction_counts - ${change.kind}::text end
    where id = ${change.targetId}
    returning reaction_counts`.execute(tx);
  return rows[0]?.reaction_counts ?? {};
}

/** The counts kept on the target's row. */
export async function reactionCountsOf(db: Executor, target: ReactionTarget, targetId: string): Promise<ReactionCounts> {
  const { rows } = await sql<{ reaction_counts: ReactionCounts }>`
    select reaction_counts from ${countsTableOf(target)} where id = ${targetId}`.execute(db);
  return rows[0]?.reaction_counts ?? {};
}

export interface ReactorRow {
  kind: ReactionKind;
  created_at: Date;
  cursor_key: string;
  person: SummaryRow;
}

/** Where a page of reactors starts: strictly after this reaction, newest first. */
export interface ReactorCursor {
  createdAt: string;
  userId: string;
  kind: ReactionKind;
}

/**
 * One page of who reacted to the target, newest first, among the people `viewer` may see. The
 * order is total (time, person, kind), since one person may react in several kinds at once.
 */
export async function listReactorRows(
  db: Executor,
  input: { viewer: Viewer; target: ReactionTarget; targetId: string; kind?: ReactionKind | undefined; before?: ReactorCursor | undefined; limit: number },
): Promise<ReactorRow[]> {
  const { viewer, target } = input;
  const people = db
    .selectFrom("users")
    .select(["users.id", "users.display_name", "users.job_title", "users.department", "users.location", "users.avatar_file_id", "users.role", "users.status"])
    .where(visiblePeople(viewer));
  const kindFilter = input.kind ? sql`and reaction.kind = ${input.kind}` : sql``;
  const { before } = input;
  const after = before
    ? sql`and (reaction.created_at, reaction.user_id, reaction.kind) < (${before.createdAt}::timestamptz, ${before.userId}::uuid, ${before.kind}::text)`
    : sql``;
  const { rows } = await sql<ReactorRow>`
    select reaction.kind, reaction.created_at,
      ${cursorTimestamp("reaction.created_at")} as cursor_key,
      row_to_json(person) as person
    from ${tableOf(target)} reaction
    join (${people}) person on person.id = reaction.user_id
    where ${targetColumn(target)} = ${input.targetId} ${kindFilter} ${after}
    order by reaction.created_at desc, reaction.user_id desc, reaction.kind desc
    limit ${input.limit + 1}`.execute(db);
  return rows;
}
