import { describe, expect, it } from "vitest";
import { communityTabs, tabFromSegment, tabPath } from "./community-tabs.ts";
import { aCommunity } from "./testing.ts";

describe("communityTabs", () => {
  it("shows a non-member of a closed community only what it is about", () => {
    expect(communityTabs(aCommunity({ visibility: "closed", memberCount: null }))).toEqual(["about"]);
  });

  it("shows readers the member list", () => {
    expect(communityTabs(aCommunity({ myRole: "member", memberCount: 12 }))).toEqual(["about", "members"]);
  });

  it("gives managers of a closed community its requests, invitations and settings", () => {
    const community = aCommunity({ visibility: "closed", myRole: "manager", canManage: true });
    expect(communityTabs(community)).toEqual(["about", "members", "requests", "invitations", "settings"]);
  });

  it("has no requests tab for public and secret communities, where nobody asks to join", () => {
    expect(communityTabs(aCommunity({ visibility: "public", canManage: true }))).toEqual(["about", "members", "invitations", "settings"]);
    expect(communityTabs(aCommunity({ visibility: "secret", canManage: true }))).toEqual(["about", "members", "invitations", "settings"]);
  });

  it("keeps only the settings open to managers of an archived community, so they can unarchive it", () => {
    const community = aCommunity({ visibility: "closed", canManage: true, archivedAt: "2025-03-01T08:00:00.000Z" });
    expect(communityTabs(community)).toEqual(["about", "members", "settings"]);
  });
});

describe("tabFromSegment", () => {
  it("reads the tab from the URL, the bare community URL being its about tab", () => {
    expect(tabFromSegment(undefined)).toBe("about");
    expect(tabFromSegment("members")).toBe("members");
    expect(tabFromSegment("settings")).toBe("settings");
  });

  it("treats an unknown segment, and a redundant /about, as a page that does not exist", () => {
    expect(tabFromSegment("posts")).toBeNull();
    expect(tabFromSegment("about")).toBeNull();
  });
});

describe("tabPath", () => {
  it("links the about tab to the community itself and the others below it", () => {
    expect(tabPath("c1", "about")).toBe("/communities/c1");
    expect(tabPath("c1", "invitations")).toBe("/communities/c1/invitations");
  });
});
