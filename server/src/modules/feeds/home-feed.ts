import { sql, type RawBuilder } from "kysely";
import type { Executor } from "../../platform/db.ts";
import { cursorTimestamp } from "../../platform/pagination.ts";
import { isMemberFilter, readableCommunities } from "../communities/policy.ts";
import type { Viewer } from "../people/policy.ts";
import { afterCursor, type FeedRow, type FeedWindow } from "./window.ts";

/**
 * The home feed's page of post ids, newest first, in one statement: posts of the communities the
 * viewer belongs to, and posts by people and with topics they follow wherever the viewer may read
 * them. The design and its plans on PostgreSQL 15 and 17 are in bench/notes/home-feed.md:
 *
 * - Sources: the viewer's communities and every community they may read come from the
 *   communities policy (`readableCommunities`, `isMemberFilter`), with the people and topics they
 *   follow, as four arrays computed once.
 * - Each source (one community, one followed person, one followed topic) reads at most
 *   `limit + 1` rows from its own index in feed order, from the cursor on; only those few rows
 *   are merged and sorted. A single `community_id = any(...) or author_id = any(...)` would
 *   collect and sort every matching post on each page.
 * - The floor: the page cannot reach further back than the oldest of its `limit + 1` newest rows
 *   from one's communities, so the scans of followed people and topics start from the cursor and
 *   stop at that floor, and usually find nothing to read at all.
 */
export function homeFeedQuery(db: Executor, viewer: Viewer, window: FeedWindow): RawBuilder<FeedRow> {
  const take = window.limit + 1;
  const after = (created: string, id: string) => (window.after ? sql`and ${afterCursor(window.after, created, id)}` : sql``);
  const readable = db.selectFrom("communities").select("communities.id").where(readableCommunities(viewer));
  return sql<FeedRow>`
    with sources as materialized (
      select
        array(${readable.where(isMemberFilter(viewer))}) as communities,
        array(${readable}) as readable,
        array(select followed_id from person_follows where follower_id = ${viewer.id}) as people,
        array(select topic_id from topic_follows where user_id = ${viewer.id}) as topics
    ),
    mine as materialized (
      select source.id, source.created_at
      from unnest((select sources.communities from sources)) as mine(id)
      cross join lateral (
        select posts.id, posts.created_at from posts
        where posts.community_id = mine.id and posts.deleted_at is null ${after("posts.created_at", "posts.id")}
        order by posts.created_at desc, posts.id desc
        limit ${take}
      ) as source
    ),
    floor as materialized (
      select coalesce(
        (select mine.created_at from mine order by mine.created_at desc, mine.id desc offset ${take - 1} limit 1),
        '-infinity'::timestamptz
      ) as created_at
    ),
    candidates as (
      select mine.id, mine.created_at from mine
      union all
      select source.id, source.created_at
      from unnest((select sources.people from sources)) as followed(id)
      cross join lateral (
        select posts.id, posts.created_at from posts
        where posts.author_id = followed.id and posts.deleted_at is null
          and posts.created_at >= (select floor.created_at from floor)
          and posts.community_id = any((select sources.readable from sources)::uuid[]) ${after("posts.created_at", "posts.id")}
        order by posts.created_at desc, posts.id desc
        limit ${take}
      ) as source
      union all
      select source.id, source.created_at
      from unnest((select sources.topics from sources)) as followed(id)
      cross join lateral (
        select post_topics.post_id as id, post_topics.created_at from post_topics
        join posts on posts.id = post_topics.post_id and posts.deleted_at is null
        where post_topics.topic_id = followed.id
          and post_topics.created_at >= (select floor.created_at from floor)
          and post_topics.community_id = any((select sources.readable from sources)::uuid[]) ${after("post_topics.created_at", "post_topics.post_id")}
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
  const { rows } = await homeFeedQuery(db, viewer, window).execute(db);
  return rows;
}
