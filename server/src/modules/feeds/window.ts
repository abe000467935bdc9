import { sql, type RawBuilder } from "kysely";
import type { Cursor } from "../../platform/pagination.ts";
import type { PageKey } from "../posts/present-repository.ts";

/** Where a feed page starts (strictly after the cursor) and how many posts it shows. */
export interface FeedWindow {
  after?: Cursor | undefined;
  limit: number;
}

/** A post id in feed order, with the key its cursor is made of (what the presenter joins a page by). */
export type FeedRow = PageKey;

/**
 * The keyset condition "strictly older than the cursor" on a (timestamp, id) pair, written as a
 * row comparison so that PostgreSQL reads the feed indexes from that point on.
 * @example afterCursor(after, "posts.created_at", "posts.id")
 */
export function afterCursor(after: Cursor, created: string, id: string): RawBuilder<boolean> {
  return sql<boolean>`(${sql.ref(created)}, ${sql.ref(id)}) < (${after.key}::timestamptz, ${after.id}::uuid)`;
}
