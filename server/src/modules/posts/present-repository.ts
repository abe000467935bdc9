import type { Executor } from "../../platform/db.ts";
import { visiblePeople, type Viewer } from "../people/policy.ts";
import { summaryColumns, type SummaryRow } from "../people/present.ts";

/** The topics of each post, by slug, in one query. */
export async function topicsOfPosts(db: Executor, postIds: string[]): Promise<Map<string, { slug: string; name: string }[]>> {
  const byPost = new Map<string, { slug: string; name: string }[]>();
  if (postIds.length === 0) return byPost;
  const rows = await db
    .selectFrom("post_topics")
    .innerJoin("topics", "topics.id", "post_topics.topic_id")
    .select(["post_topics.post_id", "topics.slug", "topics.name"])
    .where("post_topics.post_id", "in", postIds)
    .orderBy("topics.slug")
    .execute();
  for (const row of rows) byPost.set(row.post_id, [...(byPost.get(row.post_id) ?? []), { slug: row.slug, name: row.name }]);
  return byPost;
}

/** The posts among `postIds` that `userId` bookmarked. */
export async function bookmarkedAmong(db: Executor, userId: string, postIds: string[]): Promise<Set<string>> {
  if (postIds.length === 0) return new Set();
  const rows = await db.selectFrom("bookmarks").select("post_id").where("user_id", "=", userId).where("post_id", "in", postIds).execute();
  return new Set(rows.map((row) => row.post_id));
}

/** The posts among `postIds` that `userId` follows (a row with `following = false` is an opt-out). */
export async function followedAmong(db: Executor, userId: string, postIds: string[]): Promise<Set<string>> {
  if (postIds.length === 0) return new Set();
  const rows = await db
    .selectFrom("post_follows")
    .select("post_id")
    .where("user_id", "=", userId)
    .where("post_id", "in", postIds)
    .where("following", "=", true)
    .execute();
  return new Set(rows.map((row) => row.post_id));
}

/**
 * The authors of posts, by id. Authorship is part of a post its reader may read, so a former
 * colleague (deactivated) still signs their posts, marked inactive.
 */
export async function authorsAmong(db: Executor, ids: string[]): Promise<Map<string, SummaryRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom("users").select(summaryColumns).where("users.id", "in", ids).execute();
  return new Map(rows.map((row) => [row.id, row]));
}

/** The people among `ids` that `viewer` may see. */
export async function visiblePeopleAmong(db: Executor, viewer: Viewer, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom("users").select("users.id").where("users.id", "in", ids).where(visiblePeople(viewer)).execute();
  return new Set(rows.map((row) => row.id));
}
