import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import { sessionCookieFrom } from "../../../test/factories.ts";
import { codeOf, countRows, fieldsOf, freshAddress, oversizedText, postRaw } from "./test-helpers.ts";

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ work: false });
});
afterAll(() => t.close());

// Each test starts from a database that has never been set up.
beforeEach(async () => {
  await t.db.deleteFrom("users").execute();
  await t.db.updateTable("organisation").set({ name: "Ruche", default_language: "fr", default_timezone: "Europe/Paris" }).execute();
});

function setupBody(overrides: Record<string, unknown> = {}, admin: Record<string, unknown> = {}) {
  return {
    organisationName: "Acme",
    defaultLanguage: "en",
    defaultTimezone: "America/New_York",
    admin: { email: "Founder@Acme.example", displayName: "Ada Founder", password: "a long enough passphrase", ...admin },
    ...overrides,
  };
}

function postSetup(payload: unknown, remoteAddress = freshAddress()) {
  return t.app.inject({ method: "POST", url: "/api/v1/setup", payload: payload as object, remoteAddress });
}

async function expectNothingWritten(): Promise<void> {
  expect(await countRows(t.db, "users")).toBe(0);
  expect(await countRows(t.db, "sessions")).toBe(0);
  const organisation = await t.db.selectFrom("organisation").selectAll().executeTakeFirstOrThrow();
  expect(organisation.name).toBe("Ruche");
}

describe("first-run setup", () => {
  it("reports that setup is needed while no administrator exists", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/v1/setup" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ needed: true });
  });

  it("names the organisation, creates the administrator and signs them in", async () => {
    const response = await postSetup(setupBody());
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body.user).toMatchObject({ email: "founder@acme.example", displayName: "Ada Founder", role: "admin", emailVerified: true });
    expect(body.csrfToken).toEqual(expect.any(String));
    const organisation = await t.db.selectFrom("organisation").selectAll().executeTakeFirstOrThrow();
    expect(organisation).toMatchObject({ name: "Acme", default_language: "en", default_timezone: "America/New_York" });

    const cookie = sessionCookieFrom(response.headers["set-cookie"]);
    expect(cookie).toBeDefined();
    const session = await t.app.inject({ method: "GET", url: "/api/v1/auth/session", headers: { cookie: cookie ?? "" } });
    expect(session.statusCode).toBe(200);
    expect(session.json().user.id).toBe(body.user.id);
    expect(session.json().csrfToken).toBe(body.csrfToken);
  });

  it("accepts UTC as a time zone", async () => {
    const response = await postSetup(setupBody({ defaultTimezone: "UTC" }));
    expect(response.statusCode).toBe(201);
  });

  it("reports that setup is no longer needed once done", async () => {
    expect((await postSetup(setupBody())).statusCode).toBe(201);
    const response = await t.app.inject({ method: "GET", url: "/api/v1/setup" });
    expect(response.json()).toEqual({ needed: false });
  });

  it("works once, then refuses with 409 and changes nothing", async () => {
    expect((await postSetup(setupBody())).statusCode).toBe(201);
    const again = await postSetup(setupBody({ organisationName: "Hijacked" }, { email: "intruder@evil.example" }));
    expect(again.statusCode).toBe(409);
    expect(codeOf(again)).toBe("setup_already_done");
    expect(sessionCookieFrom(again.headers["set-cookie"])).toBeUndefined();
    expect(await countRows(t.db, "users")).toBe(1);
    const organisation = await t.db.selectFrom("organisation").select("name").executeTakeFirstOrThrow();
    expect(organisation.name).toBe("Acme");
  });

  it("lets exactly one of several concurrent setups win", async () => {
    const attempts = await Promise.all(
      ["one", "two", "three"].map((who) => postSetup(setupBody({ organisationName: who }, { email: `${who}@acme.example` }))),
    );
    const statuses = attempts.map((response) => response.statusCode).sort();
    expect(statuses).toEqual([201, 409, 409]);
    const admins = await t.db.selectFrom("users").select("email").where("role", "=", "admin").execute();
    expect(admins).toHaveLength(1);
    const winner = attempts.find((response) => response.statusCode === 201);
    expect(admins[0]?.email).toBe(winner?.json().user.email);
  });

  it("is open again when the only administrator has been deactivated", async () => {
    expect((await postSetup(setupBody())).statusCode).toBe(201);
    await t.db.updateTable("users").set({ status: "deactivated" }).execute();
    const response = await t.app.inject({ method: "GET", url: "/api/v1/setup" });
    expect(response.json()).toEqual({ needed: true });
  });

  it("limits setup attempts to 10 an hour from one address", async () => {
    const address = freshAddress();
    expect((await postSetup(setupBody(), address)).statusCode).toBe(201);
    for (let attempt = 2; attempt <= 10; attempt += 1) {
      expect((await postSetup(setupBody(), address)).statusCode).toBe(409);
    }
    const limited = await postSetup(setupBody(), address);
    expect(limited.statusCode).toBe(429);
    expect(codeOf(limited)).toBe("rate_limited");
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
  });
});

