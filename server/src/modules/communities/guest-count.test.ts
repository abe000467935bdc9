import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import { buildUser, signIn, type Browser } from "../../../test/factories.ts";
import { createThrough } from "./testing.ts";

let t: TestContext;
let owner: Browser;

beforeAll(async () => {
  t = await createTestContext({ work: false });
  owner = await signIn(t.app, t.db, (await buildUser(t.db)).id);
});
afterAll(() => t.close());

async function guestCount(id: string): Promise<number> {
  return (await t.db.selectFrom("communities").select("guest_count").where("id", "=", id).executeTakeFirstOrThrow()).guest_count;
}

const external = async (id: string): Promise<boolean> => (await owner.inject({ method: "GET", url: `/api/v1/communities/${id}` })).json().external;

describe("the guests of a community, counted by the database", () => {
  it("counts guests as they join and leave, and no one else", async () => {
    const { id } = await createThrough(owner, { name: "Bid team" });
    const guest = await buildUser(t.db, { role: "guest" });
    const colleague = await buildUser(t.db);
    await t.db.insertInto("community_members").values([{ community_id: id, user_id: guest.id, role: "member" }, { community_id: id, user_id: colleague.id, role: "member" }]).execute();
    expect(await guestCount(id)).toBe(1);
    expect(await external(id)).toBe(true);
    await t.db.deleteFrom("community_members").where("community_id", "=", id).where("user_id", "=", guest.id).execute();
    expect(await guestCount(id)).toBe(0);
    expect(await external(id)).toBe(false);
  });

  it("follows a member's network role into and out of guest", async () => {
    const first = await createThrough(owner, { name: "Supplier day" });
    const second = await createThrough(owner, { name: "Supplier audit" });
    const person = await buildUser(t.db);
    await t.db.insertInto("community_members").values([first, second].map((community) => ({ community_id: community.id, user_id: person.id, role: "member" as const }))).execute();
    await t.db.updateTable("users").set({ role: "guest" }).where("id", "=", person.id).execute();
    expect([await guestCount(first.id), await guestCount(second.id)]).toEqual([1, 1]);
    await t.db.updateTable("users").set({ role: "admin" }).where("id", "=", person.id).execute();
    expect([await guestCount(first.id), await guestCount(second.id)]).toEqual([0, 0]);
  });

  it("moves the count with a membership moved to another community", async () => {
    const from = await createThrough(owner, { name: "Old workspace" });
    const to = await createThrough(owner, { name: "New workspace" });
    const guest = await buildUser(t.db, { role: "guest" });
    await t.db.insertInto("community_members").values({ community_id: from.id, user_id: guest.id, role: "member" }).execute();
    await t.db.updateTable("community_members").set({ community_id: to.id }).where("user_id", "=", guest.id).execute();
    expect([await guestCount(from.id), await guestCount(to.id)]).toEqual([0, 1]);
  });
});
