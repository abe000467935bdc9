import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import { buildUser, signIn, type Browser } from "../../../test/factories.ts";
import { createThrough, listedIds } from "./testing.ts";

let t: TestContext;
let owner: Browser;
let other: Browser;
let admin: Browser;

beforeAll(async () => {
  t = await createTestContext({ work: false });
  owner = await signIn(t.app, t.db, (await buildUser(t.db)).id);
  other = await signIn(t.app, t.db, (await buildUser(t.db)).id);
  admin = await signIn(t.app, t.db, (await buildUser(t.db, { role: "admin" })).id);
});
afterAll(() => t.close());

const patch = (browser: Browser, id: string, payload: Record<string, unknown>) =>
  browser.inject({ method: "PATCH", url: `/api/v1/communities/${id}`, payload });
const post = (browser: Browser, id: string, action: string) => browser.inject({ method: "POST", url: `/api/v1/communities/${id}/${action}` });

describe("editing settings", () => {
  it("lets the owner rename and close a community", async () => {
    const { id } = await createThrough(owner, { name: "Draft" });
    const response = await patch(owner, id, { name: "Final", visibility: "closed", postingPolicy: "managers", description: null });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ name: "Final", visibility: "closed", postingPolicy: "managers", description: null });
  });

  it("refuses a plain member, changing nothing", async () => {
    const { id } = await createThrough(owner, { name: "Mine" });
    await post(other, id, "join");
    const response = await patch(other, id, { name: "Theirs" });
    expect(response.statusCode).toBe(403);
    expect((await t.db.selectFrom("communities").select("name").where("id", "=", id).executeTakeFirstOrThrow()).name).toBe("Mine");
  });

  it("lets an admin edit any community", async () => {
    const { id } = await createThrough(owner, { name: "Hidden", visibility: "secret" });
    expect((await patch(admin, id, { description: "Checked" })).statusCode).toBe(200);
  });

  it("refuses an empty name, naming it", async () => {
    const { id } = await createThrough(owner, { name: "Named" });
    const response = await patch(owner, id, { name: "" });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe("name");
  });
});

describe("archiving", () => {
  it("makes a community read-only until it is unarchived", async () => {
    const { id } = await createThrough(owner, { name: "Season 1" });
    const archived = await post(owner, id, "archive");
    expect(archived.json().archivedAt).not.toBeNull();
    const refused = await patch(owner, id, { name: "Season 2" });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("community_archived");
    expect((await owner.inject({ method: "GET", url: `/api/v1/communities/${id}` })).statusCode).toBe(200);
    expect((await post(owner, id, "unarchive")).json().archivedAt).toBeNull();
    expect((await patch(owner, id, { name: "Season 2" })).statusCode).toBe(200);
  });

  it("is refused to someone who does not manage it", async () => {
    const { id } = await createThrough(owner, { name: "Keep" });
    expect((await post(other, id, "archive")).statusCode).toBe(403);
  });
});

describe("deleting and restoring", () => {
  it("hides a deleted community from members, as if it never existed", async () => {
    const { id } = await createThrough(owner, { name: "Doomed" });
    expect((await owner.inject({ method: "DELETE", url: `/api/v1/communities/${id}` })).statusCode).toBe(204);
    expect((await owner.inject({ method: "GET", url: `/api/v1/communities/${id}` })).json().error.code).toBe("community_not_found");
    expect(await listedIds(owner)).not.toContain(id);
    expect(await listedIds(admin, "&deleted=true")).toContain(id);
  });

  it("refuses deletion to a member who does not own it", async () => {
    const { id } = await createThrough(owner, { name: "Sturdy" });
    await post(other, id, "join");
    expect((await other.inject({ method: "DELETE", url: `/api/v1/communities/${id}` })).statusCode).toBe(403);
  });

  it("lets an admin restore it within 30 days", async () => {
    const { id } = await createThrough(owner, { name: "Phoenix" });
    await owner.inject({ method: "DELETE", url: `/api/v1/communities/${id}` });
    expect((await post(owner, id, "restore")).statusCode).toBe(404);
    const restored = await post(admin, id, "restore");
    expect(restored.statusCode).toBe(200);
    expect(restored.json().deletedAt).toBeNull();
    expect(await listedIds(owner)).toContain(id);
  });

  it("refuses a restore after 30 days", async () => {
    const { id } = await createThrough(owner, { name: "Dust" });
    await t.db.updateTable("communities").set({ deleted_at: new Date(Date.now() - 31 * 24 * 3600 * 1000) }).where("id", "=", id).execute();
    const response = await post(admin, id, "restore");
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe("community_restore_expired");
  });

  it("never deletes the company community", async () => {
    const company = await t.db.selectFrom("communities").select("id").where("kind", "=", "company").executeTakeFirstOrThrow();
    expect((await admin.inject({ method: "DELETE", url: `/api/v1/communities/${company.id}` })).statusCode).toBe(403);
  });
});
