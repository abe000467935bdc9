import type { Executor } from "../../platform/db.ts";

/** Each person's number of unread notifications (0 for those with none), in one query. */
export async function unreadCounts(db: Executor, userIds: string[]): Promise<Map<string, number>> {
  const counts = new Map(userIds.map((id) => [id, 0]));
  if (userIds.length === 0) return counts;
  const rows = await db
    .selectFrom("notifications")
    .select(["user_id", (eb) => eb.fn.countAll<string>().as("count")])
    .where("user_id", "in", userIds)
    .where("read_at", "is", null)
    .groupBy("user_id")
    .execute();
  for (const row of rows) counts.set(row.user_id, Number(row.count));
  return counts;
}
