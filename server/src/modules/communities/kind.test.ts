import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import { buildUser, signIn, type Browser } from "../../../test/factories.ts";
import { createThrough } from "./testing.ts";

let t: TestContext;
let owner: Browser;
let admin: Browser;

beforeAll(async () => {
  t = await createTestContext({ work: false });
  owner = await signIn(t.app, t.db, (await buildUser(t.db)).id);
  admin = await signIn(t.app, t.db, (await buildUser(t.db, { role: "admin" })).id);
});
afterAll(() => t.close());

const patch = (browser: Browser, id: string, payload: Record<string, unknown>) =>
  browser.inject({ method: "PATCH", url: `/api/v1/communities/${id}`, payload });

async function kindOf(id: string): Promise<string> {
  return (await t.db.selectFrom("communities").select("kind").where("id", "=", id).executeTakeFirstOrThrow()).kind;
}

async function addMember(communityId: string, userId: string, role: "member" | "manager" = "member"): Promise<void> {
  await t.db.insertInto("community_members").values({ community_id: communityId, user_id: userId, role }).execute();
}

describe("changing a community's kind", () => {
  it("lets an owner turn an interest community into a profession one, with an event", async () => {
    const { id } = await createThrough(owner, { name: "Designers" });
    const response = await patch(owner, id, { kind: "profession" });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().kind).toBe("profession");
    const event = await t.db.selectFrom("events").select("payload").where("type", "=", "community.updated").where("subject_id", "=", id).executeTakeFirst();
    expect(event?.payload).toEqual({ fields: ["kind"] });
  });

  it("keeps external and company kinds for administrators, both ways", async () => {
    const { id } = await createThrough(owner, { name: "Partners" });
    const toExternal = await patch(owner, id, { kind: "external" });
    expect(toExternal.statusCode).toBe(403);
    expect(toExternal.json().error.code).toBe("community_kind_not_allowed");
    expect((await patch(owner, id, { kind: "company" })).json().error.code).toBe("community_kind_not_allowed");
    expect(await kindOf(id)).toBe("interest");

    expect((await patch(admin, id, { kind: "external" })).json().kind).toBe("external");
    const fromExternal = await patch(owner, id, { kind: "interest" });
    expect(fromExternal.statusCode).toBe(403);
    expect(fromExternal.json().error.code).toBe("community_kind_not_allowed");
    expect(await kindOf(id)).toBe("external");
  });

  it("refuses a manager who would take a community out of the company kind", async () => {
    const { id } = await createThrough(admin, { name: "Everyone", kind: "company" });
    const manager = await signIn(t.app, t.db, (await buildUser(t.db)).id);
    await addMember(id, manager.userId, "manager");
    const response = await patch(manager, id, { kind: "interest" });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe("community_kind_not_allowed");
    expect(await kindOf(id)).toBe("company");
  });

  it("keeps the organisation's only company community a company one, even for an administrator", async () => {
    const only = await t.db.selectFrom("communities").select("id").where("kind", "=", "company").where("created_by", "is", null).executeTakeFirstOrThrow();
    // Earlier tests made more company communities: leave the seeded one alone in its kind.
    await t.db.updateTable("communities").set({ kind: "interest" }).where("kind", "=", "company").where("id", "!=", only.id).execute();
    const response = await patch(admin, only.id, { kind: "interest" });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe("kind");
    expect(await kindOf(only.id)).toBe("company");
  });

  it("keeps a community with guests external, even for an administrator", async () => {
    const { id } = await createThrough(admin, { name: "Client portal", kind: "external" });
    await addMember(id, (await buildUser(t.db, { role: "guest" })).id);
    const response = await patch(admin, id, { kind: "project" });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe("community_has_guests");
    expect(await kindOf(id)).toBe("external");
  });

  it("lets an administrator take a community without guests out of the external kind", async () => {
    const { id } = await createThrough(admin, { name: "Vendor shortlist", kind: "external" });
    const response = await patch(admin, id, { kind: "interest" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ kind: "interest", external: false });
  });

  it("clears a project's dates when it becomes another kind", async () => {
    const { id } = await createThrough(owner, { name: "Relaunch", kind: "project", startsOn: "2030-01-06", endsOn: "2030-06-30" });
    const response = await patch(owner, id, { kind: "interest" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ kind: "interest", startsOn: null, endsOn: null });
  });

  it("refuses dates given along with a kind that is not project, naming the field", async () => {
    const { id } = await createThrough(owner, { name: "Rollout", kind: "project", endsOn: "2030-06-30" });
    const response = await patch(owner, id, { kind: "interest", endsOn: "2030-07-31" });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe("endsOn");
    expect(await kindOf(id)).toBe("project");
  });

  it("takes dates when a community becomes a project", async () => {
    const { id } = await createThrough(owner, { name: "Office move" });
    const response = await patch(owner, id, { kind: "project", startsOn: "2030-02-01", endsOn: "2030-03-31" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ kind: "project", startsOn: "2030-02-01", endsOn: "2030-03-31" });
  });

  it("keeps a company community public", async () => {
    const { id } = await createThrough(admin, { name: "Leadership", visibility: "closed" });
    const refused = await patch(admin, id, { kind: "company" });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0].field).toBe("visibility");
    expect(await kindOf(id)).toBe("interest");
    const accepted = await patch(admin, id, { kind: "company", visibility: "public" });
    expect(accepted.json()).toMatchObject({ kind: "company", visibility: "public" });
    const closing = await patch(admin, id, { visibility: "closed" });
    expect(closing.statusCode).toBe(400);
    expect(closing.json().error.details[0].field).toBe("visibility");
  });
});
