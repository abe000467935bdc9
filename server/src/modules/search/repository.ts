import { sql, type Expression, type RawBuilder } from "kysely";
import { UNPREPARED, type Executor, type Tx } from "../../platform/db.ts";
import type { SearchKind } from "../../platform/schema.ts";
import { readableCommunities, visibleCommunities } from "../communities/policy.ts";
import { visiblePeople, type Viewer } from "../people/policy.ts";
import { knownTopics } from "../topics/policy.ts";
import type { ParsedQuery } from "./query.ts";
import { estimateShare } from "./share.ts";

/** Posts, comments and files: what lives in a community and ages. */
export const CONTENT_KINDS = ["post", "comment", "file"] as const satisfies readonly SearchKind[];
/** Communities, people and topics: names one looks up. */
export const DIRECTORY_KINDS = ["community", "person", "topic"] as const satisfies readonly SearchKind[];

/**
 * How many of the most recent matches of each group are ranked: a common word matches a good part
 * of a million posts, and ranking them all would cost more than a search may take. Results go as
 * far as that window (more precise words, or a date range, reach further back).
 */
export const CANDIDATES = 300;

export interface SearchFilters {
  kinds: SearchKind[];
  communityId?: string | undefined;
  authorId?: string | undefined;
  topicId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

export interface HitRow {
  kind: SearchKind;
  object_id: string;
  community_id: string | null;
  community_name: string | null;
  post_id: string | null;
  comment_id: string | null;
  author_id: string | null;
  author_name: string | null;
  created_at: Date;
  topic_slug: string | null;
  title: string;
  excerpt: string;
  /** The start and the end of the text the excerpt was cut from: whether it was cut is told from them. */
  body_head: string;
  body_tail: string;
}

/** Marks the ends of a found word in `ts_headline`'s output: characters no stored text keeps. */
export const START = "\u0001";
export const STOP = "\u0002";
/** Between two fragments of an excerpt. */
export const FRAGMENT_DELIMITER = " … ";
/** How much of a text's start and end comes back with its excerpt: more than a fragment of 30 words. */
const EXCERPT_EDGE = 1000;

/**
 * The tsquery of a parsed search, as text. It is computed first, on its own, so that the search
 * statement carries it as a value the planner can weigh against the index's statistics: a word in
 * a third of the posts and a word in thirty call for different plans.
 */
async function tsqueryOf(db: Executor, query: ParsedQuery): Promise<string> {
  const { rows } = await sql<{ query: string }>`
    select ruche_search_query(${query.words}::text[], ${query.phrases}::text[], ${query.excluded}::text[], ${query.prefix})::text as query
  `.execute(db);
  return rows[0]?.query ?? "";
}

/**
 * The names (communities, people, topics) that match, read from their own partial text index
 * (migration 0015) before any policy is asked: a subquery the planner may not merge into the
 * statement around it (`offset 0`). Merged, the policy's conditions on each kind made it guess a
 * handful of rows and intersect the text index of all documents with the primary key instead,
 * reading the postings of every post for a first name's three letters (182 of 228 ms).
 */
function directoryMatches(query: string): RawBuilder<unknown> {
  // The condition is written as the index's is, so that the planner knows it may take it; any
  // narrower one on the kind goes outside (inside, it drew the planner to the primary key).
  return sql`(
    select * from search_documents d
    where d.document @@ ${query}::tsquery and d.kind in ('community', 'person', 'topic')
    offset 0
  )`;
}

/**
 * Whether the viewer may see the directory entry of kind `kind` (community, person, topic) of the
 * document `d` in scope: asked of each matching row only, never computed for the whole directory.
 */
function kindVisible(db: Executor, viewer: Viewer, kind: DirectoryKind): RawBuilder<boolean> {
  switch (kind) {
    case "community":
      return sql<boolean>`exists (${db.selectFrom("communities").select(sql`1`.as("one")).where(sql<boolean>`communities.id = d.community_id`).where(visibleCommunities(viewer))})`;
    case "person":
      return sql<boolean>`exists (${db.selectFrom("users").select(sql`1`.as("one")).where(sql<boolean>`users.id = d.object_id`).where(visiblePeople(viewer))})`;
    case "topic":
      return sql<boolean>`exists (${db.selectFrom("topics").select(sql`1`.as("one")).where(sql<boolean>`topics.id = d.object_id`).where(knownTopics(viewer))})`;
  }
}

type DirectoryKind = (typeof DIRECTORY_KINDS)[number];

/** `kindVisible` for a document `d` of any of the directory's kinds. */
function directoryVisible(db: Executor, viewer: Viewer): RawBuilder<boolean> {
  return sql<boolean>`(${sql.join(DIRECTORY_KINDS.map((kind) => sql`(d.kind = ${sql.lit(kind)} and ${kindVisible(db, viewer, kind)})`), sql` or `)})`;
}

/**
 * How many of the newest documents a search first looks through, at least: a word in a tenth of
 * them fills the candidates there.
 */
export const RECENT_WINDOW = 3000;
/** And at most: beyond, reading the newest documents one by one costs more than the text index. */
export const WIDEST_WINDOW = 12_000;

/**
 * How many times `CANDIDATES` matches a window is sized to hold: the viewer may read only some of
 * them (a member of ten communities, about 60% of the benchmark's documents), and the newest
 * documents hold more comments than the average, which match less.
 */
const WINDOW_MARGIN = 3;
/**
 * A query expected in at least this share of the documents looks through the newest ones first,
 * in a window sized to hold `WINDOW_MARGIN` times as many matches as candidates. Below, its matches are read from the text index: the widest window would seldom
 * hold `ENOUGH_FROM_WINDOW` of them. (Words together are counted as if independent, which they
 * seldom are: "réunion client" is in 1.3% of the benchmark's documents, 0.85% by that count.)
 */
const COMMON_SHARE = 0.005;
/**
 * A window that holds fewer matches than `CANDIDATES` still answers when it holds this many (three
 * pages): the words are common, and older matches would only be reached by reading them all (for
 * a word in a third of the posts, 600,000 of them at a million: seconds). Fewer, and the text
 * index finds them all.
 */
export const ENOUGH_FROM_WINDOW = 60;
const STATISTICS_TTL_MS = 10 * 60_000;
const frequentByDatabase = new WeakMap<object, { at: number; shares: Map<string, number> }>();

/**
 * The lexemes PostgreSQL's statistics count among the most common in the index, with their share
 * of documents; read again every ten minutes (autovacuum refreshes them as the index grows).
 */
async function frequentLexemes(db: Executor): Promise<Map<string, number>> {
  const key = db.isTransaction ? undefined : db;
  const cached = key ? frequentByDatabase.get(key) : undefined;
  if (cached && Date.now() - cached.at < STATISTICS_TTL_MS) return cached.shares;
  const { rows } = await sql<{ lexemes: string[] | null; shares: number[] | null }>`
    select most_common_elems::text::text[] as lexemes, most_common_elem_freqs as shares
    from pg_stats where schemaname = current_schema() and tablename = 'search_documents' and attname = 'document'
  `.execute(db);
  const shares = new Map<string, number>();
  const [row] = rows;
  row?.lexemes?.forEach((lexeme, index) => shares.set(lexeme, row.shares?.[index] ?? 0));
  if (key) frequentByDatabase.set(key, { at: Date.now(), shares });
  return shares;
}

/**
 * How many of the newest documents to look through for the query, or 0 to read its matches from
 * the text index straight away. Without statistics (a new index), every query takes the text
 * index, which is right while the index is small.
 */
async function windowFor(db: Executor, query: string): Promise<number> {
  const shares = await frequentLexemes(db);
  if (shares.size === 0) return 0;
  const share = estimateShare(query, shares);
  if (share < COMMON_SHARE) return 0;
  return Math.min(WIDEST_WINDOW, Math.max(RECENT_WINDOW, Math.ceil((WINDOW_MARGIN * CANDIDATES) / share)));
}

/**
 * The newest content that matches and the viewer may read, at most `CANDIDATES`. Which way to read
 * is decided here rather than left to the planner, whose estimate for a word it has no statistics
 * on (most rare words) is "2% of the rows": it once walked two million documents for a word in
 * thirty. When the query is common enough (`windowFor`), the newest documents (of the community
 * filtered on, if any) are looked through first, at a cost bounded by the window: when they hold
 * the candidates, or (without a date range) at least `ENOUGH_FROM_WINDOW`, those are the results.
 * When the viewer may read too few of them (a guest, someone in a few closed communities), the
 * newest documents of each community they may read come next (`newestOfReadable`), as many in all
 * as the widest window. Otherwise its matches are read from the text index only and sorted by
 * date: for a word in a third of the documents, that is all of them.
 */
async function contentCandidates(
  db: Executor,
  input: {
    query: string;
    kinds: SearchKind[];
    filters: RawBuilder<unknown>[];
    readable: Expression<{ id: string }>;
    communityId?: string | undefined;
    window: number;
    dated: boolean;
  },
): Promise<{ kind: SearchKind; object_id: string }[]> {
  const where = sql.join(input.filters, sql` and `);
  // A date range asks for what it covers: there a window's share of it would not do.
  const answers = (rows: unknown[]) => rows.length === CANDIDATES || (!input.dated && rows.length >= ENOUGH_FROM_WINDOW);
  if (input.window > 0) {
    const scope = input.communityId ? sql`d.community_id = ${input.communityId}::uuid` : sql`d.kind = any(${input.kinds}::text[])`;
    const { rows } = await sql<{ kind: SearchKind; object_id: string }>`
      select d.kind, d.object_id from (
        select * from search_documents d where ${scope} order by d.created_at desc limit ${input.window}
      ) as d
      where d.document @@ ${input.query}::tsquery and ${where}
      order by d.created_at desc
      limit ${CANDIDATES}
    `.execute(db);
    if (answers(rows)) return rows;
    if (!input.communityId) {
      const { rows: ownRows } = await sql<{ kind: SearchKind; object_id: string }>`
        with ${newestOfReadable(input.readable)}
        select d.kind, d.object_id from newest as d
        where d.document @@ ${input.query}::tsquery and ${where}
        order by d.created_at desc
        limit ${CANDIDATES}
      `.execute(db);
      if (answers(ownRows)) return ownRows;
    }
  }
  // The text index only (bitmap scans), planned for this very query, and by this process alone:
  // the planner's guess for a word it has no statistics on (2% of the documents) made it start
  // parallel workers, which took 37 of a rare word's 57 ms. The settings last as long as the
  // transaction, which holds this statement alone.
  return inTransaction(db, async (tx) => {
    await sql.raw("set local enable_seqscan = off; set local enable_indexscan = off; set local max_parallel_workers_per_gather = 0").execute(tx);
    const { rows } = await sql<{ kind: SearchKind; object_id: string }>`${sql.raw(UNPREPARED)}
      select d.kind, d.object_id from search_documents d
      where d.document @@ ${input.query}::tsquery and ${where}
      order by d.created_at desc
      limit ${CANDIDATES}
    `.execute(tx);
    if (db.isTransaction) await sql.raw("set local enable_seqscan = on; set local enable_indexscan = on; reset max_parallel_workers_per_gather").execute(tx);
    return rows;
  });
}

/**
 * CTEs ending in `newest`: the newest documents of the communities in `readable`, `WIDEST_WINDOW`
 * of them at most, read from each community's own index. Each community gives the same share of
 * that budget: the cut is the date of the oldest document the busiest of them may give, and every
 * document since the cut is read, in every community. So what matches among them is exactly what
 * matches since the cut, as in a window of the newest documents of all.
 */
function newestOfReadable(readable: Expression<{ id: string }>): RawBuilder<unknown> {
  return sql`
    readable as materialized (select array(${readable}) as ids),
    cut as (
      select coalesce(max(kth.created_at), '-infinity'::timestamptz) as at
      from unnest((select readable.ids from readable)) as c(id)
      cross join lateral (
        select d.created_at from search_documents d where d.community_id = c.id
        order by d.created_at desc
        offset greatest(1, ${WIDEST_WINDOW} / greatest(1, cardinality((select readable.ids from readable)))) - 1
        limit 1
      ) as kth
    ),
    newest as (
      select d.* from unnest((select readable.ids from readable)) as c(id)
      cross join lateral (
        -- offset 0: the words are matched on these rows, never pushed down to the text index.
        select * from search_documents d where d.community_id = c.id and d.created_at >= (select cut.at from cut) offset 0
      ) as d
    )
  `;
}

/**
 * One page of what `viewer` may read that matches, best first. The policy's filters are part of
 * every statement: a community, post, comment, file, person or topic the viewer may not see is
 * never a candidate, so it shows in no page, rank or excerpt. Content candidates are the newest
 * matches (`contentCandidates`); directory ones (communities, people, topics) all that match, up
 * to `CANDIDATES`.
 */
export async function searchDocuments(
  db: Executor,
  viewer: Viewer,
  input: { query: ParsedQuery; filters: SearchFilters; offset: number; limit: number },
): Promise<HitRow[]> {
  const { filters } = input;
  const content = filters.kinds.filter((kind) => (CONTENT_KINDS as readonly string[]).includes(kind));
  const directory = filters.kinds.filter((kind) => (DIRECTORY_KINDS as readonly string[]).includes(kind));
  if (content.length === 0 && directory.length === 0) return [];
  const query = await tsqueryOf(db, input.query);
  if (query === "") return [];
  const readable = db.selectFrom("communities").select("communities.id").where(readableCommunities(viewer));

  const contentFilters: RawBuilder<unknown>[] = [sql`d.kind = any(${content}::text[])`, sql`d.community_id in (${readable})`];
  if (filters.communityId) contentFilters.push(sql`d.community_id = ${filters.communityId}::uuid`);
  if (filters.authorId) contentFilters.push(sql`d.author_id = ${filters.authorId}::uuid`);
  if (filters.from) contentFilters.push(sql`d.created_at >= ${filters.from}`);
  if (filters.to) contentFilters.push(sql`d.created_at < ${filters.to}`);
  if (filters.topicId) {
    contentFilters.push(sql`exists (select 1 from post_topics pt where pt.post_id = d.post_id and pt.topic_id = ${filters.topicId}::uuid)`);
  }

  // A filter on an author or a topic is narrow by nature: the text index is the way in.
  const narrowed = filters.authorId !== undefined || filters.topicId !== undefined;
  const window = content.length > 0 && !narrowed ? await windowFor(db, query) : 0;
  // No transaction around the steps: a document deleted between them is simply not found by the
  // next one, and each round trip saved is time saved on every search.
  let found: { kind: SearchKind; object_id: string }[] = [];
  if (content.length > 0) {
    found = await contentCandidates(db, {
      query,
      kinds: content,
      filters: contentFilters,
      readable,
      communityId: filters.communityId,
      window,
      dated: filters.from !== undefined || filters.to !== undefined,
    });
  }
  const groups: RawBuilder<unknown>[] = [];
  if (found.length > 0) {
    groups.push(sql`(
      select d.* from search_documents d
      join unnest(${found.map((row) => row.kind)}::text[], ${found.map((row) => row.object_id)}::uuid[]) as found(kind, object_id)
        on found.kind = d.kind and found.object_id = d.object_id
    )`);
  }
  if (directory.length > 0) {
    groups.push(sql`(
      select d.* from ${directoryMatches(query)} as d
      where d.kind = any(${directory}::text[]) and ${directoryVisible(db, viewer)}
      limit ${CANDIDATES}
    )`);
  }
  if (groups.length === 0) return [];
  return rankPage(db, { query, groups, offset: input.offset, limit: input.limit });
}

/** Runs `work` in the transaction `db` already is, or in a new one. */
function inTransaction<T>(db: Executor, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db as Tx) : db.transaction().execute(work);
}

