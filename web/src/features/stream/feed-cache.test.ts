import type { Post } from "@ruche/contracts";
import { describe, expect, it } from "vitest";
import { itemsOf, removeFromPages, updateInPages, type CachedPages } from "./feed-cache.ts";
import { aPost } from "./testing.ts";

const first = aPost({ id: "p1" });
const second = aPost({ id: "p2" });
const third = aPost({ id: "p3" });
const feed: CachedPages<Post> = {
  pages: [
    { items: [first, second], nextCursor: "c1" },
    { items: [third], nextCursor: null },
  ],
  pageParams: [undefined, "c1"],
};

describe("updateInPages", () => {
  it("changes the item on whichever page holds it and keeps the others as they are", () => {
    const updated = updateInPages(feed, "p3", (post) => ({ ...post, bookmarked: true }));
    expect(itemsOf(updated).map((post) => [post.id, post.bookmarked])).toEqual([
      ["p1", false],
      ["p2", false],
      ["p3", true],
    ]);
    expect(updated?.pages[0]).toBe(feed.pages[0]);
    expect(updated?.pageParams).toEqual(feed.pageParams);
  });

  it("returns the very same list when the item is not in it", () => {
    expect(updateInPages(feed, "elsewhere", (post) => ({ ...post, pinned: true }))).toBe(feed);
  });

  it("leaves a list not loaded yet alone", () => {
    expect(updateInPages<Post>(undefined, "p1", (post) => post)).toBeUndefined();
  });
});

describe("removeFromPages", () => {
  it("drops the item and keeps the pages and their cursors", () => {
    const removed = removeFromPages(feed, "p2");
    expect(itemsOf(removed).map((post) => post.id)).toEqual(["p1", "p3"]);
    expect(removed?.pages.map((page) => page.nextCursor)).toEqual(["c1", null]);
  });

  it("returns the same list when the item is not in it", () => {
    expect(removeFromPages(feed, "elsewhere")).toBe(feed);
  });
});
