import type { Comment, CommentsPage } from "@ruche/contracts";
import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client.ts";
import { updateInPages, type CachedPages } from "./feed-cache.ts";
import { commentsKey, usePostCache } from "./queries.ts";

const COMMENTS_PAGE = 20;

/** A post's top-level comments (`parentId` null) or one comment's replies, oldest first, a page at a time. */
export function useComments(postId: string, parentId: string | null, options: { enabled?: boolean } = {}) {
  return useInfiniteQuery({
    queryKey: [...commentsKey(postId), parentId],
    queryFn: ({ pageParam }) =>
      api<CommentsPage>("GET", `/posts/${postId}/comments`, { query: { parentId: parentId ?? undefined, cursor: pageParam, limit: COMMENTS_PAGE } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: options.enabled ?? true,
  });
}

/** Writes comment changes into the cache: one comment changed, or a comment added or removed (with the post's count). */
export function useCommentCache(postId: string) {
  const queryClient = useQueryClient();
  const posts = usePostCache();
  const update = (commentId: string, change: (comment: Comment) => Comment) =>
    queryClient.setQueriesData<CachedPages<Comment>>({ queryKey: commentsKey(postId) }, (list) => updateInPages(list, commentId, change));
  return {
    update,
    /** A new comment or reply: its list refetches, and the post's and parent's counts go up at once. */
    added(comment: Comment) {
      posts.update(postId, (post) => ({ ...post, commentCount: post.commentCount + 1 }));
      if (comment.parentId) update(comment.parentId, (parent) => ({ ...parent, replyCount: parent.replyCount + 1 }));
      return queryClient.invalidateQueries({ queryKey: [...commentsKey(postId), comment.parentId] });
    },
    /** A deleted comment: the server decides whether it stays as a placeholder (it has replies) or goes. */
    removed() {
      posts.update(postId, (post) => ({ ...post, commentCount: Math.max(0, post.commentCount - 1) }));
      return queryClient.invalidateQueries({ queryKey: commentsKey(postId) });
    },
  };
}
