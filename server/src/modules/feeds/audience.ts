import { sql, type RawBuilder } from "kysely";
import type { Executor } from "../../platform/db.ts";
import type { Cursor } from "../../platform/pagination.ts";
import { visiblePeople, type Viewer } from "../people/policy.ts";
import { summaryColumns, type SummaryRow } from "../people/present.ts";

/**
 * Whether the person `users` row in scope is in an announcement's audience: the active members of
 * the post's community (of a company community, every active non-guest), its author aside, since
 * nobody acknowledges their own announcement. `posts` and `communities` must be in scope too.
 */
const inAudience: RawBuilder<boolean> = sql<boolean>`(
  users.status = 'active'
  and users.id is distinct from posts.author_id
  and case when communities.kind = 'company' then users.role <> 'guest'
    else exists (select 1 from community_members where community_members.community_id = posts.community_id
      and community_members.user_id = users.id) end
)`;

/** "x of y read" for each post among `postIds`: acknowledgements by people still in the audience, and its size. */
export async function readingCounts(db: Executor, postIds: string[]): Promise<Map<string, { read: number; audience: number }>> {
  if (postIds.length === 0) return new Map();
  const { rows } = await sql<{ id: string; read: number; audience: number }>`
    select posts.id,
      (select count(*) from announcement_acks join users on users.id = announcement_acks.user_id
        where announcement_acks.post_id = posts.id and ${inAudience})::int as read,
      (select count(*) from users where ${inAudience})::int as audience
    from posts join communities on communities.id = posts.community_id
    where posts.id = any(${postIds}::uuid[])
  `.execute(db);
  return new Map(rows.map((row) => [row.id, { read: row.read, audience: row.audience }]));
}

/** When the viewer acknowledged each of `postIds` they have acknowledged. */
export async function acknowledgementsOf(db: Executor, userId: string, postIds: string[]): Promise<Map<string, Date>> {
  if (postIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("announcement_acks")
    .select(["post_id", "acknowledged_at"])
    .where("user_id", "=", userId)
    .where("post_id", "in", postIds)
    .execute();
  return new Map(rows.map((row) => [row.post_id, row.acknowledged_at]));
}

/** Records an acknowledgement; false when there already was one. */
export async function insertAcknowledgement(db: Executor, postId: string, userId: string): Promise<boolean> {
  const inserted = await db
    .insertInto("announcement_acks")
    .values({ post_id: postId, user_id: userId })
    .onConflict((conflict) => conflict.columns(["post_id", "user_id"]).doNothing())
    .returning("post_id")
    .executeTakeFirst();
  return inserted !== undefined;
}

export type ReaderRow = SummaryRow & { acknowledged_at: Date | null; sort_name: string };

/** A page of an announcement's audience that `viewer` may see, in name order, read or unread only when asked. */
export async function listReaders(
  db: Executor,
  input: { viewer: Viewer; postId: string; read?: boolean | undefined; after?: Cursor | undefined; limit: number },
): Promise<ReaderRow[]> {
  let query = db
    .selectFrom("posts")
    .innerJoin("communities", "communities.id", "posts.community_id")
    .crossJoin("users")
    .leftJoin("announcement_acks as ack", (join) => join.onRef("ack.post_id", "=", "posts.id").onRef("ack.user_id", "=", "users.id"))
    .select([...summaryColumns, "ack.acknowledged_at", sql<string>`ruche_fold(users.display_name)`.as("sort_name")])
    .where("posts.id", "=", input.postId)
    .where(inAudience)
    .where(visiblePeople(input.viewer));
  if (input.read !== undefined) query = query.where("ack.acknowledged_at", input.read ? "is not" : "is", null);
  if (input.after) {
    query = query.where(sql<boolean>`(ruche_fold(users.display_name), users.id) > (${input.after.key}, ${input.after.id}::uuid)`);
  }
  return query
    .orderBy(sql`ruche_fold(users.display_name)`)
    .orderBy("users.id")
    .limit(input.limit + 1)
    .execute();
}
