import type { Post } from "@ruche/contracts";
import type { QueryClient } from "@tanstack/react-query";
import { api } from "../../api/client.ts";
import { removeFromPages, updateInPages, type CachedPages } from "../stream/feed-cache.ts";
import { commentsKey, feedsKey, isMissing, postKey } from "../stream/queries.ts";
import { feedHolds } from "./live-feed.ts";

/** Reads a post through the API (which applies the policy again) into its own cache entry. */
export function fetchPost(queryClient: QueryClient, postId: string): Promise<Post> {
  return queryClient.fetchQuery({ queryKey: postKey(postId), queryFn: () => api<Post>("GET", `/posts/${encodeURIComponent(postId)}`), staleTime: 0 });
}

/** Whether any screen holds the post: its own page or a feed. */
function isCached(queryClient: QueryClient, postId: string): boolean {
  if (queryClient.getQueryData(postKey(postId))) return true;
  return queryClient.getQueriesData<CachedPages<Post>>({ queryKey: feedsKey }).some(([, feed]) => feedHolds(feed, postId));
}

/**
 * A post changed elsewhere (edited, deleted, commented, reacted to): reads it again and writes it
 * into every feed that shows it. One that the viewer may no longer read leaves the feeds. A post
 * no screen holds is not fetched at all.
 */
export async function refreshPost(queryClient: QueryClient, postId: string): Promise<void> {
  if (!isCached(queryClient, postId)) return;
  try {
    const post = await fetchPost(queryClient, postId);
    queryClient.setQueriesData<CachedPages<Post>>({ queryKey: feedsKey }, (feed) => updateInPages(feed, postId, () => post));
  } catch (error) {
    if (!isMissing(error)) return;
    queryClient.setQueriesData<CachedPages<Post>>({ queryKey: feedsKey }, (feed) => removeFromPages(feed, postId));
  }
}

/** A comment was added, edited or removed: its lists refetch and the post's count follows. */
export async function refreshComments(queryClient: QueryClient, postId: string): Promise<void> {
  await queryClient.invalidateQueries({ queryKey: commentsKey(postId) });
  await refreshPost(queryClient, postId);
}
