import { useQueryClient } from "@tanstack/react-query";
import type { StreamSignal } from "./stream-client.ts";
import { refreshComments, refreshPost } from "./post-refresh.ts";
import { useStreamTopics } from "./useStreamTopic.ts";

/**
 * Keeps posts on screen current: their comments and reactions update in place. Pass a bounded
 * list of `post:<id>` topics (the opened post, a feed's first page).
 */
export function useLivePosts(topics: readonly string[]): void {
  const queryClient = useQueryClient();
  useStreamTopics(topics, (signal: StreamSignal) => {
    if (signal.type === "reset") return void refreshComments(queryClient, signal.topic.slice("post:".length));
    const { name, data } = signal.event;
    const postId = data.postId ?? (signal.event.topic.startsWith("post:") ? signal.event.topic.slice("post:".length) : undefined);
    if (!postId) return;
    if (name.startsWith("comment.")) void refreshComments(queryClient, postId);
    else if (name === "reactions.changed" || name.startsWith("post.")) void refreshPost(queryClient, postId);
  });
}
