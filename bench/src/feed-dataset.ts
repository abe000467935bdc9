import { sql } from "kysely";
import type { Db } from "../../server/src/platform/db.ts";

/** The size of the generated organisation; `scale` multiplies people and posts. */
export interface DatasetSize {
  users: number;
  communities: number;
  posts: number;
  topics: number;
}

export const DEFAULT_SIZE: DatasetSize = { users: 10_000, communities: 200, posts: 1_000_000, topics: 1_000 };

/** Ids derived from a label and a number, so a statement can name the n-th user without a lookup. */
const idOf = (label: string, n: string) => sql.raw(`md5('${label}-' || ${n})::uuid`);

/**
 * Fills a freshly migrated database with an organisation shaped like the ones Ruche is built for:
 * - users: one admin, 1% guests, the rest members;
 * - communities: one company community, ten external ones (where the guests are), and interest,
 *   profession and project communities that are 60% public, 20% closed and 20% secret;
 * - each member in nine communities besides the company one, each guest in two external ones;
 * - each person following about twenty people and each member five topics;
 * - posts spread over the last year, a tenth of them in the company community, 1% deleted, one
 *   in 500 an announcement, and about a fifth with one or two topics.
 * Everything is plain SQL over generate_series, so a million posts take a minute or two.
 */
export async function generateDataset(db: Db, size: DatasetSize = DEFAULT_SIZE, log: (line: string) => void = () => {}): Promise<void> {
  const step = async (label: string, statement: ReturnType<typeof sql>) => {
    const started = Date.now();
    await statement.execute(db);
    log(`${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  };
  const { users, communities, posts, topics } = size;
  const guestsFrom = users - Math.max(1, Math.floor(users / 100)) + 1;
  // Sizes go in as literals: generate_series cannot tell an untyped parameter's type.
  const [U, C, P, T, G, M] = [users, communities, posts, topics, guestsFrom, guestsFrom - 1].map((value) => sql.lit(value));

  await step("users", sql`
    insert into users (id, email, role, display_name, email_verified_at)
    select ${idOf("user", "n")}, 'user' || n || '@bench.example',
      case when n = 1 then 'admin' when n >= ${G} then 'guest' else 'member' end,
      'User ' || n, now()
    from generate_series(1, ${U}) as n
  `);
  // Community 1 is the company community the migrations created (an organisation has one).
  await step("company community", sql`update communities set id = ${idOf("community", "1")} where kind = 'company'`);
  await step("communities", sql`
    insert into communities (id, kind, visibility, name, created_by)
    select ${idOf("community", "n")},
      case when n <= 11 then 'external' else (array['interest', 'profession', 'project'])[n % 3 + 1] end,
      case when n <= 11 then 'closed' when n % 5 = 0 then 'secret' when n % 5 = 1 then 'closed' else 'public' end,
      'Community ' || n, ${idOf("user", "1")}
    from generate_series(2, ${C}) as n
  `);
  await step("memberships", sql`
    insert into community_members (community_id, user_id, role)
    select ${idOf("community", "picked.c")}, ${idOf("user", "u")}, 'member'
    from generate_series(2, ${M}) as u
    cross join lateral (
      select c from generate_series(12, ${C}) as c order by md5(u || '-' || c) limit 9
    ) as picked
    union all
    select ${idOf("community", "(u % 10) + 2")}, ${idOf("user", "u")}, 'member' from generate_series(${G}, ${U}) as u
    union all
    select ${idOf("community", "((u + 3) % 10) + 2")}, ${idOf("user", "u")}, 'member' from generate_series(${G}, ${U}) as u
  `);
  await step("person follows", sql`
    insert into person_follows (follower_id, followed_id)
    select ${idOf("user", "u")}, ${idOf("user", `((u + g * g * 13 + g * 101) % ${users}) + 1`)}
    from generate_series(1, ${U}) as u, generate_series(1, 20) as g
    where ((u + g * g * 13 + g * 101) % ${U}) + 1 <> u
    on conflict do nothing
  `);
  await step("topics", sql`
    insert into topics (id, slug, name) select ${idOf("topic", "n")}, 'topic' || n, 'Topic ' || n from generate_series(1, ${T}) as n
  `);
  await step("topic follows", sql`
    insert into topic_follows (user_id, topic_id)
    select ${idOf("user", "u")}, ${idOf("topic", `((u * 7 + g * 131) % ${topics}) + 1`)}
    from generate_series(2, ${M}) as u, generate_series(1, 5) as g
    on conflict do nothing
  `);
  await step("posts", sql`
    insert into posts (id, community_id, author_id, body, body_html, announcement, deleted_at, created_at)
    select ${idOf("post", "n")},
      ${idOf("community", `case when n % 10 = 0 then 1 else 2 + (n * 7 % ${communities - 1}) end`)},
      ${idOf("user", `((n::bigint * 7919) % ${users}) + 1`)},
      'Post ' || n, '<p>Post ' || n || '</p>',
      n % 500 = 0,
      case when n % 100 = 0 then now() else null end,
      now() - interval '365 days' * random()
    from generate_series(1, ${P}) as n
  `);
  await step("post topics", sql`
    insert into post_topics (topic_id, post_id, community_id, created_at)
    select ${idOf("topic", `(('x' || substr(md5(posts.id::text || picked.k), 1, 7))::bit(28)::int % ${topics}) + 1`)},
      posts.id, posts.community_id, posts.created_at
    from posts
    cross join lateral (select k from unnest(array['a', 'b']) as k where k = 'a' or substr(md5(posts.id::text), 2, 1) < '4') as picked
    where substr(md5(posts.id::text), 1, 1) < '3'
    on conflict do nothing
  `);
  // As autovacuum would have done by then: statistics, and the visibility map index-only scans use.
  await step("vacuum analyze", sql`vacuum analyze`);
}
