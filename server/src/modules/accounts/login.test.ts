import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import { buildUser, DEFAULT_PASSWORD, sessionCookieFrom, signIn } from "../../../test/factories.ts";
import { hashSecret } from "../../platform/ids.ts";
import { codeOf, countRows, fieldsOf, freshAddress, oversizedText, postRaw } from "./test-helpers.ts";

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ work: false });
});
afterAll(() => t.close());

function logIn(payload: unknown, options: { remoteAddress?: string; cookie?: string } = {}) {
  return t.app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    payload: payload as object,
    remoteAddress: options.remoteAddress ?? freshAddress(),
    headers: options.cookie ? { cookie: options.cookie } : {},
  });
}

async function failuresOf(userId: string): Promise<number> {
  const rows = await t.db.selectFrom("login_failures").select("id").where("user_id", "=", userId).execute();
  return rows.length;
}

async function sessionsOf(userId: string): Promise<string[]> {
  const rows = await t.db.selectFrom("sessions").select("id_hash").where("user_id", "=", userId).execute();
  return rows.map((row) => row.id_hash);
}

/** Records `count` failed logins of an account, `minutesAgo` minutes ago. */
async function insertFailures(userId: string, count: number, minutesAgo: number): Promise<void> {
  const at = sql<Date>`now() - make_interval(mins => ${minutesAgo})`;
  await t.db.insertInto("login_failures").values(Array.from({ length: count }, () => ({ user_id: userId, created_at: at }))).execute();
}

describe("signing in", () => {
  it("opens a session: the person, a CSRF token and an HttpOnly cookie", async () => {
    const user = await buildUser(t.db);
    const response = await logIn({ email: user.email, password: DEFAULT_PASSWORD });
    expect(response.statusCode).toBe(200);
    expect(response.json().user).toMatchObject({ id: user.id, email: user.email });
    const setCookie = String(response.headers["set-cookie"]);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = sessionCookieFrom(response.headers["set-cookie"]) ?? "";
    const session = await t.app.inject({ method: "GET", url: "/api/v1/auth/session", headers: { cookie } });
    expect(session.json()).toMatchObject({ user: { id: user.id }, csrfToken: response.json().csrfToken });
  });

  it("ignores the case of the email address", async () => {
    const user = await buildUser(t.db);
    const response = await logIn({ email: user.email.toUpperCase(), password: DEFAULT_PASSWORD });
    expect(response.statusCode).toBe(200);
  });

  it("refuses a wrong password with invalid_credentials and counts the failure", async () => {
    const user = await buildUser(t.db);
    const response = await logIn({ email: user.email, password: "not the password at all" });
    expect(response.statusCode).toBe(401);
    expect(codeOf(response)).toBe("invalid_credentials");
    expect(sessionCookieFrom(response.headers["set-cookie"])).toBeUndefined();
    expect(await failuresOf(user.id)).toBe(1);
    expect(await sessionsOf(user.id)).toEqual([]);
  });

  it("refuses an unknown email exactly like a wrong password, and records nothing", async () => {
    const before = await countRows(t.db, "login_failures");
    const response = await logIn({ email: "nobody@example.com", password: DEFAULT_PASSWORD });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ error: { code: "invalid_credentials", message: "The email or password is not correct" } });
    expect(await countRows(t.db, "login_failures")).toBe(before);
  });

  it("tells a deactivated person so, only after a correct password", async () => {
    const user = await buildUser(t.db, { status: "deactivated", deactivated_at: new Date() });
    const wrong = await logIn({ email: user.email, password: "not the password at all" });
    expect(codeOf(wrong)).toBe("invalid_credentials");
    const right = await logIn({ email: user.email, password: DEFAULT_PASSWORD });
    expect(right.statusCode).toBe(403);
    expect(codeOf(right)).toBe("account_deactivated");
    expect(await sessionsOf(user.id)).toEqual([]);
  });

  it("refuses a person whose email is not verified yet", async () => {
    const user = await buildUser(t.db, { email_verified_at: null });
    const response = await logIn({ email: user.email, password: DEFAULT_PASSWORD });
    expect(response.statusCode).toBe(403);
    expect(codeOf(response)).toBe("email_not_verified");
    expect(await sessionsOf(user.id)).toEqual([]);
  });

  it("refuses an account that has no password yet", async () => {
    const user = await buildUser(t.db, { password_hash: null });
    const response = await logIn({ email: user.email, password: DEFAULT_PASSWORD });
    expect(codeOf(response)).toBe("invalid_credentials");
  });
});

describe("session fixation", () => {
  it("never reuses a session id the browser offered", async () => {
    const user = await buildUser(t.db);
    const planted = "attacker-chosen-session-id";
    const response = await logIn({ email: user.email, password: DEFAULT_PASSWORD }, { cookie: `ruche_session=${planted}` });
    expect(response.statusCode).toBe(200);
    expect(sessionCookieFrom(response.headers["set-cookie"])).not.toBe(`ruche_session=${planted}`);
    expect(await sessionsOf(user.id)).not.toContain(hashSecret(planted));
    expect(await sessionsOf(user.id)).toHaveLength(1);
  });

  it("deletes the session the browser carried when signing in again", async () => {
    const user = await buildUser(t.db);
    const old = await signIn(t.app, t.db, user.id);
    const response = await logIn({ email: user.email, password: DEFAULT_PASSWORD }, { cookie: old.cookie });
    const fresh = sessionCookieFrom(response.headers["set-cookie"]);
    expect(fresh).toBeDefined();
    expect(fresh).not.toBe(old.cookie);
    const withOld = await t.app.inject({ method: "GET", url: "/api/v1/auth/session", headers: { cookie: old.cookie } });
    expect(withOld.statusCode).toBe(401);
    expect(await sessionsOf(user.id)).toHaveLength(1);
  });
});

