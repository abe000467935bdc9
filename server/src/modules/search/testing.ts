import type { SearchHit, SearchPage } from "@ruche/contracts";
import { expect } from "vitest";
import type { TestContext } from "../../../test/context.ts";
import type { Browser } from "../../../test/factories.ts";
import { newId } from "../../platform/ids.ts";

/** The query string of a search: every value as text, encoded. */
export function searchUrl(params: Record<string, string | number | boolean>, path = "/api/v1/search"): string {
  const query = new URLSearchParams(Object.entries(params).map(([name, value]): [string, string] => [name, String(value)]));
  return `${path}?${query.toString()}`;
}

/** Test helper: one page of search results as `browser` gets it (which must be a 200). */
export async function searchPage(browser: Browser, params: Record<string, string | number | boolean>): Promise<SearchPage> {
  const response = await browser.inject({ method: "GET", url: searchUrl(params) });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/** Test helper: the ids of the first page of results, best first. */
export async function foundIds(browser: Browser, params: Record<string, string | number | boolean>): Promise<string[]> {
  return (await searchPage(browser, { limit: 50, ...params })).items.map((hit: SearchHit) => hit.id);
}

/** Test helper: every result, following `nextCursor` page by page; no page over the limit, none empty before the last. */
export async function allResults(browser: Browser, params: Record<string, string | number | boolean>, limit = 7): Promise<SearchHit[]> {
  const hits: SearchHit[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 100; page += 1) {
    const body: SearchPage = await searchPage(browser, { ...params, limit, ...(cursor ? { cursor } : {}) });
    expect(body.items.length).toBeLessThanOrEqual(limit);
    if (body.nextCursor) expect(body.items, "a page before the last is full").toHaveLength(limit);
    hits.push(...body.items);
    cursor = body.nextCursor;
    if (!cursor) break;
  }
  expect(cursor, "the results never ended").toBeNull();
  return hits;
}

/**
 * Test helper: a post written straight into the tables at a chosen time (the search index's
 * triggers index it as they do a post made through the API). Returns its id.
 */
export async function insertPostAt(t: TestContext, input: { communityId: string; authorId: string; body: string; createdAt: Date }): Promise<string> {
  const id = newId();
  await t.db
    .insertInto("posts")
    .values({ id, community_id: input.communityId, author_id: input.authorId, body: input.body, body_html: `<p>${input.body}</p>`, created_at: input.createdAt })
    .execute();
  return id;
}
