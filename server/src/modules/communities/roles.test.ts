import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import type { Browser } from "../../../test/factories.ts";
import { addMember, createThrough, eventsAbout, personBrowser, rolesIn, UNKNOWN_ID } from "./testing.ts";

let t: TestContext;
let owner: Browser;
let manager: Browser;
let member: Browser;
let outsider: Browser;
let admin: Browser;
let companyId: string;

beforeAll(async () => {
  t = await createTestContext({ work: false });
  owner = await personBrowser(t, { display_name: "Olivia Owner" });
  manager = await personBrowser(t, { display_name: "Manon Manager" });
  member = await personBrowser(t, { display_name: "Marc Member" });
  outsider = await personBrowser(t, { display_name: "Otto Outsider" });
  admin = await personBrowser(t, { role: "admin" });
  companyId = (await t.db.selectFrom("communities").select("id").where("kind", "=", "company").executeTakeFirstOrThrow()).id;
});
afterAll(() => t.close());

/** A community owned by `owner`, managed by `manager`, with `member` in it. */
async function community(name: string, visibility = "public"): Promise<string> {
  const { id } = await createThrough(owner, { name, visibility });
  await addMember(t, id, manager.userId, "manager");
  await addMember(t, id, member.userId, "member");
  return id;
}

const setRole = (browser: Browser, id: string, userId: string, role: string) =>
  browser.inject({ method: "PATCH", url: `/api/v1/communities/${id}/members/${userId}`, payload: { role } });
const remove = (browser: Browser, id: string, userId: string) => browser.inject({ method: "DELETE", url: `/api/v1/communities/${id}/members/${userId}` });
const transfer = (browser: Browser, id: string, userId: string) =>
  browser.inject({ method: "POST", url: `/api/v1/communities/${id}/transfer-ownership`, payload: { userId } });

function expectError(response: { statusCode: number; json(): { error: { code: string } } }, status: number, code: string): void {
  expect(response.statusCode).toBe(status);
  expect(response.json().error.code).toBe(code);
}

describe("changing a member's role", () => {
  it("lets a manager make a member a manager, and answers the member as listed, with an event", async () => {
    const id = await community("Promotions");
    const response = await setRole(manager, id, member.userId, "manager");
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ person: { id: member.userId, displayName: "Marc Member" }, role: "manager" });
    expect((await rolesIn(t, id))[member.userId]).toBe("manager");
    expect(await eventsAbout(t, "member.role_changed", id)).toEqual([
      { actor_id: manager.userId, payload: { userId: member.userId, from: "member", to: "manager" } },
    ]);
  });

  it("lets a manager make a manager a member again", async () => {
    const id = await community("Demotions");
    await addMember(t, id, outsider.userId, "manager");
    expect((await setRole(manager, id, outsider.userId, "member")).json().role).toBe("member");
  });

  it("changes nothing, and records nothing, when the role is the same", async () => {
    const id = await community("Same role");
    expect((await setRole(manager, id, member.userId, "member")).statusCode).toBe(200);
    expect(await eventsAbout(t, "member.role_changed", id)).toEqual([]);
  });

  it("keeps ownership for owners and admins to grant or take away", async () => {
    const id = await community("Ownership");
    expectError(await setRole(manager, id, member.userId, "owner"), 403, "community_owner_required");
    expectError(await setRole(manager, id, owner.userId, "manager"), 403, "community_owner_required");
    expect((await setRole(owner, id, member.userId, "owner")).json().role).toBe("owner");
    expect((await setRole(admin, id, member.userId, "manager")).json().role).toBe("manager");
  });

  it("never demotes the last owner", async () => {
    const id = await community("Last owner");
    expectError(await setRole(owner, id, owner.userId, "manager"), 409, "community_last_owner");
    expectError(await setRole(admin, id, owner.userId, "member"), 409, "community_last_owner");
    expect((await rolesIn(t, id))[owner.userId]).toBe("owner");
  });

  it("lets an owner step down once another owner remains", async () => {
    const id = await community("Two owners");
    await setRole(owner, id, manager.userId, "owner");
    expect((await setRole(owner, id, owner.userId, "member")).json().role).toBe("member");
  });

  it("never makes a guest an owner, but lets them manage", async () => {
    const { id } = await createThrough(admin, { kind: "external", name: "Partners" });
    const guest = await personBrowser(t, { role: "guest" });
    await addMember(t, id, guest.userId);
    expectError(await setRole(admin, id, guest.userId, "owner"), 403, "forbidden");
    expect((await setRole(admin, id, guest.userId, "manager")).json().role).toBe("manager");
  });

  it("answers 404 for someone who is not a member, as for an unknown person", async () => {
    const id = await community("Strangers");
    const stranger = await setRole(manager, id, outsider.userId, "manager");
    expectError(stranger, 404, "community_member_not_found");
    expect((await setRole(manager, id, UNKNOWN_ID, "manager")).json()).toEqual(stranger.json());
  });

  it("is refused to plain members (403) and hidden from outsiders of a secret community (404)", async () => {
    const id = await community("Secret roles", "secret");
    expectError(await setRole(member, id, manager.userId, "member"), 403, "forbidden");
    expectError(await setRole(outsider, id, member.userId, "manager"), 404, "community_not_found");
  });

  it("is refused while the community is archived", async () => {
    const id = await community("Archived roles");
    await owner.inject({ method: "POST", url: `/api/v1/communities/${id}/archive` });
    expectError(await setRole(owner, id, member.userId, "manager"), 409, "community_archived");
  });

  it("refuses an unknown role, naming the field", async () => {
    const id = await community("Bad roles");
    const response = await setRole(owner, id, member.userId, "emperor");
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.map((d: { field: string }) => d.field)).toContain("role");
  });

  it("gives roles in the company community by explicit rows, and removes the row for a plain member", async () => {
    const colleague = await personBrowser(t);
    expect((await setRole(admin, companyId, colleague.userId, "manager")).json().role).toBe("manager");
    expect((await rolesIn(t, companyId))[colleague.userId]).toBe("manager");
    const back = await setRole(admin, companyId, colleague.userId, "member");
    expect(back.json()).toMatchObject({ role: "member", joinedAt: null });
    expect((await rolesIn(t, companyId))[colleague.userId]).toBeUndefined();
    const members = (await colleague.inject({ method: "GET", url: `/api/v1/communities/${companyId}` })).json();
    expect(members.myRole).toBe("member");
  });
});

