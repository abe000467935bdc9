import { availableParallelism } from "node:os";
import { sql, type RawBuilder } from "kysely";
import type { Db } from "../../server/src/platform/db.ts";
import { ENGLISH_FRAMES, ENGLISH_ONE_IN, ENGLISH_SENTENCES, FIRST_NAMES, FRENCH_FRAMES, FRENCH_SENTENCES, LAST_NAMES, RARE_WORDS, sqlArray, SYLLABLES } from "./texts.ts";

/** The size of the generated organisation. */
export interface DatasetSize {
  users: number;
  communities: number;
  posts: number;
  topics: number;
}

export type Scale = "small" | "default" | "large";

/** `small` for a quick check (CI), `default` for the published figures, `large` for PostgreSQL at ten times that. */
export const SCALES: Record<Scale, DatasetSize> = {
  small: { users: 500, communities: 40, posts: 20_000, topics: 100 },
  default: { users: 10_000, communities: 200, posts: 1_000_000, topics: 1_000 },
  large: { users: 100_000, communities: 2_000, posts: 10_000_000, topics: 10_000 },
};

export const DEFAULT_SIZE: DatasetSize = SCALES.default;

/** What was written, for the results file. */
export interface DatasetSummary {
  seed: string;
  rows: Record<string, number>;
  bytes: number;
  loadSeconds: number;
}

export interface GenerateOptions {
  size?: DatasetSize;
  /** Every id, name, date and count derives from it: the same seed gives the same organisation. */
  seed?: string;
  log?: (line: string) => void;
}

const REACTION_KINDS = "array['like', 'celebrate', 'support', 'insightful', 'curious']";

/** A deterministic whole number in [0, 2^32) drawn from the seed, a label and an expression. */
const hashOf = (seed: string) => (label: string, expression: string) =>
  `(('x' || substr(md5('${seed}-${label}-' || (${expression})), 1, 8))::bit(32)::bigint)`;

/** Post n's rare word, spelt from its number among the 32,768 (see `SYLLABLES`). */
function rareWord(seed: string, n: string): string {
  const index = `(${hashOf(seed)("rare", n)} % ${RARE_WORDS})`;
  const syllables = sqlArray(SYLLABLES);
  const count = SYLLABLES.length;
  return `(select ${syllables}[r % ${count} + 1] || ${syllables}[r / ${count} % ${count} + 1] || ${syllables}[r / ${count * count} + 1] || 'k' from (select ${index} as r) as rare)`;
}

/** Post n of the dataset is deleted (a day after it was written). */
const isDeleted = (n: string) => `(${n}) % 100 = 0`;

/**
 * The SQL fragments every statement shares, so that each one can recompute what another wrote
 * (a post's date, its author's communities, its comment count) instead of reading it back.
 */
