import type { Community } from "@ruche/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import { buildUser, signIn, type Browser } from "../../../test/factories.ts";
import { createThrough } from "./testing.ts";

let t: TestContext;
let owner: Browser;
let member: Browser;
let outsider: Browser;
let admin: Browser;

beforeAll(async () => {
  t = await createTestContext({ work: false });
  owner = await signIn(t.app, t.db, (await buildUser(t.db)).id);
  member = await signIn(t.app, t.db, (await buildUser(t.db)).id);
  outsider = await signIn(t.app, t.db, (await buildUser(t.db)).id);
  admin = await signIn(t.app, t.db, (await buildUser(t.db, { role: "admin" })).id);
});
afterAll(() => t.close());

const setCharter = (browser: Browser, id: string, payload: Record<string, unknown>) =>
  browser.inject({ method: "PUT", url: `/api/v1/communities/${id}/charter`, payload });
const removeCharter = (browser: Browser, id: string) => browser.inject({ method: "DELETE", url: `/api/v1/communities/${id}/charter` });
const accept = (browser: Browser, id: string, version: number) =>
  browser.inject({ method: "POST", url: `/api/v1/communities/${id}/charter/accept`, payload: { version } });
const post = (browser: Browser, id: string, action: string) => browser.inject({ method: "POST", url: `/api/v1/communities/${id}/${action}` });

