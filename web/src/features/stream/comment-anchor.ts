// A link to one comment, `/posts/<postId>#comment-<commentId>` (a search result), opens its post
// there: the post page loads pages of comments until that one is shown, then scrolls to it.

const ANCHOR = /^#comment-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/**
 * How many pages of a list (top-level comments, or one thread's replies) are loaded at most to
 * find the comment linked to: 10 pages of 20 comments covers all but the longest discussions,
 * without a page fetching without end for a comment the list will never show.
 */
export const MAX_ANCHOR_PAGES = 10;

/** The `id` of a comment's element, which a link's hash names: `comment-<id>`. */
export function commentElementId(commentId: string): string {
  return `comment-${commentId}`;
}

/** The comment a URL's hash names (`#comment-<uuid>`), or null for any other hash. */
export function commentIdFromHash(hash: string): string | null {
  const match = ANCHOR.exec(hash);
  return match?.[1]?.toLowerCase() ?? null;
}

/** What a list of comments still has to do to show the comment wanted. */
export type AnchorStep = "shown" | "load-more" | "give-up";

/**
 * Whether the comment wanted is among those loaded, or another page may hold it, or the search
 * stops: the list has no more, or `MAX_ANCHOR_PAGES` are loaded (the post then shows as usual).
 */
export function anchorStep(list: { wantedId: string; loadedIds: readonly string[]; pagesLoaded: number; hasMore: boolean }): AnchorStep {
  if (list.loadedIds.includes(list.wantedId)) return "shown";
  return list.hasMore && list.pagesLoaded < MAX_ANCHOR_PAGES ? "load-more" : "give-up";
}