function vocabulary(seed: string, size: DatasetSize, base: string) {
  const { users, communities } = size;
  const guestsFrom = users - Math.max(1, Math.floor(users / 100)) + 1;
  const members = guestsFrom - 2;
  const interest = communities - 11;
  const step = Math.max(1, Math.floor(interest / 9));
  const hash = hashOf(seed);
  /** The community a member (u in 2..guestsFrom-1) holds in their k-th of nine slots, spread over the non-external ones. */
  const slot = (u: string, k: string) => `(12 + (${hash("offset", u)} % ${interest} + (${k}) * ${step}) % ${interest})`;
  /** Whether person u writes in English rather than French. */
  const english = (u: string) => `(${hash("language", u)} % ${ENGLISH_ONE_IN} = 0)`;
  /** A sentence of `sentences` drawn by a label from expression `n`. */
  const sentence = (sentences: string[], label: string, n: string) => `${sqlArray(sentences)}[${hash(label, n)} % ${sentences.length} + 1]`;
  /** Two everyday sentences in the writer's language, around `middle` (SQL of a sentence per language, or none). */
  const text = (label: string, n: string, writer: string, middle?: { fr: string; en: string }) => {
    const write = (sentences: string[], between: string | undefined) =>
      [sentence(sentences, `${label}-a`, n), between, sentence(sentences, `${label}-b`, n)].filter((part) => part !== undefined).join(" || ' ' || ");
    return `case when ${english(writer)} then ${write(ENGLISH_SENTENCES, middle?.en)} else ${write(FRENCH_SENTENCES, middle?.fr)} end`;
  };
  return {
    guestsFrom,
    /** A member's id (2..guestsFrom-1) picked by `expression`. */
    member: (expression: string) => `((${expression}) % ${members} + 2)`,
    id: (label: string, n: string) => sql.raw(`md5('${seed}-${label}-' || (${n}))::uuid`),
    hash,
    slot,
    english,
    /**
     * When post n was written: over the year before the run started, in order, as a network's
     * posts are (its tables then hold them, and their search documents, in about that order).
     */
    postedAt: (n: string) => `('${base}'::timestamptz - interval '365 days' * (1 - (${n})::float8 / ${size.posts}))`,
    /** Post n's author: anyone but the administrator. */
    author: (n: string) => `(${hash("author", n)} % ${users - 1} + 2)`,
    commentsOf: (n: string) => `greatest(0, ${hash("comments", n)} % 6 - 2)`,
    reactionsOf: (n: string) => `(${hash("reactions", n)} % 5)`,
    /** Whether post n's first comment has a like (from the post's first reactor's neighbour). */
    firstCommentLiked: (n: string) => `(${hash("comment-like", n)} % 2 = 0)`,
    /** Post n by `author`: two sentences around the one that names its rare word. */
    postBody: (n: string, author: string) => {
      const frame = (frames: string[]) => `format(${sentence(frames, "frame", n)}, ${rareWord(seed, n)})`;
      return text("post", n, author, { fr: frame(FRENCH_FRAMES), en: frame(ENGLISH_FRAMES) });
    },
    /** A comment by `author`: two everyday sentences. */
    commentBody: (key: string, author: string) => text("comment", key, author),
  };
}

type Vocabulary = ReturnType<typeof vocabulary>;

/** People, communities, who belongs where and who follows whom. */
function organisationStatements(v: Vocabulary, size: DatasetSize): [string, RawBuilder<unknown>][] {
  const { users, communities, topics } = size;
  const G = v.guestsFrom;
  return [
    ["users", sql`
      insert into users (id, email, role, display_name, language, email_verified_at)
      select ${v.id("user", "n")}, 'user' || n || '@bench.example',
        case when n = 1 then 'admin' when n >= ${sql.lit(G)} then 'guest' else 'member' end,
        ${sql.raw(sqlArray(FIRST_NAMES))}[${sql.raw(v.hash("first", "n"))} % ${sql.lit(FIRST_NAMES.length)} + 1] || ' '
          || ${sql.raw(sqlArray(LAST_NAMES))}[${sql.raw(v.hash("last", "n"))} % ${sql.lit(LAST_NAMES.length)} + 1] || ' ' || n,
        case when ${sql.raw(v.english("n"))} then 'en' else 'fr' end,
        now()
      from generate_series(1, ${sql.lit(users)}) as n
    `],
    // Community 1 is the company community the migrations created (an organisation has one).
    ["company community", sql`update communities set id = ${v.id("community", "1")} where kind = 'company'`],
    ["communities", sql`
      insert into communities (id, kind, visibility, name, created_by)
      select ${v.id("community", "n")},
        case when n <= 11 then 'external' else (array['interest', 'profession', 'project'])[n % 3 + 1] end,
        case when n <= 11 then 'closed' when n % 5 = 0 then 'secret' when n % 5 = 1 then 'closed' else 'public' end,
        'Community ' || n, ${v.id("user", "1")}
      from generate_series(2, ${sql.lit(communities)}) as n
    `],
    // Members hold nine slots among the interest, profession and project communities; guests two external ones.
    ["memberships", sql`
      insert into community_members (community_id, user_id, role)
      select ${v.id("community", v.slot("u", "k"))}, ${v.id("user", "u")}, case when k = 0 and u % 20 = 0 then 'manager' else 'member' end
      from generate_series(2, ${sql.lit(G - 1)}) as u, generate_series(0, 8) as k
      union all
      select ${v.id("community", "(u % 10) + 2")}, ${v.id("user", "u")}, 'member' from generate_series(${sql.lit(G)}, ${sql.lit(users)}) as u
      union all
      select ${v.id("community", "((u + 3) % 10) + 2")}, ${v.id("user", "u")}, 'member' from generate_series(${sql.lit(G)}, ${sql.lit(users)}) as u
      on conflict do nothing
    `],
    ["person follows", sql`
      insert into person_follows (follower_id, followed_id)
      select ${v.id("user", "u")}, ${v.id("user", `((u + g * g * 13 + g * 101) % ${users}) + 1`)}
      from generate_series(1, ${sql.lit(users)}) as u, generate_series(1, 20) as g
      where ((u + g * g * 13 + g * 101) % ${sql.lit(users)}) + 1 <> u
      on conflict do nothing
    `],
    ["topics", sql`
      insert into topics (id, slug, name) select ${v.id("topic", "n")}, 'topic' || n, 'Topic ' || n from generate_series(1, ${sql.lit(topics)}) as n
    `],
    ["topic follows", sql`
      insert into topic_follows (user_id, topic_id)
      select ${v.id("user", "u")}, ${v.id("topic", `((u * 7 + g * 131) % ${topics}) + 1`)}
      from generate_series(2, ${sql.lit(G - 1)}) as u, generate_series(1, 5) as g
      on conflict do nothing
    `],
  ];
}

