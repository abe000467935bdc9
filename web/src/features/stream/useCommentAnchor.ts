import type { Comment, CommentsPage } from "@ruche/contracts";
import { useQuery, type InfiniteData, type UseInfiniteQueryResult } from "@tanstack/react-query";
import { useEffect } from "react";
import { useLocation } from "react-router-dom";
import { api } from "../../api/client.ts";
import { anchorStep, commentIdFromHash } from "./comment-anchor.ts";
import { itemsOf } from "./feed-cache.ts";
import { streamKey } from "./queries.ts";

/** The comment a link points at in a post, and the top-level comment whose thread holds it (itself, or a reply's parent). */
export interface CommentAnchor {
  commentId: string;
  threadId: string;
}

/**
 * The comment the URL's hash names (`#comment-<id>`), when it is one of `postId`'s. The comment is
 * read once to learn its parent: a reply is found by opening its thread. A deleted comment, or one
 * the viewer may not read, answers 404: then there is no anchor and the post shows as usual.
 */
export function useCommentAnchor(postId: string): CommentAnchor | null {
  const { hash } = useLocation();
  const commentId = commentIdFromHash(hash);
  const target = useQuery({
    // Not under the post's comments key: changes to those lists (pages) must not touch this one comment.
    queryKey: [...streamKey, "comment", commentId],
    queryFn: () => api<Comment>("GET", `/comments/${encodeURIComponent(commentId ?? "")}`),
    enabled: commentId !== null,
    retry: false,
    staleTime: Infinity,
  });
  if (!commentId || !target.data || target.data.postId !== postId) return null;
  return { commentId, threadId: target.data.parentId ?? target.data.id };
}

/**
 * Loads further pages of a list of comments until `wantedId` is among them, a page at a time and
 * within `MAX_ANCHOR_PAGES`; it stops on the list's end or a failed page (the list shows its error).
 */
export function useLoadUntilShown(list: UseInfiniteQueryResult<InfiniteData<CommentsPage>>, wantedId: string | null): void {
  const { fetchNextPage } = list;
  const pagesLoaded = list.data?.pages.length ?? 0;
  const step =
    wantedId !== null && list.isSuccess && !list.isFetching
      ? anchorStep({ wantedId, loadedIds: itemsOf(list.data).map((comment) => comment.id), pagesLoaded, hasMore: list.hasNextPage })
      : null;
  useEffect(() => {
    if (step === "load-more") void fetchNextPage();
  }, [step, pagesLoaded, fetchNextPage]);
}
