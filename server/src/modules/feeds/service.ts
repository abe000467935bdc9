import type { FeedQuery, PinnedPosts, PostsPage } from "@ruche/contracts";
import type { Expression } from "kysely";
import type { Executor } from "../../platform/db.ts";
import { errors } from "../../platform/errors.ts";
import { decodeCursor, pageOf } from "../../platform/pagination.ts";
import { requireCommunityAccess } from "../communities/service.ts";
import { canSeePerson, type Viewer } from "../people/policy.ts";
import { loadPosts, presentPostRows } from "../posts/present.ts";
import { findPresentedPage } from "../posts/present-repository.ts";
import { knownTopicOrThrow } from "../topics/service.ts";
import { homeFeedQuery } from "./home-feed.ts";
import type { ReadRecorder } from "./reads.ts";
import { authorFeed, bookmarkFeed, communityFeed, pinnedPostIds, topicFeed, unreadAnnouncementFeed } from "./repository.ts";
import type { FeedRow, FeedWindow } from "./window.ts";

/** What serving a feed needs: the database, and where to note which posts the viewer was shown. */
export interface FeedDeps {
  db: Executor;
  reads: ReadRecorder;
}

function windowOf(query: FeedQuery): FeedWindow {
  return { limit: query.limit ?? 20, after: query.cursor ? decodeCursor(query.cursor) : undefined };
}

/**
 * Runs a feed's page query together with the presenter's (one statement), presents the page's
 * posts in feed order, and notes them as read.
 */
async function presentPage(deps: FeedDeps, viewer: Viewer, feed: Expression<FeedRow>, limit: number): Promise<PostsPage> {
  const rows = await findPresentedPage(deps.db, viewer, feed);
  const page = pageOf(rows, limit, (row) => [row.cursor_key, row.id]);
  const items = await presentPostRows(deps.db, viewer, page.items.map((row) => row.id), page.items);
  deps.reads.record(viewer.id, items.map((post) => post.id));
  return { items, nextCursor: page.nextCursor };
}

/** Home: posts of my communities, of people and topics I follow, newest first. */
export async function listHomeFeed(deps: FeedDeps, viewer: Viewer, query: FeedQuery): Promise<PostsPage> {
  const window = windowOf(query);
  return presentPage(deps, viewer, homeFeedQuery(deps.db, viewer, window), window.limit);
}

/** The community the viewer may read: 404 when they may not see it, 403 when they see it from outside (closed). */
async function readableCommunity(db: Executor, viewer: Viewer, communityId: string): Promise<void> {
  await requireCommunityAccess(db, viewer, { id: communityId, action: "read" });
}

/** One community's posts, newest first (pinned ones stay in their place; they are listed apart). */
export async function listCommunityFeed(deps: FeedDeps, viewer: Viewer, input: { communityId: string; query: FeedQuery }): Promise<PostsPage> {
  await readableCommunity(deps.db, viewer, input.communityId);
  const window = windowOf(input.query);
  return presentPage(deps, viewer, communityFeed(deps.db, viewer, { ...window, communityId: input.communityId }), window.limit);
}

/** A community's pinned posts, most recently pinned first. */
export async function listPinnedPosts(deps: FeedDeps, viewer: Viewer, communityId: string): Promise<PinnedPosts> {
  await readableCommunity(deps.db, viewer, communityId);
  const items = await loadPosts(deps.db, viewer, await pinnedPostIds(deps.db, viewer, communityId));
  deps.reads.record(viewer.id, items.map((post) => post.id));
  return { items };
}

/** The posts with a topic that the viewer may read. */
export async function listTopicFeed(deps: FeedDeps, viewer: Viewer, input: { slug: string; query: FeedQuery }): Promise<PostsPage> {
  const topic = await knownTopicOrThrow(deps.db, viewer, input.slug);
  const window = windowOf(input.query);
  return presentPage(deps, viewer, topicFeed(deps.db, viewer, { ...window, topicId: topic.id }), window.limit);
}

/** A person's posts that the viewer may read; a person they may not see answers 404. */
export async function listPersonFeed(deps: FeedDeps, viewer: Viewer, input: { personId: string; query: FeedQuery }): Promise<PostsPage> {
  if (!(await canSeePerson(deps.db, viewer, input.personId))) throw errors.notFound("user");
  const window = windowOf(input.query);
  return presentPage(deps, viewer, authorFeed(deps.db, viewer, { ...window, authorId: input.personId }), window.limit);
}

/** The viewer's bookmarks, newest bookmark first. */
export async function listBookmarks(deps: FeedDeps, viewer: Viewer, query: FeedQuery): Promise<PostsPage> {
  const window = windowOf(query);
  return presentPage(deps, viewer, bookmarkFeed(deps.db, viewer, window), window.limit);
}

/** The announcements the viewer has still to acknowledge, newest first. */
export async function listUnreadAnnouncements(deps: FeedDeps, viewer: Viewer, query: FeedQuery): Promise<PostsPage> {
  const window = windowOf(query);
  return presentPage(deps, viewer, unreadAnnouncementFeed(deps.db, viewer, window), window.limit);
}