/** Where post n goes: one of its author's communities (a tenth of members' posts in the company one). */
function postCommunity(v: Vocabulary, n: string): string {
  const author = v.author(n);
  const pick = v.hash("where", n);
  return `case when ${author} >= ${v.guestsFrom} then (case when ${pick} % 2 = 0 then ${author} % 10 + 2 else (${author} + 3) % 10 + 2 end)
    when ${pick} % 10 = 9 then 1 else ${v.slot(author, `${pick} % 9`)} end`;
}

/**
 * Posts first to last with their counts, then the comments and reactions those counts promise.
 * The search index's trigger gathers a statement's new rows in one array: a slice of posts at a
 * time keeps that array, and each transaction, to a size PostgreSQL handles at the large scale.
 */
function streamStatements(v: Vocabulary, first: number, last: number): [string, RawBuilder<unknown>][] {
  const P = sql.raw(`${first}, ${last}`);
  const reactor = (n: string, j: string) => v.member(`${v.hash("reactor", n)} + ${j}`);
  return [
    ["posts", sql`
      insert into posts (id, community_id, author_id, body, body_html, announcement, deleted_at, comment_count, reaction_counts, created_at)
      select ${v.id("post", "n")}, ${v.id("community", postCommunity(v, "n"))}, ${v.id("user", v.author("n"))},
        body, '<p>' || body || '</p>', n % 500 = 0,
        case when ${sql.raw(isDeleted("n"))} then ${sql.raw(v.postedAt("n"))} + interval '1 day' end,
        ${sql.raw(v.commentsOf("n"))}, coalesce(counts.reactions, '{}'), ${sql.raw(v.postedAt("n"))}
      from generate_series(${P}) as n
      cross join lateral (select ${sql.raw(v.postBody("n", v.author("n")))} as body) as text
      cross join lateral (
        select jsonb_object_agg(kind, total) as reactions from (
          select (${sql.raw(REACTION_KINDS)})[(n + j) % 5 + 1] as kind, count(*) as total
          from generate_series(1, ${sql.raw(v.reactionsOf("n"))}) as j group by 1
        ) as kinds
      ) as counts
    `],
    ["post reactions", sql`
      insert into post_reactions (post_id, user_id, kind, created_at)
      select ${v.id("post", "n")}, ${v.id("user", reactor("n", "j"))}, (${sql.raw(REACTION_KINDS)})[(n + j) % 5 + 1],
        least(now(), ${sql.raw(v.postedAt("n"))} + j * interval '11 minutes')
      from generate_series(${P}) as n, generate_series(1, ${sql.raw(v.reactionsOf("n"))}) as j
    `],
    // The third comment of a post replies to its first: one level of replies, as Ruche allows.
    ["comments", sql`
      insert into comments (id, post_id, parent_id, author_id, body, body_html, reaction_counts, created_at)
      select ${v.id("comment", "n || '-' || j")}, ${v.id("post", "n")},
        case when j = 3 then ${v.id("comment", "n || '-1'")} end,
        ${v.id("user", "commenter")}, body, '<p>' || body || '</p>',
        case when j = 1 and ${sql.raw(v.firstCommentLiked("n"))} then '{"like": 1}'::jsonb else '{}' end,
        least(now(), ${sql.raw(v.postedAt("n"))} + j * interval '37 minutes')
      from generate_series(${P}) as n, generate_series(1, ${sql.raw(v.commentsOf("n"))}) as j,
        lateral (select ${sql.raw(v.member(`${v.hash("commenter", "n")} + j * 13`))} as commenter) as who,
        lateral (select ${sql.raw(v.commentBody("n || '-' || j", "commenter"))} as body) as text
    `],
    ["comment reactions", sql`
      insert into comment_reactions (comment_id, user_id, kind)
      select ${v.id("comment", "n || '-1'")}, ${v.id("user", reactor("n", "7"))}, 'like'
      from generate_series(${P}) as n
      where ${sql.raw(v.commentsOf("n"))} >= 1 and ${sql.raw(v.firstCommentLiked("n"))}
    `],
  ];
}

