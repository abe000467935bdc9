import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import { buildUser, signIn, type Browser } from "../../../test/factories.ts";
import { createThrough } from "./testing.ts";

let t: TestContext;
let owner: Browser;
let joiner: Browser;
let guest: Browser;
let admin: Browser;

beforeAll(async () => {
  t = await createTestContext({ work: false });
  owner = await signIn(t.app, t.db, (await buildUser(t.db, { display_name: "Olivia Owner" })).id);
  joiner = await signIn(t.app, t.db, (await buildUser(t.db, { display_name: "Jules Joiner" })).id);
  guest = await signIn(t.app, t.db, (await buildUser(t.db, { role: "guest" })).id);
  admin = await signIn(t.app, t.db, (await buildUser(t.db, { role: "admin" })).id);
});
afterAll(() => t.close());

const post = (browser: Browser, id: string, action: string) => browser.inject({ method: "POST", url: `/api/v1/communities/${id}/${action}` });

async function membersOf(id: string): Promise<string[]> {
  const rows = await t.db.selectFrom("community_members").select("user_id").where("community_id", "=", id).execute();
  return rows.map((row) => row.user_id);
}

describe("joining", () => {
  it("lets a member join a public community, with an event", async () => {
    const { id } = await createThrough(owner, { name: "Chess" });
    const response = await post(joiner, id, "join");
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ myRole: "member", memberCount: 2 });
    const event = await t.db.selectFrom("events").select("actor_id").where("type", "=", "member.joined").where("subject_id", "=", id).executeTakeFirst();
    expect(event?.actor_id).toBe(joiner.userId);
  });

  it("tells a member to ask when the community is closed, and adds nobody", async () => {
    const { id } = await createThrough(owner, { name: "Steering", visibility: "closed" });
    const response = await post(joiner, id, "join");
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe("community_request_required");
    expect(await membersOf(id)).toEqual([owner.userId]);
  });

  it("answers 404 to a non-member joining a secret community", async () => {
    const { id } = await createThrough(owner, { name: "Hush", visibility: "secret" });
    const response = await post(joiner, id, "join");
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe("community_not_found");
    expect(await membersOf(id)).toEqual([owner.userId]);
  });

  it("refuses joining an archived community", async () => {
    const { id } = await createThrough(owner, { name: "Old times" });
    await post(owner, id, "archive");
    const response = await post(joiner, id, "join");
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe("community_archived");
  });
});

describe("leaving", () => {
  it("lets a member leave", async () => {
    const { id } = await createThrough(owner, { name: "Knitting" });
    await post(joiner, id, "join");
    expect((await post(joiner, id, "leave")).statusCode).toBe(204);
    expect(await membersOf(id)).toEqual([owner.userId]);
  });

  it("refuses the last owner, who stays", async () => {
    const { id } = await createThrough(owner, { name: "Solo" });
    const response = await post(owner, id, "leave");
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe("community_last_owner");
    expect(await membersOf(id)).toEqual([owner.userId]);
  });

  it("lets an owner leave once another owner remains", async () => {
    const { id } = await createThrough(owner, { name: "Duo" });
    await t.db.insertInto("community_members").values({ community_id: id, user_id: joiner.userId, role: "owner" }).execute();
    expect((await post(owner, id, "leave")).statusCode).toBe(204);
    expect(await membersOf(id)).toEqual([joiner.userId]);
  });

  it("refuses leaving the company community", async () => {
    const company = await t.db.selectFrom("communities").select("id").where("kind", "=", "company").executeTakeFirstOrThrow();
    const response = await post(joiner, company.id, "leave");
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe("community_membership_implicit");
  });
});

describe("the member list", () => {
  it("shows members in name order to those who may read", async () => {
    const { id } = await createThrough(owner, { name: "Readers" });
    await post(joiner, id, "join");
    const page = (await joiner.inject({ method: "GET", url: `/api/v1/communities/${id}/members` })).json();
    expect(page.items.map((item: { person: { id: string }; role: string }) => [item.person.id, item.role])).toEqual([
      [joiner.userId, "member"],
      [owner.userId, "owner"],
    ]);
  });

  it("is refused to a non-member of a closed community", async () => {
    const { id } = await createThrough(owner, { name: "Closed doors", visibility: "closed" });
    const response = await joiner.inject({ method: "GET", url: `/api/v1/communities/${id}/members` });
    expect(response.statusCode).toBe(403);
  });

  it("pages with a cursor, one member at a time", async () => {
    const { id } = await createThrough(owner, { name: "Paged" });
    await post(joiner, id, "join");
    const first = (await owner.inject({ method: "GET", url: `/api/v1/communities/${id}/members?limit=1` })).json();
    const second = (await owner.inject({ method: "GET", url: `/api/v1/communities/${id}/members?limit=1&cursor=${first.nextCursor}` })).json();
    expect([...first.items, ...second.items].map((item: { person: { id: string } }) => item.person.id)).toEqual([joiner.userId, owner.userId]);
    expect(second.nextCursor).toBeNull();
  });

  it("lets a guest see their external community's members", async () => {
    const { id } = await createThrough(admin, { kind: "external", name: "Partners", visibility: "secret" });
    await t.db.insertInto("community_members").values({ community_id: id, user_id: guest.userId, role: "member" }).execute();
    const page = (await guest.inject({ method: "GET", url: `/api/v1/communities/${id}/members` })).json();
    expect(page.items.map((item: { person: { id: string } }) => item.person.id).sort()).toEqual([admin.userId, guest.userId].sort());
  });
});