describe("login rate limits", () => {
  it("allows 25 attempts per 5 minutes from one address, then answers 429 with Retry-After", async () => {
    const address = freshAddress();
    // Attempts on a locked account skip argon2, which keeps this test fast; each still counts for the address.
    const locked = await buildUser(t.db);
    await insertFailures(locked.id, 100, 1);
    for (let attempt = 1; attempt <= 25; attempt += 1) {
      const response = await logIn({ email: locked.email, password: "wrong password" }, { remoteAddress: address });
      expect(response.headers["x-ratelimit-remaining"]).toBe(String(25 - attempt));
    }
    const user = await buildUser(t.db);
    const limited = await logIn({ email: user.email, password: DEFAULT_PASSWORD }, { remoteAddress: address });
    expect(limited.statusCode).toBe(429);
    expect(codeOf(limited)).toBe("rate_limited");
    const retryAfter = Number(limited.headers["retry-after"]);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(300);
    expect(await sessionsOf(user.id)).toEqual([]);

    const elsewhere = await logIn({ email: user.email, password: DEFAULT_PASSWORD });
    expect(elsewhere.statusCode).toBe(200);
  });

  it("locks an account after 100 failures in an hour, even with the right password", async () => {
    const user = await buildUser(t.db);
    await insertFailures(user.id, 100, 1);
    const response = await logIn({ email: user.email, password: DEFAULT_PASSWORD });
    expect(response.statusCode).toBe(429);
    expect(codeOf(response)).toBe("rate_limited");
    expect(await sessionsOf(user.id)).toEqual([]);
    expect(await failuresOf(user.id)).toBe(100);
  });

  it("says to retry when the oldest failure leaves the hour", async () => {
    const user = await buildUser(t.db);
    await insertFailures(user.id, 1, 50);
    await insertFailures(user.id, 99, 5);
    const response = await logIn({ email: user.email, password: DEFAULT_PASSWORD });
    expect(response.statusCode).toBe(429);
    const retryAfter = Number(response.headers["retry-after"]);
    expect(retryAfter).toBeGreaterThan(9 * 60);
    expect(retryAfter).toBeLessThanOrEqual(10 * 60);
  });

  it("lets the account in again once failures are older than an hour", async () => {
    const user = await buildUser(t.db);
    await insertFailures(user.id, 1, 61);
    await insertFailures(user.id, 99, 5);
    const response = await logIn({ email: user.email, password: DEFAULT_PASSWORD });
    expect(response.statusCode).toBe(200);
  });

  it("keeps one account's lock from touching another account", async () => {
    const locked = await buildUser(t.db);
    const other = await buildUser(t.db);
    await insertFailures(locked.id, 100, 1);
    const response = await logIn({ email: other.email, password: DEFAULT_PASSWORD });
    expect(response.statusCode).toBe(200);
  });
});

describe("signing in refuses bad input and writes nothing", () => {
  async function expectNothingWritten(action: () => Promise<void>): Promise<void> {
    const sessions = await countRows(t.db, "sessions");
    const failures = await countRows(t.db, "login_failures");
    await action();
    expect(await countRows(t.db, "sessions")).toBe(sessions);
    expect(await countRows(t.db, "login_failures")).toBe(failures);
  }

  it("refuses malformed JSON", async () => {
    await expectNothingWritten(async () => {
      const response = await postRaw(t.app, { url: "/api/v1/auth/login", payload: '{"email": "a@example.com", "password": ' });
      expect(response.statusCode).toBe(400);
      expect(codeOf(response)).toBe("invalid_json");
    });
  });

  it("refuses a password that is not a string, naming password", async () => {
    const user = await buildUser(t.db);
    await expectNothingWritten(async () => {
      const response = await logIn({ email: user.email, password: 1234567890 });
      expect(response.statusCode).toBe(400);
      expect(codeOf(response)).toBe("validation_failed");
      expect(fieldsOf(response)).toEqual(["password"]);
    });
  });

  it("refuses unknown fields, naming them", async () => {
    const user = await buildUser(t.db);
    await expectNothingWritten(async () => {
      const response = await logIn({ email: user.email, password: DEFAULT_PASSWORD, remember: true });
      expect(response.statusCode).toBe(400);
      expect(fieldsOf(response)).toEqual(["remember"]);
    });
  });

  it("refuses an invalid email, naming email", async () => {
    await expectNothingWritten(async () => {
      const response = await logIn({ email: "not an email", password: DEFAULT_PASSWORD });
      expect(response.statusCode).toBe(400);
      expect(codeOf(response)).toBe("validation_failed");
      expect(fieldsOf(response)).toEqual(["email"]);
    });
  });

  it("refuses a missing password, naming password", async () => {
    await expectNothingWritten(async () => {
      const response = await logIn({ email: "someone@example.com" });
      expect(response.statusCode).toBe(400);
      expect(fieldsOf(response)).toEqual(["password"]);
    });
  });

  it("refuses a body over 1 MiB", async () => {
    const user = await buildUser(t.db);
    await expectNothingWritten(async () => {
      const payload = JSON.stringify({ email: user.email, password: oversizedText });
      const response = await postRaw(t.app, { url: "/api/v1/auth/login", payload });
      expect(response.statusCode).toBe(413);
      expect(codeOf(response)).toBe("body_too_large");
    });
  });
});