function topicStatements(v: Vocabulary, size: DatasetSize): [string, RawBuilder<unknown>][] {
  return [
    // About a fifth of the posts carry one or two topics.
    ["post topics", sql`
      insert into post_topics (topic_id, post_id, community_id, created_at)
      select ${v.id("topic", `(${v.hash("topic", "posts.id::text || picked.k")} % ${size.topics}) + 1`)},
        posts.id, posts.community_id, posts.created_at
      from posts
      cross join lateral (select k from unnest(array['a', 'b']) as k where k = 'a' or substr(md5(posts.id::text), 2, 1) < '4') as picked
      where substr(md5(posts.id::text), 1, 1) < '3'
      on conflict do nothing
    `],
  ];
}

/** Posts (with their comments and reactions) written by one statement. */
const POSTS_PER_STATEMENT = 500_000;

/** Sessions writing slices of posts at once (at most one per core, and within the pool of `openDb(connection, 4)`). */
const LOAD_SESSIONS = 2;

/** Drops an index, keeping its definition to create it again. */
async function withoutIndex(connection: Db, name: string): Promise<{ restore(): Promise<void> }> {
  const { rows } = await sql<{ definition: string }>`select pg_get_indexdef(${name}::regclass) as definition`.execute(connection);
  const definition = rows[0]?.definition;
  if (!definition) throw new Error(`index ${name} not found`);
  await sql`drop index ${sql.id(name)}`.execute(connection);
  return { restore: async () => void (await sql.raw(definition).execute(connection)) };
}

const COUNTED_TABLES = ["users", "communities", "community_members", "person_follows", "topic_follows", "posts", "post_topics", "comments", "post_reactions", "comment_reactions", "search_documents"];

/** The seed is written into the SQL: letters, digits, - and _ only. */
function checkSeed(seed: string): void {
  if (!/^[A-Za-z0-9_-]+$/.test(seed)) throw new Error(`the seed may hold letters, digits, - and _ only, got "${seed}"`);
}

/**
 * Fills a freshly migrated database with an organisation shaped like the ones Ruche is built for:
 * - users: one admin, 1% guests, the rest members; two in three write in French, the others in English;
 * - communities: the company one, ten external ones (where the guests are), and interest,
 *   profession and project communities that are 60% public, 20% closed and 20% secret;
 * - each member in nine communities besides the company one (one in twenty manages one), each
 *   guest in two external ones; each person follows about twenty people, each member five topics;
 * - posts over the last year, written in date order, each in one of its author's communities (a
 *   tenth of members' posts in the company one), 1% deleted, one in 500 an announcement, a fifth
 *   with topics; each is two everyday sentences in its author's language around one naming a rare
 *   made-up word (texts.ts);
 * - on average one comment (some of them replies, two everyday sentences each) and two reactions
 *   a post, the counts kept on each post and comment matching the rows;
 * - the search index, which migration 0014's triggers fill as the rows go in.
 * Plain SQL over generate_series, deterministic from the seed: a million posts take a few minutes.
 */
