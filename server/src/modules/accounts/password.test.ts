import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import { buildUser, DEFAULT_PASSWORD, sessionCookieFrom, signIn, type Browser } from "../../../test/factories.ts";
import { codeOf, fieldsOf, freshAddress, oversizedText } from "./test-helpers.ts";

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ work: false });
});
afterAll(() => t.close());

const NEW_PASSWORD = "an entirely new passphrase";

function changePassword(browser: Browser, payload: unknown) {
  return browser.inject({ method: "POST", url: "/api/v1/auth/password", payload: payload as object, remoteAddress: freshAddress() });
}

function logIn(email: string, password: string) {
  return t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email, password }, remoteAddress: freshAddress() });
}

function getSession(headers: Record<string, string>) {
  return t.app.inject({ method: "GET", url: "/api/v1/auth/session", headers });
}

async function passwordHashOf(userId: string): Promise<string | null> {
  const row = await t.db.selectFrom("users").select("password_hash").where("id", "=", userId).executeTakeFirstOrThrow();
  return row.password_hash;
}

async function sessionCount(userId: string): Promise<number> {
  return (await t.db.selectFrom("sessions").select("id_hash").where("user_id", "=", userId).execute()).length;
}

describe("changing one's password", () => {
  it("replaces the password: the new one signs in, the old one no longer does", async () => {
    const user = await buildUser(t.db);
    const browser = await signIn(t.app, t.db, user.id);
    const response = await changePassword(browser, { currentPassword: DEFAULT_PASSWORD, newPassword: NEW_PASSWORD });
    expect(response.statusCode).toBe(200);
    expect((await logIn(user.email, NEW_PASSWORD)).statusCode).toBe(200);
    expect(codeOf(await logIn(user.email, DEFAULT_PASSWORD))).toBe("invalid_credentials");
  });

  it("ends every session, this one too, and hands this browser a fresh one", async () => {
    const user = await buildUser(t.db);
    const browser = await signIn(t.app, t.db, user.id);
    const elsewhere = await signIn(t.app, t.db, user.id);
    const response = await changePassword(browser, { currentPassword: DEFAULT_PASSWORD, newPassword: NEW_PASSWORD });

    expect((await getSession({ cookie: browser.cookie })).statusCode).toBe(401);
    expect((await getSession({ cookie: elsewhere.cookie })).statusCode).toBe(401);
    const fresh = sessionCookieFrom(response.headers["set-cookie"]);
    expect(fresh).toBeDefined();
    expect(fresh).not.toBe(browser.cookie);
    const current = await getSession({ cookie: fresh ?? "" });
    expect(current.statusCode).toBe(200);
    expect(current.json().csrfToken).toBe(response.json().csrfToken);
    expect(response.json().csrfToken).not.toBe(browser.csrfToken);
    expect(await sessionCount(user.id)).toBe(1);
  });

  it("records a user.password_changed event", async () => {
    const user = await buildUser(t.db);
    const browser = await signIn(t.app, t.db, user.id);
    await changePassword(browser, { currentPassword: DEFAULT_PASSWORD, newPassword: NEW_PASSWORD });
    const events = await t.db.selectFrom("events").select(["actor_id", "subject_id"]).where("type", "=", "user.password_changed").where("subject_id", "=", user.id).execute();
    expect(events).toEqual([{ actor_id: user.id, subject_id: user.id }]);
  });

  it("lets a token caller change it too, ending the sessions but setting no cookie", async () => {
    const user = await buildUser(t.db);
    const browser = await signIn(t.app, t.db, user.id);
    const { secret } = (await browser.inject({ method: "POST", url: "/api/v1/me/tokens", payload: { name: "cli" } })).json();
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/password",
      payload: { currentPassword: DEFAULT_PASSWORD, newPassword: NEW_PASSWORD },
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ user: { id: user.id }, csrfToken: "" });
    expect(response.headers["set-cookie"]).toBeUndefined();
    expect(await sessionCount(user.id)).toBe(0);
    expect((await getSession({ authorization: `Bearer ${secret}` })).statusCode).toBe(200);
  });

  it("requires being signed in", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/password",
      payload: { currentPassword: DEFAULT_PASSWORD, newPassword: NEW_PASSWORD },
    });
    expect(response.statusCode).toBe(401);
    expect(codeOf(response)).toBe("authentication_required");
  });
});

