import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import { buildUser, signIn, type Browser } from "../../../test/factories.ts";

let t: TestContext;
let admin: Browser;
let member: Browser;

beforeAll(async () => {
  t = await createTestContext({ work: false });
  admin = await signIn(t.app, t.db, (await buildUser(t.db, { role: "admin" })).id);
  member = await signIn(t.app, t.db, (await buildUser(t.db)).id);
});
afterAll(() => t.close());

async function storedUser(id: string) {
  return t.db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

async function eventsAbout(id: string, type: string) {
  return t.db.selectFrom("events").selectAll().where("subject_id", "=", id).where("type", "=", type).execute();
}

describe("who may manage people", () => {
  it("refuses every admin action to a member, changing nothing", async () => {
    const target = await buildUser(t.db, { department: "Ventes" });
    const attempts = [
      { method: "PATCH" as const, url: `/api/v1/people/${target.id}`, payload: { department: "Achats" } },
      { method: "PUT" as const, url: `/api/v1/people/${target.id}/role`, payload: { role: "admin" } },
      { method: "POST" as const, url: `/api/v1/people/${target.id}/deactivate` },
      { method: "POST" as const, url: `/api/v1/people/${target.id}/reactivate` },
    ];
    for (const attempt of attempts) {
      const response = await member.inject(attempt);
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe("forbidden");
    }
    expect(await storedUser(target.id)).toMatchObject({ department: "Ventes", role: "member", status: "active" });
  });

  it("refuses an anonymous visitor", async () => {
    const target = await buildUser(t.db);
    const response = await t.app.inject({ method: "POST", url: `/api/v1/people/${target.id}/deactivate` });
    expect(response.statusCode).toBe(401);
  });
});

describe("editing someone's profile", () => {
  it("lets an admin provision a person's manager and department", async () => {
    const boss = await buildUser(t.db, { display_name: "Bérénice Boss" });
    const target = await buildUser(t.db);
    const response = await admin.inject({ method: "PATCH", url: `/api/v1/people/${target.id}`, payload: { department: "Logistique", managerId: boss.id } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: target.id, department: "Logistique", manager: { id: boss.id } });
    expect(response.json()).not.toHaveProperty("email");
  });

  it("applies the same rules as one's own profile", async () => {
    const target = await buildUser(t.db);
    const cycle = await admin.inject({ method: "PATCH", url: `/api/v1/people/${target.id}`, payload: { managerId: target.id } });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().error).toMatchObject({ code: "manager_cycle", details: [{ field: "managerId" }] });
    const zone = await admin.inject({ method: "PATCH", url: `/api/v1/people/${target.id}`, payload: { timezone: "Mars/Olympus" } });
    expect(zone.json().error.details[0].field).toBe("timezone");
  });

  it("answers 404 for an unknown person", async () => {
    const response = await admin.inject({ method: "PATCH", url: "/api/v1/people/0190f5c2-0000-7000-8000-000000000000", payload: { department: "X" } });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe("user_not_found");
  });
});

describe("changing a role", () => {
  it("promotes a member and records the change", async () => {
    const target = await buildUser(t.db);
    const response = await admin.inject({ method: "PUT", url: `/api/v1/people/${target.id}/role`, payload: { role: "admin" } });
    expect(response.statusCode).toBe(200);
    expect(response.json().role).toBe("admin");
    const [event] = await eventsAbout(target.id, "user.role_changed");
    expect(event).toMatchObject({ actor_id: admin.userId, payload: { from: "member", to: "admin" } });
  });

  it("gives the new role from the person's next request", async () => {
    const target = await buildUser(t.db);
    const browser = await signIn(t.app, t.db, target.id);
    expect((await browser.inject({ method: "POST", url: `/api/v1/people/${member.userId}/reactivate` })).statusCode).toBe(403);
    await admin.inject({ method: "PUT", url: `/api/v1/people/${target.id}/role`, payload: { role: "admin" } });
    expect((await browser.inject({ method: "POST", url: `/api/v1/people/${member.userId}/reactivate` })).statusCode).toBe(200);
  });

  it("records nothing when the role does not change", async () => {
    const target = await buildUser(t.db);
    await admin.inject({ method: "PUT", url: `/api/v1/people/${target.id}/role`, payload: { role: "member" } });
    expect(await eventsAbout(target.id, "user.role_changed")).toEqual([]);
  });

  it("refuses a role that does not exist", async () => {
    const target = await buildUser(t.db);
    const response = await admin.inject({ method: "PUT", url: `/api/v1/people/${target.id}/role`, payload: { role: "owner" } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe("role");
  });
});

describe("deactivating and reactivating", () => {
  it("signs the person out everywhere: their cookie then gets 401", async () => {
    const target = await buildUser(t.db);
    const laptop = await signIn(t.app, t.db, target.id);
    const phone = await signIn(t.app, t.db, target.id);
    expect((await laptop.inject({ method: "GET", url: "/api/v1/me" })).statusCode).toBe(200);
    const response = await admin.inject({ method: "POST", url: `/api/v1/people/${target.id}/deactivate` });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: target.id, active: false });
    for (const browser of [laptop, phone]) expect((await browser.inject({ method: "GET", url: "/api/v1/me" })).statusCode).toBe(401);
    const sessions = await t.db.selectFrom("sessions").select("id_hash").where("user_id", "=", target.id).execute();
    expect(sessions).toEqual([]);
  });

  it("records the deactivation and when it happened", async () => {
    const target = await buildUser(t.db);
    await admin.inject({ method: "POST", url: `/api/v1/people/${target.id}/deactivate` });
    const user = await storedUser(target.id);
    expect(user.status).toBe("deactivated");
    expect(user.deactivated_at).toBeInstanceOf(Date);
    expect(await eventsAbout(target.id, "user.deactivated")).toHaveLength(1);
  });

  it("hides a deactivated person from members", async () => {
    const target = await buildUser(t.db);
    await admin.inject({ method: "POST", url: `/api/v1/people/${target.id}/deactivate` });
    expect((await member.inject({ method: "GET", url: `/api/v1/people/${target.id}` })).statusCode).toBe(404);
  });

  it("lets a reactivated person sign in again", async () => {
    const target = await buildUser(t.db);
    await admin.inject({ method: "POST", url: `/api/v1/people/${target.id}/deactivate` });
    const response = await admin.inject({ method: "POST", url: `/api/v1/people/${target.id}/reactivate` });
    expect(response.statusCode).toBe(200);
    expect(response.json().active).toBe(true);
    expect((await storedUser(target.id)).deactivated_at).toBeNull();
    const browser = await signIn(t.app, t.db, target.id);
    expect((await browser.inject({ method: "GET", url: "/api/v1/me" })).statusCode).toBe(200);
    expect(await eventsAbout(target.id, "user.reactivated")).toHaveLength(1);
  });

  it("answers 404 for an unknown person", async () => {
    const response = await admin.inject({ method: "POST", url: "/api/v1/people/0190f5c2-0000-7000-8000-000000000000/deactivate" });
    expect(response.statusCode).toBe(404);
  });
});
