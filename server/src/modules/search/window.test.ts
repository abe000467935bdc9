import { sql, type KyselyPlugin } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import type { Browser } from "../../../test/factories.ts";
import { addMember, createThrough, personBrowser } from "../communities/testing.ts";
import { parseQuery } from "./query.ts";
import { CANDIDATES, ENOUGH_FROM_WINDOW, RECENT_WINDOW, searchDocuments, WIDEST_WINDOW } from "./repository.ts";
import { allResults } from "./testing.ts";

// Two words, each common, together in about one post in 55: more than the newest RECENT_WINDOW
// documents hold (so the window widens), fewer than CANDIDATES in the widest one, which then
// answers with what it holds: the newest readable matches, never an older or unreadable one.
let t: TestContext;
let member: Browser;
let outsider: Browser;
let open: string;
let secret: string;
let guest: Browser;
let partners: string;
const POSTS = WIDEST_WINDOW + 2000;
/** A post in the guest's community every this many minutes: far fewer than the newest documents of all hold. */
const PARTNER_EVERY = 200;

beforeAll(async () => {
  t = await createTestContext({ work: false });
  member = await personBrowser(t);
  outsider = await personBrowser(t);
  ({ id: open } = await createThrough(member, { name: "Ateliers" }));
  ({ id: secret } = await createThrough(member, { name: "Cabinet", visibility: "secret" }));
  // "astrolabe" in every 5th post, "boussole" in every 11th: both in every 55th; every 3rd post
  // is in the secret community.
  await sql`
    insert into posts (id, community_id, author_id, body, body_html, created_at)
    select gen_random_uuid(), case when n % 3 = 0 then ${secret}::uuid else ${open}::uuid end, ${member.userId}::uuid,
      'Relevé numéro ' || n || case when n % 5 = 0 then ' astrolabe' else '' end || case when n % 11 = 0 then ' boussole' else '' end,
      '<p>…</p>', now() - n * interval '1 minute'
    from generate_series(1, ${POSTS}) as n
  `.execute(t.db);
  // A guest's external community, where "astrolabe" is in every post, one every PARTNER_EVERY minutes.
  const admin = await personBrowser(t, { role: "admin" });
  guest = await personBrowser(t, { role: "guest" });
  ({ id: partners } = await createThrough(admin, { name: "Partenaires", kind: "external", visibility: "closed" }));
  await addMember(t, partners, guest.userId);
  await sql`
    insert into posts (id, community_id, author_id, body, body_html, created_at)
    select gen_random_uuid(), ${partners}::uuid, ${admin.userId}::uuid, 'Livraison astrolabe numéro ' || n, '<p>…</p>', now() - n * interval '1 minute'
    from generate_series(${PARTNER_EVERY}::int, ${POSTS}::int, ${PARTNER_EVERY}::int) as n
  `.execute(t.db);
  await sql`analyze search_documents`.execute(t.db);
});
afterAll(() => t.close());