describe("first-run setup refuses bad input and writes nothing", () => {
  it("refuses an unknown time zone, naming defaultTimezone", async () => {
    const response = await postSetup(setupBody({ defaultTimezone: "Mars/Olympus_Mons" }));
    expect(response.statusCode).toBe(400);
    expect(codeOf(response)).toBe("validation_failed");
    expect(fieldsOf(response)).toEqual(["defaultTimezone"]);
    await expectNothingWritten();
  });

  it("refuses a short administrator password, naming admin.password", async () => {
    const response = await postSetup(setupBody({}, { password: "short" }));
    expect(response.statusCode).toBe(400);
    expect(codeOf(response)).toBe("password_too_short");
    expect(fieldsOf(response)).toEqual(["admin.password"]);
    await expectNothingWritten();
  });

  it("refuses a common administrator password, naming admin.password", async () => {
    const response = await postSetup(setupBody({}, { password: "password123" }));
    expect(response.statusCode).toBe(400);
    expect(codeOf(response)).toBe("password_too_common");
    expect(fieldsOf(response)).toEqual(["admin.password"]);
    await expectNothingWritten();
  });

  it("refuses an invalid administrator email, naming admin.email", async () => {
    const response = await postSetup(setupBody({}, { email: "not-an-email" }));
    expect(response.statusCode).toBe(400);
    expect(codeOf(response)).toBe("validation_failed");
    expect(fieldsOf(response)).toContain("admin.email");
    await expectNothingWritten();
  });

  it("refuses a blank organisation name, naming organisationName", async () => {
    const response = await postSetup(setupBody({ organisationName: "   " }));
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response)).toEqual(["organisationName"]);
    await expectNothingWritten();
  });

  it("refuses a blank administrator name, naming admin.displayName", async () => {
    const response = await postSetup(setupBody({}, { displayName: "  " }));
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response)).toEqual(["admin.displayName"]);
    await expectNothingWritten();
  });

  it("refuses wrong types, naming each field", async () => {
    const response = await postSetup(setupBody({ organisationName: 42, defaultLanguage: "de" }));
    expect(response.statusCode).toBe(400);
    expect(codeOf(response)).toBe("validation_failed");
    expect(fieldsOf(response)).toEqual(expect.arrayContaining(["organisationName", "defaultLanguage"]));
    await expectNothingWritten();
  });

  it("refuses unknown fields, at the top and inside admin", async () => {
    const response = await postSetup(setupBody({ plan: "enterprise" }, { role: "superuser" }));
    expect(response.statusCode).toBe(400);
    expect(codeOf(response)).toBe("validation_failed");
    expect(fieldsOf(response)).toEqual(expect.arrayContaining(["plan", "admin.role"]));
    await expectNothingWritten();
  });

  it("refuses a missing administrator, naming admin", async () => {
    const { admin: _admin, ...withoutAdmin } = setupBody();
    const response = await postSetup(withoutAdmin);
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response)).toEqual(["admin"]);
    await expectNothingWritten();
  });

  it("refuses malformed JSON", async () => {
    const response = await postRaw(t.app, { url: "/api/v1/setup", payload: '{"organisationName": "Acme",' });
    expect(response.statusCode).toBe(400);
    expect(codeOf(response)).toBe("invalid_json");
    await expectNothingWritten();
  });

  it("refuses a body over 1 MiB", async () => {
    const response = await postRaw(t.app, { url: "/api/v1/setup", payload: JSON.stringify(setupBody({ organisationName: oversizedText })) });
    expect(response.statusCode).toBe(413);
    expect(codeOf(response)).toBe("body_too_large");
    await expectNothingWritten();
  });
});
