import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import type { Browser } from "../../../test/factories.ts";
import { createThrough, personBrowser } from "../communities/testing.ts";
import { CANDIDATES, RECENT_WINDOW } from "./repository.ts";
import { MAX_RESULTS } from "./service.ts";
import { allResults, foundIds } from "./testing.ts";

// A common word fills its candidates from the newest documents; a rare one is read from the text
// index. Both ways must give the newest readable matches and nothing else.
let t: TestContext;
let member: Browser;
let outsider: Browser;
let open: string;
let secret: string;

/** `count` posts in `communityId`, one a minute back from `newest`, the word in every `every`-th. */
async function bulkPosts(communityId: string, authorId: string, input: { count: number; every: number; word: string; newest: Date }): Promise<void> {
  await sql`
    insert into posts (id, community_id, author_id, body, body_html, created_at)
    select gen_random_uuid(), ${communityId}::uuid, ${authorId}::uuid,
      case when n % ${input.every} = 0 then 'Compte rendu ' || ${input.word} || ' numéro ' || n else 'Compte rendu ordinaire numéro ' || n end,
      '<p>…</p>', ${input.newest}::timestamptz - n * interval '1 minute'
    from generate_series(1, ${input.count}) as n
  `.execute(t.db);
}

beforeAll(async () => {
  t = await createTestContext({ work: false });
  member = await personBrowser(t);
  outsider = await personBrowser(t);
  ({ id: open } = await createThrough(member, { name: "Ateliers" }));
  ({ id: secret } = await createThrough(member, { name: "Cabinet", visibility: "secret" }));
  const newest = new Date(Date.now() - 60_000);
  // "kaléidoscope" in every other post of the open community: common within the newest window.
  await bulkPosts(open, member.userId, { count: 2 * CANDIDATES + 40, every: 2, word: "kaléidoscope", newest });
  // The secret community's posts are the newest of all, with the same word.
  await bulkPosts(secret, member.userId, { count: 50, every: 1, word: "kaléidoscope", newest: new Date(Date.now()) });
  // "zoetrope" only in the oldest posts, far behind the window of the newest documents.
  await bulkPosts(open, member.userId, { count: 5, every: 1, word: "zoetrope", newest: new Date(Date.now() - 400 * 24 * 3600_000) });
  // Statistics, as autovacuum would gather them: they tell a common word from a rare one.
  await sql`analyze search_documents`.execute(t.db);
});
afterAll(() => t.close());

describe("the two ways in", () => {
  it("gives a common word's newest readable matches, never the secret community's, up to the last page", async () => {
    expect(2 * CANDIDATES + 40).toBeLessThan(RECENT_WINDOW);
    const hits = await allResults(outsider, { q: "kaleidoscope", kind: "post" }, 50);
    expect(hits).toHaveLength(MAX_RESULTS);
    const { rows } = await sql<{ id: string }>`
      select id from posts where community_id = ${open}::uuid and body like '%kaléidoscope%' order by created_at desc limit ${MAX_RESULTS}
    `.execute(t.db);
    expect(new Set(hits.map((hit) => hit.id))).toEqual(new Set(rows.map((row) => row.id)));
    expect(hits.every((hit) => hit.community?.id === open)).toBe(true);
  });

  it("gives the secret community's newest first to its member", async () => {
    const ids = await foundIds(member, { q: "kaleidoscope", kind: "post", communityId: secret });
    expect(ids).toHaveLength(50);
  });

  it("finds a rare word far behind the newest documents", async () => {
    expect(await foundIds(outsider, { q: "zoetrope" })).toHaveLength(5);
  });
});
