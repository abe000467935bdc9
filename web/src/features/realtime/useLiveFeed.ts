import type { Post } from "@ruche/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useSession } from "../../api/session.ts";
import type { CachedPages } from "../stream/feed-cache.ts";
import { feedKey, type FeedSource } from "../stream/queries.ts";
import { feedHolds, feedTopic, firstPageOnly, withNewPost, withoutPost } from "./live-feed.ts";
import { fetchPost, refreshPost } from "./post-refresh.ts";
import type { StreamSignal } from "./stream-client.ts";
import { useStreamTopic } from "./useStreamTopic.ts";

/**
 * Follows a feed's topic: others' new posts wait behind "N new posts" (the list does not jump
 * under the reader), changed posts update in place, and a `reset` refetches the feed.
 * `showNew` brings the waiting posts in by reloading the first page.
 */
export function useLiveFeed(source: FeedSource) {
  const queryClient = useQueryClient();
  const myId = useSession().data?.user.id;
  const [waiting, setWaiting] = useState<readonly string[]>([]);
  const key = feedKey(source);

  const noteCreated = async (postId: string) => {
    if (feedHolds(queryClient.getQueryData<CachedPages<Post>>(key), postId)) return;
    // The event names the post, not its author: read it to leave one's own posts out.
    const post = await fetchPost(queryClient, postId).catch(() => null);
    if (post && post.author?.id !== myId && !post.deletedAt) setWaiting((current) => withNewPost(current, postId));
  };

  useStreamTopic(feedTopic(source), (signal: StreamSignal) => {
    if (signal.type === "reset") return void queryClient.invalidateQueries({ queryKey: key });
    const { name, data } = signal.event;
    if (!data.postId) return;
    if (name === "post.created") void noteCreated(data.postId);
    else if (name.startsWith("post.")) {
      if (name === "post.deleted") setWaiting((current) => withoutPost(current, data.postId ?? ""));
      void refreshPost(queryClient, data.postId);
    }
  });

  const showNew = async () => {
    setWaiting([]);
    queryClient.setQueryData<CachedPages<Post>>(key, (cached) => firstPageOnly(cached));
    await queryClient.invalidateQueries({ queryKey: key });
  };

  return { waiting: waiting.length, showNew };
}