export async function generateDataset(db: Db, options: GenerateOptions = {}): Promise<DatasetSummary> {
  const size = options.size ?? DEFAULT_SIZE;
  const seed = options.seed ?? "ruche";
  checkSeed(seed);
  const log = options.log ?? (() => {});
  const started = Date.now();
  const { rows: now } = await sql<{ base: string }>`select now()::text as base`.execute(db);
  const v = vocabulary(seed, size, now[0]?.base ?? "");
  // Only the generator's own sessions skip waiting for the WAL flush: what is measured later keeps it.
  const generatorSession = async <T>(work: (connection: Db) => Promise<T>): Promise<T> =>
    db.connection().execute(async (connection) => {
      await sql`set synchronous_commit = off`.execute(connection);
      return work(connection);
    });
  const run = async (connection: Db, statements: [string, RawBuilder<unknown>][], suffix = "") => {
    for (const [label, statement] of statements) {
      const stepStarted = Date.now();
      await statement.execute(connection);
      log(`${label}${suffix}: ${((Date.now() - stepStarted) / 1000).toFixed(1)} s`);
    }
  };
  await generatorSession(async (connection) => {
    await run(connection, organisationStatements(v, size));
    // As a bulk import would: the text index is built once over all documents rather than grown
    // row by row (several times faster at the large scale); its definition is the migration's.
    const textIndex = await withoutIndex(connection, "search_documents_document_idx");
    // Generating the rows is mostly computation (hashes, text search vectors) on one core per
    // session: slices of posts go to as many sessions as the machine has cores, each taking the
    // next slice when it is done. The slices' rows never overlap, so the sessions do not wait on each other.
    const slices: [number, number][] = [];
    for (let first = 1; first <= size.posts; first += POSTS_PER_STATEMENT) slices.push([first, Math.min(size.posts, first + POSTS_PER_STATEMENT - 1)]);
    const sessions = Math.min(slices.length, Math.max(1, Math.min(LOAD_SESSIONS, availableParallelism())));
    const nextSlice = () => slices.shift();
    const loadSlices = async (session: Db) => {
      for (let slice = nextSlice(); slice; slice = nextSlice()) {
        await run(session, streamStatements(v, slice[0], slice[1]), size.posts > POSTS_PER_STATEMENT ? ` (posts ${slice[0]} to ${slice[1]})` : "");
      }
    };
    await Promise.all([loadSlices(connection), ...Array.from({ length: sessions - 1 }, () => generatorSession(loadSlices))]);
    await run(connection, topicStatements(v, size));
    // A network's search documents are written one at a time as people write, so the newest lie
    // together in the table; the triggers here wrote each slice's documents in the order of their
    // ids. Rewritten in date order, the newest documents a common word's search reads first sit on
    // a few pages, as they would after years of use, not on one page each.
    await sql`set maintenance_work_mem = '512MB'`.execute(connection);
    const clusterStarted = Date.now();
    await sql`cluster search_documents using search_documents_recent_idx`.execute(connection);
    log(`search documents in date order: ${((Date.now() - clusterStarted) / 1000).toFixed(1)} s`);
    const indexStarted = Date.now();
    await textIndex.restore();
    log(`search text index: ${((Date.now() - indexStarted) / 1000).toFixed(1)} s`);
    // As autovacuum would have done by then: statistics, and the visibility map index-only scans use.
    await sql`vacuum analyze`.execute(connection);
  });
  const loadSeconds = (Date.now() - started) / 1000;
  return { seed, rows: await countRows(db), bytes: await databaseBytes(db), loadSeconds };
}

/**
 * Rare words the generator gave to live posts (the first posts of the dataset), for the search
 * scenarios. Each is in about thirty posts at the default scale, fewer at the small one.
 */
export async function rareWordsInUse(db: Db, input: { seed: string; size: DatasetSize; count: number }): Promise<string[]> {
  checkSeed(input.seed);
  const { rows } = await sql<{ word: string }>`
    select distinct ${sql.raw(rareWord(input.seed, "n"))} as word
    from generate_series(1, ${sql.lit(Math.min(input.count, input.size.posts))}) as n
    where not (${sql.raw(isDeleted("n"))})
    order by 1
  `.execute(db);
  return rows.map((row) => row.word);
}

async function countRows(db: Db): Promise<Record<string, number>> {
  const counts = await Promise.all(
    COUNTED_TABLES.map(async (table) => {
      const { rows } = await sql<{ total: string }>`select count(*) as total from ${sql.table(table)}`.execute(db);
      return [table, Number(rows[0]?.total ?? 0)] as const;
    }),
  );
  return Object.fromEntries(counts);
}

async function databaseBytes(db: Db): Promise<number> {
  const { rows } = await sql<{ bytes: string }>`select pg_database_size(current_database()) as bytes`.execute(db);
  return Number(rows[0]?.bytes ?? 0);
}
