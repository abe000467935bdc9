import type { Post, PostsPage } from "@ruche/contracts";
import { sql } from "kysely";
import { expect } from "vitest";
import type { TestContext } from "../../../test/context.ts";
import type { Browser } from "../../../test/factories.ts";
import { newId } from "../../platform/ids.ts";

let clock = Date.parse("2025-06-01T08:00:00.000Z");

/** A strictly later time on each call, so that tests know the feed order they expect. */
function nextInstant(): Date {
  clock += 60_000;
  return new Date(clock);
}

/**
 * Test helper: a post written straight into the tables (as the posts service would), with its
 * topics, so that feed tests control time and content. Returns its id.
 */
export async function insertPost(
  t: TestContext,
  input: { communityId: string; authorId: string | null; topics?: string[]; announcement?: boolean; mustRead?: boolean; createdAt?: Date; deleted?: boolean },
): Promise<string> {
  const id = newId();
  const createdAt = input.createdAt ?? nextInstant();
  await t.db
    .insertInto("posts")
    .values({
      id,
      community_id: input.communityId,
      author_id: input.authorId,
      body: "A post",
      body_html: "<p>A post</p>",
      announcement: input.announcement ?? false,
      must_read: input.mustRead ?? false,
      deleted_at: input.deleted ? new Date() : null,
      created_at: createdAt,
    })
    .execute();
  for (const name of input.topics ?? []) {
    await sql`insert into topics (id, slug, name) values (${newId()}, ruche_fold(${name}), ${name}) on conflict (slug) do nothing`.execute(t.db);
    const topic = await t.db.selectFrom("topics").select("id").where("slug", "=", sql<string>`ruche_fold(${name})`).executeTakeFirstOrThrow();
    await t.db.insertInto("post_topics").values({ topic_id: topic.id, post_id: id, community_id: input.communityId, created_at: createdAt }).execute();
  }
  return id;
}

/** Test helper: one page of a feed as `browser` gets it. */
export async function feedPage(browser: Browser, url: string): Promise<PostsPage> {
  const response = await browser.inject({ method: "GET", url });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/**
 * Test helper: the ids of every post of a feed, following its cursors page by page (from `cursor`
 * when given). Every page but the last must be full: a post the feed's query selected but the
 * viewer may not read would show as a short page. One post a page by default, so that it does.
 */
export async function wholeFeed(browser: Browser, url: string, options: { limit?: number; cursor?: string | null } = {}): Promise<string[]> {
  const limit = options.limit ?? 1;
  const ids: string[] = [];
  let cursor = options.cursor ?? null;
  do {
    const separator = url.includes("?") ? "&" : "?";
    const page: PostsPage = await feedPage(browser, `${url}${separator}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    if (page.nextCursor) expect(page.items, "a page before the last is full").toHaveLength(limit);
    ids.push(...page.items.map((post: Post) => post.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}