/** Ranks the candidates, cuts the page and marks the words found in its titles and excerpts. */
async function rankPage(db: Executor, input: { query: string; groups: RawBuilder<unknown>[]; offset: number; limit: number }): Promise<HitRow[]> {
  const { query, groups } = input;
  // Relevance (names weigh more than bodies), then freshness for content: a week-old post keeps
  // half the boost a new one gets, a year-old one almost none.
  // Planned for this query's words each time: a generic plan of the directory's part read the
  // whole text index at a million posts (157 ms for what a fresh plan does in a few).
  const result = await sql<HitRow>`${sql.raw(UNPREPARED)}
    with candidates as (${sql.join(groups, sql` union all `)}),
    ranked as (
      select c.*, ts_rank(c.document, ${query}::tsquery)
        * case when c.kind in ('post', 'comment', 'file')
            then 1 + 1 / (1 + extract(epoch from (now() - c.created_at)) / 604800)
            else 2 end as score
      from candidates c
      order by score desc, c.created_at desc, c.object_id
      limit ${input.limit} offset ${input.offset}
    )
    select r.kind, r.object_id, r.community_id, cm.name as community_name, r.post_id, r.comment_id,
      r.author_id, u.display_name as author_name, r.created_at, t.slug as topic_slug,
      -- Names match as written (ruche_simple); a community's name also by its stems, so when the
      -- written form marks nothing, its language's stems mark what was found.
      case when r.title = '' then ''
        when r.kind = 'community' and strpos(n.written, ${START}) = 0 then ts_headline(ruche_search_config(r.language), n.title, ${query}::tsquery,
          ${`StartSel=${START}, StopSel=${STOP}, HighlightAll=true`})
        else n.written end as title,
      ts_headline(ruche_search_config(r.language), translate(left(r.body, 20000), ${START + STOP}, ''), ${query}::tsquery,
        ${`StartSel=${START}, StopSel=${STOP}, MaxWords=30, MinWords=15, MaxFragments=2, FragmentDelimiter="${FRAGMENT_DELIMITER}"`}) as excerpt,
      left(r.body, ${EXCERPT_EDGE}) as body_head, right(left(r.body, 20000), ${EXCERPT_EDGE}) as body_tail
    from ranked r
    cross join lateral (
      select clean.title, ts_headline('ruche_simple', clean.title, ${query}::tsquery, ${`StartSel=${START}, StopSel=${STOP}, HighlightAll=true`}) as written
      from (select translate(r.title, ${START + STOP}, '') as title) clean
    ) n
    left join communities cm on cm.id = r.community_id
    left join users u on u.id = r.author_id
    left join topics t on r.kind = 'topic' and t.id = r.object_id
    order by r.score desc, r.created_at desc, r.object_id
  `.execute(db);
  return result.rows;
}

