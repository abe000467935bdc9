import { describe, expect, it } from "vitest";
import { communityTabs, tabFromSegment, tabPath } from "./community-tabs.ts";
import { aCommunity } from "./testing.ts";

describe("communityTabs", () => {
  it("shows a non-member of a closed community only what it is about", () => {
    expect(communityTabs(aCommunity({ visibility: "closed", memberCount: null }))).toEqual(["about"]);
  });

  it("shows readers the posts first, then what it is about and the member list", () => {
    expect(communityTabs(aCommunity({ myRole: "member", memberCount: 12 }))).toEqual(["posts", "about", "members"]);
  });

  it("gives managers of a closed community its requests, invitations and settings", () => {
    const community = aCommunity({ visibility: "closed", myRole: "manager", canManage: true });
    expect(communityTabs(community)).toEqual(["posts", "about", "members", "requests", "invitations", "settings"]);
  });

  it("has no requests tab for public and secret communities, where nobody asks to join", () => {
    expect(communityTabs(aCommunity({ visibility: "public", canManage: true }))).toEqual(["posts", "about", "members", "invitations", "settings"]);
    expect(communityTabs(aCommunity({ visibility: "secret", canManage: true }))).toEqual(["posts", "about", "members", "invitations", "settings"]);
  });

  it("keeps only the settings open to managers of an archived community, so they can unarchive it", () => {
    const community = aCommunity({ visibility: "closed", canManage: true, archivedAt: "2025-03-01T08:00:00.000Z" });
    expect(communityTabs(community)).toEqual(["posts", "about", "members", "settings"]);
  });
});

describe("tabFromSegment", () => {
  const readerTabs = ["posts", "about", "members"] as const;

  it("opens a reader on the posts at the bare community URL", () => {
    expect(tabFromSegment(undefined, readerTabs)).toBe("posts");
  });

  it("opens someone who may not read the community on what it is about", () => {
    expect(tabFromSegment(undefined, ["about"])).toBe("about");
  });

  it("reads the other tabs from the URL", () => {
    expect(tabFromSegment("about", readerTabs)).toBe("about");
    expect(tabFromSegment("members", readerTabs)).toBe("members");
    expect(tabFromSegment("settings", readerTabs)).toBe("settings");
  });

  it("treats an unknown segment, and a redundant /posts, as a page that does not exist", () => {
    expect(tabFromSegment("feed", readerTabs)).toBeNull();
    expect(tabFromSegment("posts", readerTabs)).toBeNull();
  });
});

describe("tabPath", () => {
  it("links the posts to the community itself and the other tabs below it", () => {
    expect(tabPath("c1", "posts")).toBe("/communities/c1");
    expect(tabPath("c1", "about")).toBe("/communities/c1/about");
    expect(tabPath("c1", "invitations")).toBe("/communities/c1/invitations");
  });
});
