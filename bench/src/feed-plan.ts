/**
 * Shows how PostgreSQL runs the home feed query on a realistic dataset, as evidence that it stays
 * fast at a million posts (bench/notes/home-feed.md).
 *
 *   npx tsx bench/src/feed-plan.ts --embedded                       # a throwaway embedded PostgreSQL 17
 *   npx tsx bench/src/feed-plan.ts --url postgres://postgres@127.0.0.1:5432/postgres
 *
 * With --url, a scratch database is created next to the one named, and dropped at the end (unless
 * --keep is given, to try other queries on the same data).
 * Prints Markdown: the dataset's shape, EXPLAIN (ANALYZE, BUFFERS) of a first and a next page for
 * one member, and timings over many members.
 */
import { parseArgs } from "node:util";
import { sql } from "kysely";
import { isMemberFilter, readableCommunities } from "../../server/src/modules/communities/policy.ts";
import { homeFeed, homeFeedQuery } from "../../server/src/modules/feeds/home-feed.ts";
import type { FeedRow } from "../../server/src/modules/feeds/window.ts";
import type { Viewer } from "../../server/src/modules/people/policy.ts";
import type { Db } from "../../server/src/platform/db.ts";
import { openBenchDatabase } from "./database.ts";
import { DEFAULT_SIZE, generateDataset } from "./dataset.ts";

const PAGE = 20;
const SAMPLES = 200;
const PAGES = 10;

/** The query as the app sends it, with its parameters inlined by PostgreSQL's own EXPLAIN. */
async function explain(db: Db, viewer: Viewer, after?: { key: string; id: string }): Promise<string> {
  const compiled = homeFeedQuery(db, viewer, { limit: PAGE, after }).compile(db);
  const { rows } = await db.executeQuery<{ "QUERY PLAN": string }>({
    ...compiled,
    sql: `explain (analyze, buffers) ${compiled.sql}`,
  });
  // The readable communities' ids fill a screen; their count is what matters.
  const shorten = (line: string) => line.replace(/'\{[0-9a-f,-]{100,}\}'/g, (ids) => `'{...${ids.split(",").length} ids...}'`);
  return rows.map((row) => shorten(row["QUERY PLAN"])).join("\n");
}

async function page(db: Db, viewer: Viewer, after?: { key: string; id: string }): Promise<FeedRow[]> {
  return homeFeed(db, viewer, { limit: PAGE, after });
}

/**
 * The query the home feed must not be: one scan over every post of every source, sorted whole on
 * each page. Shown once for comparison (head of its plan and its time).
 */
async function explainSingleScan(db: Db, viewerId: string): Promise<string> {
  const { rows } = await sql<{ "QUERY PLAN": string }>`
    explain (analyze, buffers)
    select posts.id, posts.created_at from posts
    where posts.deleted_at is null and (
      posts.community_id in (select community_id from community_members where user_id = ${viewerId}
        union select id from communities where kind = 'company')
      or (posts.author_id in (select followed_id from person_follows where follower_id = ${viewerId})
        and posts.community_id in (select id from communities where visibility = 'public'
          or id in (select community_id from community_members where user_id = ${viewerId})))
      or posts.id in (select post_topics.post_id from post_topics join topic_follows on topic_follows.topic_id = post_topics.topic_id
        and topic_follows.user_id = ${viewerId}))
    order by posts.created_at desc, posts.id desc limit ${PAGE + 1}
  `.execute(db);
  const lines = rows.map((row) => row["QUERY PLAN"]);
  return [...lines.slice(0, 10), "...", ...lines.slice(-2)].join("\n");
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** The first ten pages for many members, each timed from the client (both queries, round trips included). */
async function timings(db: Db): Promise<string> {
  const { rows } = await sql<{ id: string }>`select id from users where role = 'member' order by md5(id::text) limit ${SAMPLES}`.execute(db);
  const byPage: number[][] = Array.from({ length: PAGES }, () => []);
  for (const { id } of rows) {
    const viewer: Viewer = { id, role: "member" };
    let after: { key: string; id: string } | undefined;
    for (const times of byPage) {
      const started = performance.now();
      const items = await page(db, viewer, after);
      times.push(performance.now() - started);
      const last = items[PAGE - 1];
      if (!last) break;
      after = { key: last.cursor_key, id: last.id };
    }
  }
  const line = (label: string, values: number[]) =>
    `| ${label} | ${values.length} | ${percentile(values, 50).toFixed(1)} | ${percentile(values, 95).toFixed(1)} | ${Math.max(...values).toFixed(1)} |`;
  const [first = [], second = []] = byPage;
  return [
    "| page | members | median ms | p95 ms | max ms |",
    "|---|---|---|---|---|",
    line("1st", first),
    line("2nd", second),
    line(`${PAGES}th`, byPage[PAGES - 1] ?? []),
  ].join("\n");
}

async function describeViewer(db: Db, viewer: Viewer): Promise<string> {
  const count = async (filter: ReturnType<typeof readableCommunities>) =>
    (await db.selectFrom("communities").select((eb) => eb.fn.countAll<number>().as("count")).where(filter).executeTakeFirstOrThrow()).count;
  const follows = await sql<{ people: number; topics: number }>`
    select (select count(*) from person_follows where follower_id = ${viewer.id})::int as people,
      (select count(*) from topic_follows where user_id = ${viewer.id})::int as topics`.execute(db);
  const { people, topics } = follows.rows[0] ?? { people: 0, topics: 0 };
  const readable = readableCommunities(viewer);
  const member = await db.selectFrom("communities").select((eb) => eb.fn.countAll<number>().as("count")).where(readable).where(isMemberFilter(viewer)).executeTakeFirstOrThrow();
  return `${member.count} communities (the company one included), reads ${await count(readable)}, follows ${people} people and ${topics} topics`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { url: { type: "string" }, embedded: { type: "boolean" }, keep: { type: "boolean" } } });
  if (!values.url && !values.embedded) throw new Error("give --url postgres://... or --embedded");
  const { db, version, close, name } = await openBenchDatabase(values.url ?? "embedded", { keep: values.keep ?? false });
  try {
    console.log(`## ${version}\n`);
    console.log("Dataset:\n```");
    await generateDataset(db, { size: DEFAULT_SIZE, log: (line) => console.log(line) });
    console.log("```\n");
    const viewer: Viewer = { id: (await sql<{ id: string }>`select md5('ruche-user-' || 4242)::uuid as id`.execute(db)).rows[0]?.id ?? "", role: "member" };
    console.log(`Viewer: member 4242, in ${await describeViewer(db, viewer)}.\n`);
    await page(db, viewer);
    console.log("### First page\n```\n" + (await explain(db, viewer)) + "\n```\n");
    const first = await page(db, viewer);
    const last = first[PAGE - 1];
    if (last) console.log("### Next page\n```\n" + (await explain(db, viewer, { key: last.cursor_key, id: last.id })) + "\n```\n");
    console.log("### For comparison: one scan over every source, sorted whole\n```\n" + (await explainSingleScan(db, viewer.id)) + "\n```\n");
    console.log(`### Timings (${SAMPLES} members, ${PAGE} posts a page)\n\n${await timings(db)}\n`);
  } finally {
    await close();
    if (values.keep && values.url) console.log(`Kept database ${name}: drop it when done.`);
  }
}

await main();
