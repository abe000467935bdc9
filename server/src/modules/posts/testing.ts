import type { Post } from "@ruche/contracts";
import { expect } from "vitest";
import type { TestContext } from "../../../test/context.ts";
import type { Browser } from "../../../test/factories.ts";

/** Test helper: posts through the API as `browser` and returns the post. */
export async function postThrough(browser: Browser, communityId: string, body: string, extra: Record<string, unknown> = {}): Promise<Post> {
  const response = await browser.inject({ method: "POST", url: "/api/v1/posts", payload: { communityId, body, ...extra } });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

/** Test helper: a post as `browser` reads it. */
export async function readPost(browser: Browser, id: string): Promise<Post> {
  const response = await browser.inject({ method: "GET", url: `/api/v1/posts/${id}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const STREAM_TABLES = ["posts", "post_revisions", "topics", "post_topics", "post_mentions", "post_follows", "bookmarks", "polls", "poll_options", "events"] as const;

/** Test helper: how many rows each table a post writes to holds, to show that a refused request wrote nothing. */
export async function streamRowCounts(t: TestContext): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of STREAM_TABLES) {
    const row = await t.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as("count")).executeTakeFirstOrThrow();
    counts[table] = Number(row.count);
  }
  return counts;
}

/** Test helper: the id of the company community every member belongs to. */
export async function companyCommunityId(t: TestContext): Promise<string> {
  const row = await t.db.selectFrom("communities").select("id").where("kind", "=", "company").orderBy("created_at").executeTakeFirstOrThrow();
  return row.id;
}
