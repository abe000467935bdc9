import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import { buildUser, signIn, type Browser } from "../../../test/factories.ts";

let t: TestContext;
let member: Browser;
let admin: Browser;

beforeAll(async () => {
  t = await createTestContext({ work: false });
  member = await signIn(t.app, t.db, (await buildUser(t.db)).id);
  admin = await signIn(t.app, t.db, (await buildUser(t.db, { role: "admin" })).id);
});
afterAll(() => t.close());

const deactivated = { status: "deactivated" as const, deactivated_at: new Date() };

function profileOf(browser: Browser, id: string) {
  return browser.inject({ method: "GET", url: `/api/v1/people/${id}` });
}

describe("a person's profile", () => {
  it("shows their manager and their active direct reports, in name order", async () => {
    const director = await buildUser(t.db, { display_name: "Diane Directrice", job_title: "Directrice" });
    const lead = await buildUser(t.db, { display_name: "Louis Lead", manager_id: director.id, skills: ["kotlin"], bio: "Hello" });
    await buildUser(t.db, { display_name: "Zoé Report", manager_id: lead.id });
    await buildUser(t.db, { display_name: "Ambre Report", manager_id: lead.id });
    await buildUser(t.db, { display_name: "Parti Report", manager_id: lead.id, ...deactivated });
    const response = await profileOf(member, lead.id);
    expect(response.statusCode).toBe(200);
    const person = response.json();
    expect(person).toMatchObject({ id: lead.id, displayName: "Louis Lead", skills: ["kotlin"], bio: "Hello", active: true });
    expect(person.manager).toMatchObject({ id: director.id, displayName: "Diane Directrice", jobTitle: "Directrice" });
    expect(person.directReports.map((report: { displayName: string }) => report.displayName)).toEqual(["Ambre Report", "Zoé Report"]);
    expect(person).not.toHaveProperty("email");
  });

  it("leaves out a manager who has been deactivated", async () => {
    const formerManager = await buildUser(t.db, deactivated);
    const person = await buildUser(t.db, { manager_id: formerManager.id });
    expect((await profileOf(member, person.id)).json().manager).toBeNull();
  });

  it("shows the org chart on one's own profile too", async () => {
    const manager = await buildUser(t.db, { display_name: "Manon Manager" });
    const me = await buildUser(t.db, { manager_id: manager.id });
    const report = await buildUser(t.db, { manager_id: me.id });
    const browser = await signIn(t.app, t.db, me.id);
    const profile = (await browser.inject({ method: "GET", url: "/api/v1/me" })).json();
    expect(profile.manager.id).toBe(manager.id);
    expect(profile.directReports.map((r: { id: string }) => r.id)).toEqual([report.id]);
    expect(profile.email).toBe(me.email);
  });

  it("answers an unknown person and a deactivated one with the same 404", async () => {
    const gone = await buildUser(t.db, deactivated);
    const unknown = await profileOf(member, "0190f5c2-0000-7000-8000-000000000000");
    const hidden = await profileOf(member, gone.id);
    expect(unknown.statusCode).toBe(404);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json()).toEqual(unknown.json());
    expect(unknown.json().error.code).toBe("user_not_found");
  });

  it("shows a deactivated person to an admin", async () => {
    const gone = await buildUser(t.db, deactivated);
    const response = await profileOf(admin, gone.id);
    expect(response.statusCode).toBe(200);
    expect(response.json().active).toBe(false);
  });

  it("refuses an id that is not a UUID", async () => {
    const response = await profileOf(member, "not-a-uuid");
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe("id");
  });
});
