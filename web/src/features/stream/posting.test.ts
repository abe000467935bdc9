import { describe, expect, it } from "vitest";
import { aCommunity } from "../communities/testing.ts";
import { postingBlock } from "./posting.ts";

const charter = { version: 2, text: "Soyez aimables.", required: true, createdAt: "2025-01-06T09:00:00.000Z", acceptedAt: null };

describe("postingBlock", () => {
  it("has nothing to explain when the viewer may post", () => {
    expect(postingBlock(aCommunity({ canPost: true, myRole: "member" }))).toBeNull();
  });

  it("says an archived community is read-only before anything else", () => {
    expect(postingBlock(aCommunity({ archivedAt: "2025-03-01T08:00:00.000Z", myRole: "member" }))).toBe("archived");
  });

  it("asks non-members to join first", () => {
    expect(postingBlock(aCommunity({ myRole: null }))).toBe("notMember");
  });

  it("points a member to the charter they have not accepted", () => {
    expect(postingBlock(aCommunity({ myRole: "member", charter }))).toBe("charter");
  });

  it("explains that only managers post in some communities", () => {
    expect(postingBlock(aCommunity({ myRole: "member", postingPolicy: "managers" }))).toBe("managersOnly");
  });

  it("falls back to a plain refusal when the rule is not one it knows", () => {
    expect(postingBlock(aCommunity({ myRole: "manager", postingPolicy: "managers" }))).toBe("notAllowed");
  });
});
