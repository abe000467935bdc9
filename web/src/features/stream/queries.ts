import type { CommunitiesPage, Community, PinnedPosts, Post, PostsPage } from "@ruche/contracts";
import { useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, ApiError } from "../../api/client.ts";
import { communitiesKey } from "../communities/queries.ts";
import { removeFromPages, updateInPages, type CachedPages } from "./feed-cache.ts";

/** Everything the stream caches lives under this key. */
export const streamKey = ["stream"] as const;
export const feedsKey = [...streamKey, "feed"] as const;
export const postKey = (id: string) => [...streamKey, "post", id] as const;
export const commentsKey = (postId: string) => [...streamKey, "comments", postId] as const;
export const topicKey = (slug: string) => [...streamKey, "topic", slug] as const;
export const personFollowKey = (personId: string) => [...streamKey, "person-follow", personId] as const;

/** The lists of posts the app shows: each is a keyset-paginated `PostsPage`. */
export type FeedSource =
  | { kind: "home" }
  | { kind: "announcements" }
  | { kind: "bookmarks" }
  | { kind: "community"; communityId: string }
  | { kind: "pinned"; communityId: string }
  | { kind: "topic"; slug: string }
  | { kind: "person"; personId: string };

const FEED_PAGE_SIZE = 20;

function feedPath(source: FeedSource): string {
  switch (source.kind) {
    case "home":
      return "/feed";
    case "announcements":
      return "/feed/announcements";
    case "bookmarks":
      return "/me/bookmarks";
    case "community":
      return `/communities/${encodeURIComponent(source.communityId)}/posts`;
    case "pinned":
      return `/communities/${encodeURIComponent(source.communityId)}/pinned`;
    case "topic":
      return `/topics/${encodeURIComponent(source.slug)}/posts`;
    case "person":
      return `/people/${encodeURIComponent(source.personId)}/posts`;
  }
}

/**
 * One page of a feed. A community's pinned posts come as one short list; they are held as a
 * single page like any feed, so every change to a post reaches them the same way.
 */
async function feedPage(source: FeedSource, page: { cursor: string | undefined; limit: number }): Promise<PostsPage> {
  if (source.kind === "pinned") {
    const pinned = await api<PinnedPosts>("GET", feedPath(source));
    return { items: pinned.items, nextCursor: null };
  }
  return api<PostsPage>("GET", feedPath(source), { query: page });
}

/** The cache key of a feed, under `feedsKey` so one call refreshes every feed. */
export const feedKey = (source: FeedSource) => [...feedsKey, source] as const;

// A malformed id is a 400 and an unknown or hidden one a 404: both mean "not here".
export const isMissing = (error: unknown) => error instanceof ApiError && (error.status === 404 || error.status === 400);

/** One feed, a page at a time (infinite scroll). */
export function useFeed(source: FeedSource, options: { enabled?: boolean; pageSize?: number } = {}) {
  return useInfiniteQuery({
    queryKey: feedKey(source),
    queryFn: ({ pageParam }) => feedPage(source, { cursor: pageParam, limit: options.pageSize ?? FEED_PAGE_SIZE }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: options.enabled ?? true,
    retry: (failures, error) => !isMissing(error) && failures < 1,
  });
}

/** One post, for its own page. */
export function usePost(id: string) {
  return useQuery({
    queryKey: postKey(id),
    queryFn: () => api<Post>("GET", `/posts/${encodeURIComponent(id)}`),
    retry: (failures, error) => !isMissing(error) && failures < 1,
  });
}

/**
 * Writes a change to a post into every cached copy (each feed and its own page), so the screen
 * answers at once; `remove` takes it out of the feeds (deleted, or no longer in a list).
 */
export function usePostCache() {
  const queryClient = useQueryClient();
  return {
    update(postId: string, change: (post: Post) => Post) {
      queryClient.setQueriesData<CachedPages<Post>>({ queryKey: feedsKey }, (feed) => updateInPages(feed, postId, change));
      queryClient.setQueryData<Post>(postKey(postId), (post) => (post ? change(post) : post));
    },
    remove(postId: string, source?: FeedSource) {
      queryClient.setQueriesData<CachedPages<Post>>({ queryKey: source ? feedKey(source) : feedsKey }, (feed) => removeFromPages(feed, postId));
    },
    /** Refetches the feeds, for changes that move posts between lists (a new post, a pin, a share). */
    refreshFeeds() {
      return queryClient.invalidateQueries({ queryKey: feedsKey });
    },
  };
}

const COMMUNITIES_PAGE = 100;
const MAX_COMMUNITY_PAGES = 10;

/** Every community the viewer belongs to, read page by page: people belong to a handful, a few to many. */
async function myCommunities(): Promise<Community[]> {
  const all: Community[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_COMMUNITY_PAGES; page += 1) {
    const result = await api<CommunitiesPage>("GET", "/communities", { query: { mine: true, limit: COMMUNITIES_PAGE, cursor } });
    all.push(...result.items);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return all;
}

/**
 * The communities the viewer may post in now, by name: the composer's and the share dialog's
 * choices. Cached with the communities, so joining one or accepting its charter refreshes it.
 */
export function usePostableCommunities(options: { enabled?: boolean } = {}) {
  return useQuery({
    enabled: options.enabled ?? true,
    queryKey: [...communitiesKey, "postable"],
    queryFn: async () => (await myCommunities()).filter((community) => community.canPost).sort((a, b) => a.name.localeCompare(b.name)),
    staleTime: 60_000,
  });
}
