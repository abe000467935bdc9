import { describe, expect, it } from "vitest";
import { communityAction } from "./community-action.ts";
import { aCommunity } from "./testing.ts";

const member = { role: "member" } as const;
const guest = { role: "guest" } as const;

describe("communityAction", () => {
  it("offers to join a public community one does not belong to", () => {
    expect(communityAction(aCommunity({ visibility: "public" }), member)).toEqual({ kind: "join" });
  });

  it("offers to ask to join a closed community", () => {
    expect(communityAction(aCommunity({ visibility: "closed", memberCount: null }), member)).toEqual({ kind: "request" });
  });

  it("offers to withdraw a pending request instead of asking again", () => {
    const community = aCommunity({ visibility: "closed", myRequest: { id: "request-1", createdAt: "2025-02-01T08:00:00.000Z" } });
    expect(communityAction(community, member)).toEqual({ kind: "withdrawRequest", requestId: "request-1" });
  });

  it("offers to answer a pending invitation, even to a secret community", () => {
    const community = aCommunity({ visibility: "secret", myInvitation: { id: "invitation-1", invitedBy: null, createdAt: "2025-02-01T08:00:00.000Z" } });
    expect(communityAction(community, member)).toEqual({ kind: "answerInvitation", invitationId: "invitation-1" });
  });

  it("offers nothing on a secret community without an invitation", () => {
    expect(communityAction(aCommunity({ visibility: "secret" }), member)).toEqual({ kind: "none" });
  });

  it("lets members leave", () => {
    expect(communityAction(aCommunity({ myRole: "member" }), member)).toEqual({ kind: "leave" });
    expect(communityAction(aCommunity({ visibility: "secret", myRole: "owner" }), member)).toEqual({ kind: "leave" });
  });

  it("does not let anyone leave a company community, whose membership comes with the job", () => {
    expect(communityAction(aCommunity({ kind: "company", myRole: "member" }), member)).toEqual({ kind: "none" });
  });

  it("offers no way into an archived community, but still lets one withdraw a request there", () => {
    expect(communityAction(aCommunity({ archivedAt: "2025-03-01T08:00:00.000Z" }), member)).toEqual({ kind: "none" });
    const requested = aCommunity({ visibility: "closed", archivedAt: "2025-03-01T08:00:00.000Z", myRequest: { id: "request-2", createdAt: "2025-02-01T08:00:00.000Z" } });
    expect(communityAction(requested, member)).toEqual({ kind: "withdrawRequest", requestId: "request-2" });
  });

  it("lets guests in only by invitation", () => {
    expect(communityAction(aCommunity({ visibility: "public" }), guest)).toEqual({ kind: "none" });
    const invited = aCommunity({ kind: "external", myInvitation: { id: "invitation-2", invitedBy: null, createdAt: "2025-02-01T08:00:00.000Z" } });
    expect(communityAction(invited, guest)).toEqual({ kind: "answerInvitation", invitationId: "invitation-2" });
  });

  it("offers nothing on a deleted community", () => {
    expect(communityAction(aCommunity({ deletedAt: "2025-03-01T08:00:00.000Z", myRole: "owner" }), { role: "admin" })).toEqual({ kind: "none" });
  });
});