describe("removing a member", () => {
  it("lets a manager remove a member, with an event", async () => {
    const id = await community("Removals");
    expect((await remove(manager, id, member.userId)).statusCode).toBe(204);
    expect((await rolesIn(t, id))[member.userId]).toBeUndefined();
    expect(await eventsAbout(t, "member.removed", id)).toEqual([{ actor_id: manager.userId, payload: { userId: member.userId, role: "member" } }]);
  });

  it("takes effect on the very next request: 404 on a secret community, 403 on a closed one's members", async () => {
    const secret = await community("Vault", "secret");
    const closed = await community("Cellar", "closed");
    expect((await member.inject({ method: "GET", url: `/api/v1/communities/${secret}` })).statusCode).toBe(200);
    await remove(owner, secret, member.userId);
    await remove(owner, closed, member.userId);
    expectError(await member.inject({ method: "GET", url: `/api/v1/communities/${secret}` }), 404, "community_not_found");
    expectError(await member.inject({ method: "GET", url: `/api/v1/communities/${closed}/members` }), 403, "forbidden");
  });

  it("keeps owners for owners and admins to remove, and never the last one", async () => {
    const id = await community("Owners stay");
    expectError(await remove(manager, id, owner.userId), 403, "community_owner_required");
    expectError(await remove(admin, id, owner.userId), 409, "community_last_owner");
    await setRole(owner, id, manager.userId, "owner");
    expect((await remove(manager, id, owner.userId)).statusCode).toBe(204);
  });

  it("treats removing oneself as leaving", async () => {
    const id = await community("Self removal");
    expect((await remove(member, id, member.userId)).statusCode).toBe(204);
    expect(await eventsAbout(t, "member.left", id)).toHaveLength(1);
    expectError(await remove(owner, id, owner.userId), 409, "community_last_owner");
  });

  it("removes nobody from the company community", async () => {
    const colleague = await personBrowser(t);
    await setRole(admin, companyId, colleague.userId, "manager");
    for (const userId of [colleague.userId, member.userId]) expectError(await remove(admin, companyId, userId), 409, "community_membership_implicit");
  });

  it("answers 404 for someone who is not a member, 403 to a plain member, and refuses while archived", async () => {
    const id = await community("Removal rules");
    expectError(await remove(manager, id, outsider.userId), 404, "community_member_not_found");
    expectError(await remove(member, id, manager.userId), 403, "forbidden");
    await owner.inject({ method: "POST", url: `/api/v1/communities/${id}/archive` });
    expectError(await remove(manager, id, member.userId), 409, "community_archived");
  });
});

describe("handing over ownership", () => {
  it("makes a member the owner and the owner a manager, with an event", async () => {
    const id = await community("Handover");
    const response = await transfer(owner, id, member.userId);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id, myRole: "manager", canManage: true });
    expect(await rolesIn(t, id)).toMatchObject({ [member.userId]: "owner", [owner.userId]: "manager" });
    expect(await eventsAbout(t, "community.ownership_transferred", id)).toEqual([
      { actor_id: owner.userId, payload: { from: owner.userId, to: member.userId } },
    ]);
  });

  it("lets an admin who is not an owner add one, leaving the current owner be", async () => {
    const id = await community("Admin handover");
    expect((await transfer(admin, id, manager.userId)).statusCode).toBe(200);
    expect(await rolesIn(t, id)).toMatchObject({ [manager.userId]: "owner", [owner.userId]: "owner" });
  });

  it("is refused to managers", async () => {
    const id = await community("Managers cannot");
    expectError(await transfer(manager, id, member.userId), 403, "community_owner_required");
  });

  it("answers 404 for someone who is not a member", async () => {
    const id = await community("Members only");
    expectError(await transfer(owner, id, outsider.userId), 404, "community_member_not_found");
    expectError(await transfer(owner, id, UNKNOWN_ID), 404, "community_member_not_found");
  });

  it("never hands a community to a guest", async () => {
    const { id } = await createThrough(admin, { kind: "external", name: "Client project" });
    const guest = await personBrowser(t, { role: "guest" });
    await addMember(t, id, guest.userId);
    const response = await transfer(admin, id, guest.userId);
    expectError(response, 403, "forbidden");
    expect(response.json().error.message).toMatch(/guest/i);
  });

  it("is refused while archived, and hidden from outsiders of a secret community", async () => {
    const id = await community("Archived handover", "secret");
    expectError(await transfer(outsider, id, member.userId), 404, "community_not_found");
    await owner.inject({ method: "POST", url: `/api/v1/communities/${id}/archive` });
    expectError(await transfer(owner, id, member.userId), 409, "community_archived");
  });
});
