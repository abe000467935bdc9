import type { Post } from "@ruche/contracts";
import { describe, expect, it } from "vitest";
import type { CachedPages } from "../stream/feed-cache.ts";
import { aPost } from "../stream/testing.ts";
import { feedHolds, feedTopic, firstPageOnly, livePostTopics, withNewPost, withoutPost } from "./live-feed.ts";

const feed: CachedPages<Post> = {
  pages: [
    { items: [aPost({ id: "p1" }), aPost({ id: "p2" })], nextCursor: "c1" },
    { items: [aPost({ id: "p3" })], nextCursor: null },
  ],
  pageParams: [undefined, "c1"],
};

describe("feedTopic", () => {
  it("follows the home feed and a community's feed, and nothing for the others", () => {
    expect(feedTopic({ kind: "home" })).toBe("home");
    expect(feedTopic({ kind: "community", communityId: "c-1" })).toBe("community:c-1");
    expect(feedTopic({ kind: "bookmarks" })).toBeNull();
  });
});

describe("new posts waiting", () => {
  it("counts a post announced twice once", () => {
    expect(withNewPost(withNewPost([], "p9"), "p9")).toEqual(["p9"]);
  });

  it("stops counting a post deleted before the reader looked", () => {
    expect(withoutPost(["p8", "p9"], "p8")).toEqual(["p9"]);
  });

  it("knows a post already in the feed, on any page", () => {
    expect([feedHolds(feed, "p3"), feedHolds(feed, "p9"), feedHolds(undefined, "p1")]).toEqual([true, false, false]);
  });
});

describe("firstPageOnly", () => {
  it("keeps only the first page and its cursor, so a refetch asks for one page", () => {
    const cut = firstPageOnly(feed);
    expect(cut?.pages.map((page) => page.items.map((post) => post.id))).toEqual([["p1", "p2"]]);
    expect(cut?.pageParams).toEqual([undefined]);
  });
});

describe("livePostTopics", () => {
  it("follows at most twenty posts, skipping deleted ones", () => {
    const posts = Array.from({ length: 30 }, (_, index) => aPost({ id: `p${index}`, deletedAt: index === 0 ? "2025-03-12T09:00:00.000Z" : null }));
    const topics = livePostTopics(posts);
    expect(topics).toHaveLength(20);
    expect(topics[0]).toBe("post:p1");
  });
});
