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

function update(browser: Browser, payload: object) {
  return browser.inject({ method: "PATCH", url: "/api/v1/organisation", payload });
}

async function storedOrganisation() {
  return t.db.selectFrom("organisation").selectAll().executeTakeFirstOrThrow();
}

describe("reading the organisation", () => {
  it("is public: the sign-in page shows its name, language and logo", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/v1/organisation" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      name: "Ruche",
      defaultLanguage: "fr",
      defaultTimezone: "Europe/Paris",
      logoUrl: null,
      allowedSignupDomains: [],
      membersCanInvite: false,
    });
  });

  it("shows the sign-up domains to admins only", async () => {
    await t.db.updateTable("organisation").set({ allowed_signup_domains: ["exemple.fr"] }).execute();
    const read = async (browser?: Browser) =>
      (await (browser ?? t.app).inject({ method: "GET", url: "/api/v1/organisation" })).json().allowedSignupDomains;
    expect(await read()).toEqual([]);
    expect(await read(member)).toEqual([]);
    expect(await read(admin)).toEqual(["exemple.fr"]);
  });
});

describe("changing the organisation's settings", () => {
  it("round-trips every setting", async () => {
    const response = await update(admin, {
      name: "Coopérative des Abeilles",
      defaultLanguage: "en",
      defaultTimezone: "America/Toronto",
      allowedSignupDomains: ["abeilles.coop", "ruche.example"],
      membersCanInvite: true,
    });
    expect(response.statusCode).toBe(200);
    const read = (await admin.inject({ method: "GET", url: "/api/v1/organisation" })).json();
    expect(read).toEqual(response.json());
    expect(read).toMatchObject({
      name: "Coopérative des Abeilles",
      defaultLanguage: "en",
      defaultTimezone: "America/Toronto",
      allowedSignupDomains: ["abeilles.coop", "ruche.example"],
      membersCanInvite: true,
    });
  });

  it("lower-cases the sign-up domains and keeps each once", async () => {
    const response = await update(admin, { allowedSignupDomains: ["Exemple.FR", "exemple.fr", "Filiale.Exemple.fr"] });
    expect(response.json().allowedSignupDomains).toEqual(["exemple.fr", "filiale.exemple.fr"]);
  });

  it("refuses an unknown time zone, naming defaultTimezone, and writes nothing", async () => {
    const before = await storedOrganisation();
    const response = await update(admin, { name: "Autre nom", defaultTimezone: "Europe/Lutece" });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: "validation_failed", details: [{ field: "defaultTimezone" }] });
    const after = await storedOrganisation();
    expect(after).toMatchObject({ name: before.name, default_timezone: before.default_timezone });
  });

  it("refuses something that is not a domain, naming it", async () => {
    const response = await update(admin, { allowedSignupDomains: ["exemple.fr", "not a domain"] });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe("allowedSignupDomains.1");
  });

  it("refuses a blank name or one with control characters", async () => {
    for (const name of ["   ", "Ruche\u0000", "Ru\nche"]) {
      const response = await update(admin, { name });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details[0].field).toBe("name");
    }
  });

  it("records the change for others to react to", async () => {
    await update(admin, { membersCanInvite: false });
    const events = await t.db.selectFrom("events").selectAll().where("type", "=", "organisation.updated").execute();
    expect(events.at(-1)).toMatchObject({ actor_id: admin.userId, payload: { fields: ["membersCanInvite"] } });
  });

  it("is for admins only", async () => {
    const before = await storedOrganisation();
    const byMember = await update(member, { name: "Pirates" });
    expect(byMember.statusCode).toBe(403);
    expect(byMember.json().error.code).toBe("forbidden");
    const anonymous = await t.app.inject({ method: "PATCH", url: "/api/v1/organisation", payload: { name: "Pirates" } });
    expect(anonymous.statusCode).toBe(401);
    expect((await storedOrganisation()).name).toBe(before.name);
  });
});
