import type { Executor } from "../../platform/db.ts";
import { countUnread } from "./repository.ts";

/** How many people's counts are asked of the database at once. */
const BATCH = 10;

/**
 * Each person's number of unread notifications, counted as their notifications list counts them
 * (only those whose content they may still read), so that a live badge agrees with the page. The
 * stream asks it for the connected people a change concerns; unknown or inactive ids count 0.
 */
export async function unreadCounts(db: Executor, userIds: string[]): Promise<Map<string, number>> {
  const counts = new Map(userIds.map((id) => [id, 0]));
  if (userIds.length === 0) return counts;
  const people = await db.selectFrom("users").select(["id", "role"]).where("id", "in", userIds).where("status", "=", "active").execute();
  for (let start = 0; start < people.length; start += BATCH) {
    const batch = people.slice(start, start + BATCH);
    const found = await Promise.all(batch.map(async (person) => [person.id, await countUnread(db, person)] as const));
    for (const [id, count] of found) counts.set(id, count);
  }
  return counts;
}