async function communityAs(browser: Browser, id: string): Promise<Community> {
  const response = await browser.inject({ method: "GET", url: `/api/v1/communities/${id}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/** A public community owned by `owner` that `member` has joined. */
async function communityWithMember(name: string, body: Record<string, unknown> = {}): Promise<string> {
  const { id } = await createThrough(owner, { name, ...body });
  expect((await post(member, id, "join")).statusCode).toBe(200);
  return id;
}

async function versionsOf(id: string): Promise<number[]> {
  const rows = await t.db.selectFrom("community_charters").select("version").where("community_id", "=", id).orderBy("version").execute();
  return rows.map((row) => row.version);
}

describe("publishing a charter", () => {
  it("puts a trimmed first version in force, with an event", async () => {
    const id = await communityWithMember("Gardeners");
    const response = await setCharter(owner, id, { text: "  Be kind.\n", required: true });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().charter).toMatchObject({ version: 1, text: "Be kind.", required: true, acceptedAt: null });
    const event = await t.db.selectFrom("events").select(["actor_id", "payload"]).where("type", "=", "charter.published").where("subject_id", "=", id).executeTakeFirst();
    expect(event).toMatchObject({ actor_id: owner.userId, payload: { version: 1, required: true } });
  });

  it("adds a version for each change and none for a repeat of the text in force", async () => {
    const id = await communityWithMember("Cyclists");
    await setCharter(owner, id, { text: "Helmets on.", required: true });
    const repeated = await setCharter(owner, id, { text: "Helmets on.  ", required: true });
    expect(repeated.json().charter.version).toBe(1);
    expect((await setCharter(owner, id, { text: "Helmets on.", required: false })).json().charter.version).toBe(2);
    expect((await setCharter(owner, id, { text: "Helmets and lights on.", required: false })).json().charter).toMatchObject({ version: 3, text: "Helmets and lights on." });
    expect(await versionsOf(id)).toEqual([1, 2, 3]);
  });

  it("refuses a blank text, naming it", async () => {
    const { id } = await createThrough(owner, { name: "Blank page" });
    const response = await setCharter(owner, id, { text: " \n\t ", required: false });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe("text");
    expect(await versionsOf(id)).toEqual([]);
  });

  it("is refused to a plain member, and hidden from a non-member of a secret community", async () => {
    const id = await communityWithMember("Choir");
    expect((await setCharter(member, id, { text: "Sing.", required: false })).statusCode).toBe(403);
    const secret = await createThrough(owner, { name: "Cabal", visibility: "secret" });
    const hidden = await setCharter(outsider, secret.id, { text: "Hush.", required: false });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error.code).toBe("community_not_found");
    expect(await versionsOf(id)).toEqual([]);
  });

  it("lets an admin publish one in any community", async () => {
    const secret = await createThrough(owner, { name: "Vault", visibility: "secret" });
    expect((await setCharter(admin, secret.id, { text: "Audited.", required: false })).statusCode).toBe(200);
  });

  it("is refused while the community is archived", async () => {
    const { id } = await createThrough(owner, { name: "Closed season" });
    await post(owner, id, "archive");
    const response = await setCharter(owner, id, { text: "Too late.", required: false });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe("community_archived");
  });
});

describe("taking a charter out of force", () => {
  it("leaves no charter in force but keeps its versions and acceptances on record", async () => {
    const id = await communityWithMember("Runners");
    await setCharter(owner, id, { text: "Stretch first.", required: true });
    await accept(member, id, 1);
    const response = await removeCharter(owner, id);
    expect(response.statusCode).toBe(200);
    expect(response.json().charter).toBeNull();
    expect(await versionsOf(id)).toEqual([1]);
    const acceptances = await t.db.selectFrom("charter_acceptances").select("user_id").where("community_id", "=", id).execute();
    expect(acceptances).toEqual([{ user_id: member.userId }]);
    expect((await communityAs(member, id)).canPost).toBe(true);
  });

  it("changes nothing when there is no charter", async () => {
    const { id } = await createThrough(owner, { name: "Lawless" });
    const response = await removeCharter(owner, id);
    expect(response.statusCode).toBe(200);
    expect(response.json().charter).toBeNull();
    const events = await t.db.selectFrom("events").select("id").where("type", "=", "charter.withdrawn").where("subject_id", "=", id).execute();
    expect(events).toEqual([]);
  });

  it("is refused to a plain member", async () => {
    const id = await communityWithMember("Potters");
    await setCharter(owner, id, { text: "Clean the wheel.", required: false });
    expect((await removeCharter(member, id)).statusCode).toBe(403);
    expect((await communityAs(member, id)).charter?.version).toBe(1);
  });
});

describe("accepting a charter", () => {
  it("records the member's acceptance once, keeping the first date", async () => {
    const id = await communityWithMember("Readers");
    await setCharter(owner, id, { text: "No spoilers.", required: true });
    const first = await accept(member, id, 1);
    expect(first.statusCode).toBe(200);
    const acceptedAt = first.json().charter.acceptedAt;
    expect(acceptedAt).not.toBeNull();
    const again = await accept(member, id, 1);
    expect(again.statusCode).toBe(200);
    expect(again.json().charter.acceptedAt).toBe(acceptedAt);
    const events = await t.db.selectFrom("events").select("id").where("type", "=", "charter.accepted").where("subject_id", "=", id).execute();
    expect(events).toHaveLength(1);
  });

  it("refuses someone who sees the community but does not belong to it", async () => {
    const id = await communityWithMember("Bakers");
    await setCharter(owner, id, { text: "Share the bread.", required: true });
    const response = await accept(outsider, id, 1);
    expect(response.statusCode).toBe(403);
    const acceptances = await t.db.selectFrom("charter_acceptances").select("user_id").where("community_id", "=", id).execute();
    expect(acceptances).toEqual([]);
  });

  it("answers charter_not_found when there is none in force", async () => {
    const id = await communityWithMember("Anarchists");
    const response = await accept(member, id, 1);
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe("charter_not_found");
  });

  it("refuses a version that is no longer in force", async () => {
    const id = await communityWithMember("Lawyers");
    await setCharter(owner, id, { text: "First draft.", required: true });
    await setCharter(owner, id, { text: "Second draft.", required: true });
    const response = await accept(member, id, 1);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe("charter_version_stale");
    expect((await communityAs(member, id)).charter?.acceptedAt).toBeNull();
  });

  it("lets everyone accept the company community's charter, members by default", async () => {
    const company = await t.db.selectFrom("communities").select("id").where("kind", "=", "company").executeTakeFirstOrThrow();
    const published = await setCharter(admin, company.id, { text: "Our code of conduct.", required: true });
    const { version } = published.json().charter;
    expect((await communityAs(outsider, company.id)).canPost).toBe(false);
    const response = await accept(outsider, company.id, version);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ canPost: true, charter: { version } });
    await removeCharter(admin, company.id);
  });

  it("answers 404 for a secret community the viewer cannot see", async () => {
    const secret = await createThrough(owner, { name: "Conclave", visibility: "secret" });
    await setCharter(owner, secret.id, { text: "Silence.", required: true });
    const response = await accept(outsider, secret.id, 1);
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe("community_not_found");
  });
});

describe("posting rights", () => {
  it("hold back members until they accept each new required version", async () => {
    const id = await communityWithMember("Climbers");
    expect((await communityAs(member, id)).canPost).toBe(true);
    await setCharter(owner, id, { text: "Check your knots.", required: true });
    expect((await communityAs(member, id)).canPost).toBe(false);
    expect((await accept(member, id, 1)).json().canPost).toBe(true);
    await setCharter(owner, id, { text: "Check your knots twice.", required: true });
    const afterChange = await communityAs(member, id);
    expect(afterChange).toMatchObject({ canPost: false, charter: { version: 2, acceptedAt: null } });
    expect((await accept(member, id, 2)).json().canPost).toBe(true);
  });

  it("are not held back by a charter that need not be accepted", async () => {
    const id = await communityWithMember("Walkers");
    await setCharter(owner, id, { text: "Leave no trace.", required: false });
    expect(await communityAs(member, id)).toMatchObject({ canPost: true, charter: { required: false, acceptedAt: null } });
  });

  it("belong only to owners and managers when only managers post", async () => {
    const id = await communityWithMember("Announcements", { postingPolicy: "managers" });
    expect(await communityAs(member, id)).toMatchObject({ myRole: "member", canPost: false });
    expect((await communityAs(owner, id)).canPost).toBe(true);
    await t.db.updateTable("community_members").set({ role: "manager" }).where("community_id", "=", id).where("user_id", "=", member.userId).execute();
    expect(await communityAs(member, id)).toMatchObject({ myRole: "manager", canPost: true });
  });
});