describe("two common words together", () => {
  it("answer with the newest readable matches the widest window holds", async () => {
    const { rows } = await sql<{ id: string }>`
      select newest.object_id as id from (
        select * from search_documents where kind in ('post', 'comment', 'file') order by created_at desc limit ${WIDEST_WINDOW}
      ) as newest
      where newest.community_id = ${open}::uuid and newest.body like '%astrolabe%' and newest.body like '%boussole%'
    `.execute(t.db);
    // The case this test is about: more than enough to answer, fewer than the candidates.
    expect(rows.length).toBeGreaterThanOrEqual(ENOUGH_FROM_WINDOW);
    expect(rows.length).toBeLessThan(CANDIDATES);
    const hits = await allResults(outsider, { q: "astrolabe boussole", kind: "post" }, 50);
    expect(new Set(hits.map((hit) => hit.id))).toEqual(new Set(rows.map((row) => row.id)));
  });

  it("give the member of the secret community its matches too, the newest first", async () => {
    const hits = await allResults(member, { q: "astrolabe boussole", kind: "post" }, 50);
    expect(hits.some((hit) => hit.community?.id === secret)).toBe(true);
    // What the window holds, readable by the member: both communities'.
    const inWindow = Math.floor(WIDEST_WINDOW / 55);
    expect(hits.length).toBeGreaterThanOrEqual(inWindow - 1);
    expect(hits.length).toBeLessThanOrEqual(Math.min(CANDIDATES, inWindow + 1));
  });

  it("read a word alone in the newest documents when it is common enough to fill the candidates there", async () => {
    // "astrolabe" is in a fifth of the posts: the newest RECENT_WINDOW hold the candidates.
    expect(RECENT_WINDOW / 5).toBeGreaterThan(CANDIDATES);
    const hits = await allResults(outsider, { q: "astrolabe", kind: "post" }, 50);
    const { rows } = await sql<{ id: string }>`
      select id from posts where community_id = ${open}::uuid and body like '%astrolabe%' order by created_at desc limit ${CANDIDATES}
    `.execute(t.db);
    expect(new Set(hits.map((hit) => hit.id))).toEqual(new Set(rows.map((row) => row.id)));
  });

  it("find every match in a date range, not only the window's share of it", async () => {
    const from = new Date(Date.now() - (WIDEST_WINDOW + 1500) * 60_000).toISOString();
    const hits = await allResults(outsider, { q: "astrolabe boussole", kind: "post", from }, 50);
    const { rows } = await sql<{ id: string }>`
      select id from posts where community_id = ${open}::uuid and body like '%astrolabe%' and body like '%boussole%' and created_at >= ${from}::timestamptz
    `.execute(t.db);
    expect(rows.length).toBeLessThan(CANDIDATES);
    expect(new Set(hits.map((hit) => hit.id))).toEqual(new Set(rows.map((row) => row.id)));
  });

  it("find every match of the two words from the text index when a date range narrows them", async () => {
    // Older than the widest window: the text index is the way in, and it finds them all.
    const to = new Date(Date.now() - (WIDEST_WINDOW + 100) * 60_000).toISOString();
    const hits = await allResults(outsider, { q: "astrolabe boussole", kind: "post", to }, 50);
    const { rows } = await sql<{ id: string }>`
      select id from posts where community_id = ${open}::uuid and body like '%astrolabe%' and body like '%boussole%' and created_at < ${to}::timestamptz
    `.execute(t.db);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(hits.map((hit) => hit.id))).toEqual(new Set(rows.map((row) => row.id)));
  });

  it("give a guest the matches of their community from its own newest documents, not from every match of the word", async () => {
    const expected = await sql<{ id: string }>`
      select id from posts where community_id = ${partners}::uuid order by created_at desc
    `.execute(t.db);
    // The case this test is about: the newest documents of all hold too few of the guest's to answer.
    expect(Math.ceil((RECENT_WINDOW * 1.5) / PARTNER_EVERY)).toBeLessThan(ENOUGH_FROM_WINDOW);
    expect(expected.rows.length).toBeGreaterThanOrEqual(ENOUGH_FROM_WINDOW);
    const hits = await allResults(guest, { q: "astrolabe" }, 50);
    expect(hits.map((hit) => hit.id)).toEqual(expected.rows.map((row) => row.id));

    // Read from the community's own newest documents: the text index's path (which reads every
    // match of the word, here a fifth of all documents) never ran.
    const statements: string[] = [];
    const recorder: KyselyPlugin = {
      transformQuery: (args) => {
        statements.push(JSON.stringify(args.node));
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const rows = await searchDocuments(t.db.withPlugin(recorder), { id: guest.userId, role: "guest" }, {
      query: parseQuery("astrolabe"),
      filters: { kinds: ["post", "comment", "file"] },
      offset: 0,
      limit: 50,
    });
    expect(rows).toHaveLength(50);
    expect(statements.some((statement) => statement.includes("enable_seqscan"))).toBe(false);
  });
});
