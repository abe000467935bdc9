import { describe, expect, it } from "vitest";
import { memberActions, needsConfirmation } from "./member-actions.ts";
import { aCommunity, aMember, aPerson } from "./testing.ts";

const viewer = { id: "viewer", role: "member" } as const;
const managed = (myRole: "owner" | "manager" | null) => aCommunity({ canManage: true, myRole });

describe("memberActions", () => {
  it("offers nothing to those who do not manage the community", () => {
    expect(memberActions({ member: aMember(), community: aCommunity({ myRole: "member" }), viewer })).toEqual([]);
  });

  it("lets a manager promote or remove a member, without touching ownership", () => {
    expect(memberActions({ member: aMember(), community: managed("manager"), viewer })).toEqual(["makeManager", "remove"]);
  });

  it("lets a manager demote another manager", () => {
    expect(memberActions({ member: aMember({ role: "manager" }), community: managed("manager"), viewer })).toEqual(["makeMember", "remove"]);
  });

  it("keeps owners out of a mere manager's reach", () => {
    expect(memberActions({ member: aMember({ role: "owner" }), community: managed("manager"), viewer })).toEqual([]);
  });

  it("lets an owner grant ownership or hand it over", () => {
    expect(memberActions({ member: aMember(), community: managed("owner"), viewer })).toEqual(["makeManager", "makeOwner", "transferOwnership", "remove"]);
  });

  it("lets an admin who is not an owner grant ownership, but not hand over someone else's", () => {
    const admin = { id: "viewer", role: "admin" } as const;
    expect(memberActions({ member: aMember({ role: "manager" }), community: managed(null), viewer: admin })).toEqual(["makeMember", "makeOwner", "remove"]);
  });

  it("never offers ownership to a guest", () => {
    const guest = aMember({ person: aPerson({ role: "guest" }) });
    expect(memberActions({ member: guest, community: managed("owner"), viewer })).toEqual(["makeManager", "remove"]);
  });

  it("lets an owner change another owner's role", () => {
    expect(memberActions({ member: aMember({ role: "owner" }), community: managed("owner"), viewer })).toEqual(["makeManager", "makeMember", "remove"]);
  });

  it("leaves one's own membership out of the menu", () => {
    const me = aMember({ person: aPerson({ id: "viewer" }), role: "manager" });
    expect(memberActions({ member: me, community: managed("owner"), viewer })).toEqual([]);
  });

  it("never removes the implicit members of a company community", () => {
    const community = aCommunity({ kind: "company", canManage: true, myRole: "manager" });
    expect(memberActions({ member: aMember({ joinedAt: null }), community, viewer })).toEqual(["makeManager"]);
  });

  it("offers nothing while the community is archived", () => {
    const community = aCommunity({ canManage: true, myRole: "owner", archivedAt: "2025-03-01T08:00:00.000Z" });
    expect(memberActions({ member: aMember(), community, viewer })).toEqual([]);
  });
});

describe("needsConfirmation", () => {
  it("asks before removing someone or moving ownership, and not before a simple promotion", () => {
    expect(needsConfirmation("remove", aMember())).toBe(true);
    expect(needsConfirmation("makeOwner", aMember())).toBe(true);
    expect(needsConfirmation("transferOwnership", aMember())).toBe(true);
    expect(needsConfirmation("makeManager", aMember({ role: "owner" }))).toBe(true);
    expect(needsConfirmation("makeManager", aMember())).toBe(false);
  });
});
