import { sql, type Expression } from "kysely";
import type { Executor } from "../../platform/db.ts";
import { cursorTimestamp } from "../../platform/pagination.ts";
import { isMemberFilter, readableCommunities } from "../communities/policy.ts";
import type { Viewer } from "../people/policy.ts";
import { readablePosts } from "../posts/policy.ts";
import { afterCursor, type FeedRow, type FeedWindow } from "./window.ts";

// The feeds other than home, each one index read in feed order through the posts policy's filter:
// a post the viewer may not read is never selected, so it cannot show through a page size or a
// cursor either. Each is a query for the presenter to run with the page's posts (one statement).

/** Readable, live posts newest first, from the cursor on. */
function readablePostsNewestFirst(db: Executor, viewer: Viewer, window: FeedWindow) {
  let query = db
    .selectFrom("posts")
    .select(["posts.id", cursorTimestamp("posts.created_at").as("cursor_key")])
    .where(readablePosts(viewer));
  if (window.after) query = query.where(afterCursor(window.after, "posts.created_at", "posts.id"));
  return query.orderBy("posts.created_at", "desc").orderBy("posts.id", "desc").limit(window.limit + 1);
}

/** A page of one community's posts (the caller has checked the viewer may read it). */
export function communityFeed(db: Executor, viewer: Viewer, input: FeedWindow & { communityId: string }): Expression<FeedRow> {
  return readablePostsNewestFirst(db, viewer, input).where("posts.community_id", "=", input.communityId);
}

/** A page of one person's posts, in the communities the viewer may read. */
export function authorFeed(db: Executor, viewer: Viewer, input: FeedWindow & { authorId: string }): Expression<FeedRow> {
  return readablePostsNewestFirst(db, viewer, input).where("posts.author_id", "=", input.authorId);
}

/** A page of the posts with a topic, read from the topic's own index. */
export function topicFeed(db: Executor, viewer: Viewer, input: FeedWindow & { topicId: string }): Expression<FeedRow> {
  let query = db
    .selectFrom("post_topics")
    .innerJoin("posts", "posts.id", "post_topics.post_id")
    .select(["posts.id", cursorTimestamp("post_topics.created_at").as("cursor_key")])
    .where("post_topics.topic_id", "=", input.topicId)
    .where(readablePosts(viewer));
  if (input.after) query = query.where(afterCursor(input.after, "post_topics.created_at", "post_topics.post_id"));
  return query
    .orderBy("post_topics.created_at", "desc")
    .orderBy("post_topics.post_id", "desc")
    .limit(input.limit + 1);
}

/** A page of the viewer's bookmarks, newest bookmark first; a post they can no longer read drops out. */
export function bookmarkFeed(db: Executor, viewer: Viewer, window: FeedWindow): Expression<FeedRow> {
  let query = db
    .selectFrom("bookmarks")
    .innerJoin("posts", "posts.id", "bookmarks.post_id")
    .select(["posts.id", cursorTimestamp("bookmarks.created_at").as("cursor_key")])
    .where("bookmarks.user_id", "=", viewer.id)
    .where(readablePosts(viewer));
  if (window.after) query = query.where(afterCursor(window.after, "bookmarks.created_at", "bookmarks.post_id"));
  return query
    .orderBy("bookmarks.created_at", "desc")
    .orderBy("bookmarks.post_id", "desc")
    .limit(window.limit + 1);
}

/**
 * A page of the announcements the viewer has still to acknowledge: in the communities they belong
 * to (and may read), newest first. Their own announcements are not theirs to acknowledge.
 */
export function unreadAnnouncementFeed(db: Executor, viewer: Viewer, window: FeedWindow): Expression<FeedRow> {
  return readablePostsNewestFirst(db, viewer, window)
    .where("posts.announcement", "=", true)
    .where("posts.community_id", "in", db.selectFrom("communities").select("communities.id").where(readableCommunities(viewer)).where(isMemberFilter(viewer)))
    .where((eb) => eb.or([eb("posts.author_id", "is", null), eb("posts.author_id", "!=", viewer.id)]))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("announcement_acks")
            .select(sql`1`.as("one"))
            .whereRef("announcement_acks.post_id", "=", "posts.id")
            .where("announcement_acks.user_id", "=", viewer.id),
        ),
      ),
    );
}

/** How many pinned posts a community shows at most, most recently pinned first. */
export const PINNED_LIMIT = 50;

/** The ids of a community's pinned posts the viewer may read, most recently pinned first. */
export async function pinnedPostIds(db: Executor, viewer: Viewer, communityId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("posts")
    .select("posts.id")
    .where("posts.community_id", "=", communityId)
    .where("posts.pinned_at", "is not", null)
    .where(readablePosts(viewer))
    .orderBy("posts.pinned_at", "desc")
    .orderBy("posts.id", "desc")
    .limit(PINNED_LIMIT)
    .execute();
  return rows.map((row) => row.id);
}
