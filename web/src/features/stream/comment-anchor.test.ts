import { describe, expect, it } from "vitest";
import { anchorStep, commentElementId, commentIdFromHash, MAX_ANCHOR_PAGES } from "./comment-anchor.ts";

const commentId = "0190e000-0000-7000-8000-000000000001";

describe("commentIdFromHash", () => {
  it("reads the comment a link's hash names, the same as its element's id", () => {
    expect(commentIdFromHash(`#${commentElementId(commentId)}`)).toBe(commentId);
    expect(commentIdFromHash(`#comment-${commentId.toUpperCase()}`)).toBe(commentId);
  });

  it("ignores any other hash, and a comment id that is not one", () => {
    for (const hash of ["", "#", "#comments", `#post-${commentId}`, "#comment-42", `#comment-${commentId}x`, `comment-${commentId}`]) {
      expect(commentIdFromHash(hash)).toBeNull();
    }
  });
});

describe("anchorStep", () => {
  const other = "0190e000-0000-7000-8000-000000000002";

  it("is done once the comment wanted is loaded, whatever the list has left", () => {
    expect(anchorStep({ wantedId: commentId, loadedIds: [other, commentId], pagesLoaded: 1, hasMore: true })).toBe("shown");
  });

  it("loads another page while the list has more", () => {
    expect(anchorStep({ wantedId: commentId, loadedIds: [other], pagesLoaded: 1, hasMore: true })).toBe("load-more");
  });

  it("gives up when the list has no more: the comment is not in it", () => {
    expect(anchorStep({ wantedId: commentId, loadedIds: [other], pagesLoaded: 3, hasMore: false })).toBe("give-up");
  });

  it("stops after a bounded number of pages, even when the list has more", () => {
    expect(anchorStep({ wantedId: commentId, loadedIds: [other], pagesLoaded: MAX_ANCHOR_PAGES - 1, hasMore: true })).toBe("load-more");
    expect(anchorStep({ wantedId: commentId, loadedIds: [other], pagesLoaded: MAX_ANCHOR_PAGES, hasMore: true })).toBe("give-up");
  });
});
