import { sql, type RawBuilder } from "kysely";
import type { Executor } from "../../platform/db.ts";
import { cursorTimestamp } from "../../platform/pagination.ts";
import { isMemberFilter, readableCommunities } from "../communities/policy.ts";
import type { Viewer } from "../people/policy.ts";
import { afterCursor, type FeedRow, type FeedWindow } from "./window.ts";

/** Where a viewer's home feed comes from, as id lists. */
export interface HomeFeedSources {
  /** The communities the viewer belongs to and may read (company included for non-guests). */
  communities: string[];
  /** Every community the viewer may read: followed people and topics count only there. */
  readable: string[];
  people: string[];
  topics: string[];
}

/** The viewer's home feed sources, in one small query, through the communities policy. */
export async function homeFeedSources(db: Executor, viewer: Viewer): Promise<HomeFeedSources> {
  const readable = db.selectFrom("communities").select("communities.id").where(readableCommunities(viewer));
  const { rows } = await sql<HomeFeedSources>`
    select
      array(${readable.where(isMemberFilter(viewer))}) as communities,
      array(${readable}) as readable,
      array(select followed_id from person_follows where follower_id = ${viewer.id}) as people,
      array(select topic_id from topic_follows where user_id = ${viewer.id}) as topics
  `.execute(db);
  return rows[0] ?? { communities: [], readable: [], people: [], topics: [] };
}

/**
 * The home feed's page of post ids, newest first: posts of the communities the viewer belongs to,
 * and posts by people and with topics they follow wherever the viewer may read them.
 *
 * Built for a million posts: each source (one community, one followed person, one followed topic)
 * reads at most `limit + 1` rows from its own index in feed order, from the cursor on, and only
 * those few rows are merged and sorted. A single `community_id = any(...) or author_id = any(...)`
 * would instead collect and sort every matching post on each page. The id lists arrive as values,
 * not subqueries, so the planner knows their sizes and how selective the readable filter is. The
 * plans on PostgreSQL 15 and 17 are in bench/notes/home-feed.md.
 */
export function homeFeedQuery(sources: HomeFeedSources, window: FeedWindow): RawBuilder<FeedRow> {
  const take = window.limit + 1;
  const after = (created: string, id: string) => (window.after ? sql`and ${afterCursor(window.after, created, id)}` : sql``);
  const readable = sql`${sources.readable}::uuid[]`;
  return sql<FeedRow>`
    with candidates as (
      select source.id, source.created_at
      from unnest(${sources.communities}::uuid[]) as mine(id)
      cross join lateral (
        select posts.id, posts.created_at from posts
        where posts.community_id = mine.id and posts.deleted_at is null ${after("posts.created_at", "posts.id")}
        order by posts.created_at desc, posts.id desc
        limit ${take}
      ) as source
      union all
      select source.id, source.created_at
      from unnest(${sources.people}::uuid[]) as followed(id)
      cross join lateral (
        select posts.id, posts.created_at from posts
        where posts.author_id = followed.id and posts.deleted_at is null
          and posts.community_id = any(${readable}) ${after("posts.created_at", "posts.id")}
        order by posts.created_at desc, posts.id desc
        limit ${take}
      ) as source
      union all
      select source.id, source.created_at
      from unnest(${sources.topics}::uuid[]) as followed(id)
      cross join lateral (
        select post_topics.post_id as id, post_topics.created_at from post_topics
        join posts on posts.id = post_topics.post_id and posts.deleted_at is null
        where post_topics.topic_id = followed.id
          and post_topics.community_id = any(${readable}) ${after("post_topics.created_at", "post_topics.post_id")}
        order by post_topics.created_at desc, post_topics.post_id desc
        limit ${take}
      ) as source
    )
    -- The cursor key is formatted for the page's rows only, after the merge.
    select page.id, ${cursorTimestamp("page.created_at")} as cursor_key
    from (
      select distinct candidates.id, candidates.created_at from candidates
      order by candidates.created_at desc, candidates.id desc
      limit ${take}
    ) as page
    order by page.created_at desc, page.id desc
  `;
}

/** One page (plus one row, to tell whether another follows) of the viewer's home feed. */
export async function homeFeed(db: Executor, viewer: Viewer, window: FeedWindow): Promise<FeedRow[]> {
  const sources = await homeFeedSources(db, viewer);
  const { rows } = await homeFeedQuery(sources, window).execute(db);
  return rows;
}
