import type { Post } from "@ruche/contracts";
import type { CachedPages } from "../stream/feed-cache.ts";
import type { FeedSource } from "../stream/queries.ts";

/** The stream topic that announces a feed's new posts, if it has one. */
export function feedTopic(source: FeedSource): string | null {
  if (source.kind === "home") return "home";
  if (source.kind === "community") return `community:${source.communityId}`;
  return null;
}

/** Whether a cached feed already holds the post. */
export function feedHolds(feed: CachedPages<Post> | undefined, postId: string): boolean {
  return feed?.pages.some((page) => page.items.some((post) => post.id === postId)) ?? false;
}

/**
 * The new posts waiting behind the "N new posts" banner: a post counts once, however often it is
 * announced, and a post deleted before the reader looked no longer counts.
 */
export function withNewPost(waiting: readonly string[], postId: string): readonly string[] {
  return waiting.includes(postId) ? waiting : [...waiting, postId];
}

/** The waiting posts without one that was deleted. */
export function withoutPost(waiting: readonly string[], postId: string): readonly string[] {
  return waiting.includes(postId) ? waiting.filter((id) => id !== postId) : waiting;
}

/**
 * A feed cut back to its first page, so refetching it after "show new posts" asks for one page
 * rather than every page the reader had scrolled through.
 */
export function firstPageOnly<T>(feed: CachedPages<T> | undefined): CachedPages<T> | undefined {
  if (!feed || feed.pages.length <= 1) return feed;
  return { pages: feed.pages.slice(0, 1), pageParams: feed.pageParams.slice(0, 1) };
}

/** How many posts of a feed stay live (their comments and reactions): the first page's, no more. */
export const LIVE_POSTS = 20;

/** The `post:<id>` topics of the posts on a feed's first page. */
export function livePostTopics(posts: readonly Pick<Post, "id" | "deletedAt">[]): string[] {
  return posts
    .filter((post) => !post.deletedAt)
    .slice(0, LIVE_POSTS)
    .map((post) => `post:${post.id}`);
}
