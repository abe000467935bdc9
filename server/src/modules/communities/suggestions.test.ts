import type { Community } from "@ruche/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import { buildUser, signIn, type Browser } from "../../../test/factories.ts";
import { newId } from "../../platform/ids.ts";
import { createThrough } from "./testing.ts";

let t: TestContext;
let creator: Browser;
let accountant: Browser;
const ids: Record<string, string> = {};

/** Adds `count` new people with the given profile to a community, as plain members. */
async function addMembers(communityId: string, count: number, profile: { department?: string; job_title?: string } = {}): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    const user = await buildUser(t.db, profile);
    await t.db.insertInto("community_members").values({ community_id: communityId, user_id: user.id, role: "member" }).execute();
  }
}

async function community(key: string, body: Record<string, unknown>): Promise<string> {
  ids[key] = (await createThrough(creator, { name: key, ...body })).id;
  return ids[key];
}

async function suggestedTo(browser: Browser, query = ""): Promise<Community[]> {
  const response = await browser.inject({ method: "GET", url: `/api/v1/communities/suggested${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items;
}

const names = (items: Community[]) => items.map((item) => item.name);

beforeAll(async () => {
  t = await createTestContext({ work: false });
  creator = await signIn(t.app, t.db, (await buildUser(t.db)).id);
  accountant = await signIn(t.app, t.db, (await buildUser(t.db, { department: "Finance", job_title: "Comptable" })).id);

  await addMembers(await community("Finance lunch", {}), 2, { department: "finance" });
  await addMembers(await community("Budget circle", { visibility: "closed" }), 1, { department: "Finance" });
  await addMembers(await community("Spreadsheets", {}), 3, { job_title: "Comptable" });
  await community("Comptables de France", { kind: "profession" });
  await addMembers(await community("Football", {}), 5);
  await addMembers(await community("Aardvarks", {}), 1);
  await addMembers(await community("Zebras", {}), 1);

  await addMembers(await community("Finance secret club", { visibility: "secret" }), 3, { department: "Finance" });
  await addMembers(await community("Finance archive", {}), 3, { department: "Finance" });
  await creator.inject({ method: "POST", url: `/api/v1/communities/${ids["Finance archive"]}/archive` });
  await addMembers(await community("Finance deleted", {}), 3, { department: "Finance" });
  await creator.inject({ method: "DELETE", url: `/api/v1/communities/${ids["Finance deleted"]}` });
  await addMembers(await community("Finance already mine", {}), 3, { department: "Finance" });
  await accountant.inject({ method: "POST", url: `/api/v1/communities/${ids["Finance already mine"]}/join` });
  await addMembers(await community("Finance asked", { visibility: "closed" }), 3, { department: "Finance" });
  await t.db
    .insertInto("community_requests")
    .values({ id: newId(), community_id: ids["Finance asked"] ?? "", user_id: accountant.userId, status: "pending" })
    .execute();
});
afterAll(() => t.close());

describe("suggested communities", () => {
  it("ranks department colleagues first, then profession colleagues, then profession names, then size, then name", async () => {
    const items = await suggestedTo(accountant, "?limit=20");
    expect(names(items)).toEqual(["Finance lunch", "Budget circle", "Spreadsheets", "Comptables de France", "Football", "Aardvarks", "Zebras"]);
    expect(items[0]).toMatchObject({ myRole: null, canPost: false });
  });

  it("leaves out secret, archived, deleted and company communities, those one belongs to and those already asked for", async () => {
    const items = await suggestedTo(accountant, "?limit=20");
    expect(names(items).filter((name) => name.startsWith("Finance"))).toEqual(["Finance lunch"]);
    expect(items.map((item) => item.kind)).not.toContain("company");
  });

  it("ranks by size then name for someone with no department or job title", async () => {
    const newcomer = await signIn(t.app, t.db, (await buildUser(t.db)).id);
    const items = await suggestedTo(newcomer, "?limit=20");
    expect(names(items)).toEqual([
      "Football",
      "Finance already mine",
      "Finance asked",
      "Spreadsheets",
      "Finance lunch",
      "Aardvarks",
      "Budget circle",
      "Zebras",
      "Comptables de France",
    ]);
  });

  it("gives six by default and honours a smaller limit", async () => {
    expect(await suggestedTo(accountant)).toHaveLength(6);
    expect(names(await suggestedTo(accountant, "?limit=2"))).toEqual(["Finance lunch", "Budget circle"]);
  });

  it("refuses a limit above 20, naming it", async () => {
    const response = await accountant.inject({ method: "GET", url: "/api/v1/communities/suggested?limit=50" });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe("limit");
  });

  it("suggests nothing to a guest, who joins by invitation only", async () => {
    const guest = await signIn(t.app, t.db, (await buildUser(t.db, { role: "guest", department: "Finance" })).id);
    expect(await suggestedTo(guest)).toEqual([]);
  });

  it("is not taken for a community id", async () => {
    const response = await accountant.inject({ method: "GET", url: "/api/v1/communities/suggested" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toHaveProperty("items");
    expect(response.json()).not.toHaveProperty("error");
  });
});