describe("changing one's password refuses bad input and changes nothing", () => {
  async function expectUnchanged(action: (browser: Browser) => Promise<void>): Promise<void> {
    const user = await buildUser(t.db);
    const browser = await signIn(t.app, t.db, user.id);
    const hash = await passwordHashOf(user.id);
    await action(browser);
    expect(await passwordHashOf(user.id)).toBe(hash);
    expect((await getSession({ cookie: browser.cookie })).statusCode).toBe(200);
    const events = await t.db.selectFrom("events").select("id").where("type", "=", "user.password_changed").where("subject_id", "=", user.id).execute();
    expect(events).toEqual([]);
  }

  it("refuses a wrong current password, naming currentPassword", async () => {
    await expectUnchanged(async (browser) => {
      const response = await changePassword(browser, { currentPassword: "not my password", newPassword: NEW_PASSWORD });
      expect(response.statusCode).toBe(400);
      expect(codeOf(response)).toBe("password_incorrect");
      expect(fieldsOf(response)).toEqual(["currentPassword"]);
    });
  });

  it("refuses a short new password, naming newPassword", async () => {
    await expectUnchanged(async (browser) => {
      const response = await changePassword(browser, { currentPassword: DEFAULT_PASSWORD, newPassword: "too short" });
      expect(response.statusCode).toBe(400);
      expect(codeOf(response)).toBe("password_too_short");
      expect(fieldsOf(response)).toEqual(["newPassword"]);
    });
  });

  it("refuses a common new password, naming newPassword", async () => {
    await expectUnchanged(async (browser) => {
      const response = await changePassword(browser, { currentPassword: DEFAULT_PASSWORD, newPassword: "password123" });
      expect(response.statusCode).toBe(400);
      expect(codeOf(response)).toBe("password_too_common");
      expect(fieldsOf(response)).toEqual(["newPassword"]);
    });
  });

  it("refuses wrong types, naming the field", async () => {
    await expectUnchanged(async (browser) => {
      const response = await changePassword(browser, { currentPassword: DEFAULT_PASSWORD, newPassword: ["a", "b"] });
      expect(response.statusCode).toBe(400);
      expect(codeOf(response)).toBe("validation_failed");
      expect(fieldsOf(response)).toEqual(["newPassword"]);
    });
  });

  it("refuses unknown fields, naming them", async () => {
    await expectUnchanged(async (browser) => {
      const response = await changePassword(browser, { currentPassword: DEFAULT_PASSWORD, newPassword: NEW_PASSWORD, keepSessions: true });
      expect(response.statusCode).toBe(400);
      expect(fieldsOf(response)).toEqual(["keepSessions"]);
    });
  });

  it("refuses malformed JSON", async () => {
    await expectUnchanged(async (browser) => {
      const response = await browser.inject({
        method: "POST",
        url: "/api/v1/auth/password",
        payload: '{"currentPassword": ',
        headers: { "content-type": "application/json" },
      });
      expect(response.statusCode).toBe(400);
      expect(codeOf(response)).toBe("invalid_json");
    });
  });

  it("refuses a body over 1 MiB", async () => {
    await expectUnchanged(async (browser) => {
      const response = await browser.inject({
        method: "POST",
        url: "/api/v1/auth/password",
        payload: JSON.stringify({ currentPassword: DEFAULT_PASSWORD, newPassword: oversizedText }),
        headers: { "content-type": "application/json" },
      });
      expect(response.statusCode).toBe(413);
      expect(codeOf(response)).toBe("body_too_large");
    });
  });

  it("slows down guessing: 10 attempts per 15 minutes per person", async () => {
    await expectUnchanged(async (browser) => {
      for (let attempt = 1; attempt <= 10; attempt += 1) {
        const response = await changePassword(browser, { currentPassword: `guess number ${attempt}`, newPassword: NEW_PASSWORD });
        expect(codeOf(response)).toBe("password_incorrect");
      }
      const limited = await changePassword(browser, { currentPassword: DEFAULT_PASSWORD, newPassword: NEW_PASSWORD });
      expect(limited.statusCode).toBe(429);
      expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    });
  });
});