export interface SuggestionRow {
  kind: "person" | "community" | "topic";
  object_id: string;
  title: string;
  job_title: string | null;
  avatar_file_id: string | null;
  community_kind: string | null;
  visibility: string | null;
  slug: string | null;
}

/** People, communities and topics whose names (or a person's title, department, skills) start with what was typed. */
export async function suggest(db: Executor, viewer: Viewer, input: { query: ParsedQuery; limit: number }): Promise<SuggestionRow[]> {
  const query = await tsqueryOf(db, input.query);
  if (query === "") return [];
  // Deactivated people are never suggested, even to admins (who may see them elsewhere).
  const activePerson = sql<boolean>`exists (select 1 from users where users.id = d.object_id and users.status = 'active')`;
  // Each kind's matches in order first, and only then the policy, row by row until `limit` pass:
  // three letters of a first name match a twelfth of the people, and asking the policy of all
  // of them cost more than the rest of the statement.
  const kindInOrder = (kind: DirectoryKind) => sql`(
    select * from (
      select * from matches where matches.kind = ${sql.lit(kind)} order by matches.rank desc, length(matches.title), matches.title, matches.object_id offset 0
    ) as d
    where ${kindVisible(db, viewer, kind)} ${kind === "person" ? sql`and ${activePerson}` : sql``}
    limit ${input.limit}
  )`;
  // Planned for what was typed each time: a generic plan served some prefixes badly at a million posts.
  const result = await sql<SuggestionRow>`${sql.raw(UNPREPARED)}
    with matches as materialized (
      select d.kind, d.object_id, d.community_id, d.title, ts_rank(d.document, ${query}::tsquery) as rank
      from ${directoryMatches(query)} as d
    )
    select m.kind, m.object_id, m.title, u.job_title, u.avatar_file_id, c.kind as community_kind, c.visibility, t.slug
    from (${kindInOrder("community")} union all ${kindInOrder("person")} union all ${kindInOrder("topic")}) as m
    left join users u on m.kind = 'person' and u.id = m.object_id
    left join communities c on m.kind = 'community' and c.id = m.object_id
    left join topics t on m.kind = 'topic' and t.id = m.object_id
    order by m.kind, m.rank desc, length(m.title), m.title, m.object_id
  `.execute(db);
  return result.rows;
}

/** The id of a topic the viewer may know of, by slug or name (folded as topics are). */
export async function findKnownTopicId(db: Executor, viewer: Viewer, slugOrName: string): Promise<string | undefined> {
  const row = await db
    .selectFrom("topics")
    .select("topics.id")
    .where("topics.slug", "=", sql<string>`ruche_fold(${slugOrName.replace(/^#/, "")})`)
    .where(knownTopics(viewer))
    .executeTakeFirst();
  return row?.id;
}
