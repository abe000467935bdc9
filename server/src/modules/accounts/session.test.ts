import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import { buildUser, signIn, type Browser } from "../../../test/factories.ts";
import { codeOf } from "./test-helpers.ts";

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ work: false });
});
afterAll(() => t.close());

/** Creates an access token through the API, as its owner would. */
async function tokenFor(browser: Browser): Promise<string> {
  const response = await browser.inject({ method: "POST", url: "/api/v1/me/tokens", payload: { name: "script" } });
  expect(response.statusCode).toBe(201);
  return response.json().secret as string;
}

function getSession(headers: Record<string, string>) {
  return t.app.inject({ method: "GET", url: "/api/v1/auth/session", headers });
}

describe("the current session", () => {
  it("describes the person signed in by cookie, with the session's CSRF token", async () => {
    const user = await buildUser(t.db);
    const browser = await signIn(t.app, t.db, user.id);
    const response = await getSession({ cookie: browser.cookie });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ user: { id: user.id, email: user.email }, csrfToken: browser.csrfToken });
  });

  it("describes the person behind a bearer token, with no CSRF token", async () => {
    const user = await buildUser(t.db);
    const secret = await tokenFor(await signIn(t.app, t.db, user.id));
    const response = await getSession({ authorization: `Bearer ${secret}` });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ user: { id: user.id }, csrfToken: "" });
  });

  it("answers 401 authentication_required when nobody is signed in", async () => {
    const response = await getSession({});
    expect(response.statusCode).toBe(401);
    expect(codeOf(response)).toBe("authentication_required");
  });

  it("answers 401 for a cookie that names no session", async () => {
    const response = await getSession({ cookie: "ruche_session=made-up" });
    expect(response.statusCode).toBe(401);
    expect(codeOf(response)).toBe("authentication_required");
  });

  it("answers 401 for an expired session", async () => {
    const user = await buildUser(t.db);
    const browser = await signIn(t.app, t.db, user.id);
    await t.db.updateTable("sessions").set({ expires_at: new Date(Date.now() - 1000) }).where("user_id", "=", user.id).execute();
    expect((await getSession({ cookie: browser.cookie })).statusCode).toBe(401);
  });
});

describe("logging out", () => {
  it("deletes the session, clears the cookie and answers 204", async () => {
    const user = await buildUser(t.db);
    const browser = await signIn(t.app, t.db, user.id);
    const response = await browser.inject({ method: "POST", url: "/api/v1/auth/logout" });
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe("");
    expect(String(response.headers["set-cookie"])).toMatch(/^ruche_session=;/);
    const sessions = await t.db.selectFrom("sessions").select("id_hash").where("user_id", "=", user.id).execute();
    expect(sessions).toEqual([]);
    expect((await getSession({ cookie: browser.cookie })).statusCode).toBe(401);
  });

  it("leaves the person's other sessions open", async () => {
    const user = await buildUser(t.db);
    const laptop = await signIn(t.app, t.db, user.id);
    const phone = await signIn(t.app, t.db, user.id);
    await laptop.inject({ method: "POST", url: "/api/v1/auth/logout" });
    expect((await getSession({ cookie: phone.cookie })).statusCode).toBe(200);
  });

  it("answers 401 when nobody is signed in", async () => {
    const response = await t.app.inject({ method: "POST", url: "/api/v1/auth/logout" });
    expect(response.statusCode).toBe(401);
    expect(codeOf(response)).toBe("authentication_required");
  });

  it("refuses a token caller: a token is revoked, not logged out", async () => {
    const user = await buildUser(t.db);
    const secret = await tokenFor(await signIn(t.app, t.db, user.id));
    const response = await t.app.inject({ method: "POST", url: "/api/v1/auth/logout", headers: { authorization: `Bearer ${secret}` } });
    expect(response.statusCode).toBe(403);
    expect(codeOf(response)).toBe("forbidden");
    expect((await getSession({ authorization: `Bearer ${secret}` })).statusCode).toBe(200);
  });
});

describe("CSRF protection", () => {
  it("refuses a cookie-authenticated POST without X-CSRF-Token, and keeps the session", async () => {
    const user = await buildUser(t.db);
    const browser = await signIn(t.app, t.db, user.id);
    const response = await t.app.inject({ method: "POST", url: "/api/v1/auth/logout", headers: { cookie: browser.cookie } });
    expect(response.statusCode).toBe(403);
    expect(codeOf(response)).toBe("csrf_token_invalid");
    expect((await getSession({ cookie: browser.cookie })).statusCode).toBe(200);
  });

  it("refuses a cookie-authenticated POST with another session's CSRF token", async () => {
    const user = await buildUser(t.db);
    const browser = await signIn(t.app, t.db, user.id);
    const other = await signIn(t.app, t.db, (await buildUser(t.db)).id);
    const response = await browser.inject({
      method: "POST",
      url: "/api/v1/me/tokens",
      payload: { name: "forged" },
      headers: { "x-csrf-token": other.csrfToken },
    });
    expect(response.statusCode).toBe(403);
    expect(codeOf(response)).toBe("csrf_token_invalid");
    expect(await t.db.selectFrom("access_tokens").select("id").where("user_id", "=", user.id).execute()).toEqual([]);
  });

  it("refuses a cookie-authenticated DELETE without the token", async () => {
    const user = await buildUser(t.db);
    const browser = await signIn(t.app, t.db, user.id);
    const created = await browser.inject({ method: "POST", url: "/api/v1/me/tokens", payload: { name: "keep me" } });
    const response = await t.app.inject({
      method: "DELETE",
      url: `/api/v1/me/tokens/${created.json().token.id}`,
      headers: { cookie: browser.cookie },
    });
    expect(response.statusCode).toBe(403);
    expect(codeOf(response)).toBe("csrf_token_invalid");
    const row = await t.db.selectFrom("access_tokens").select("revoked_at").where("user_id", "=", user.id).executeTakeFirstOrThrow();
    expect(row.revoked_at).toBeNull();
  });

  it("asks no CSRF token of a bearer-token caller", async () => {
    const user = await buildUser(t.db);
    const browser = await signIn(t.app, t.db, user.id);
    const created = await browser.inject({ method: "POST", url: "/api/v1/me/tokens", payload: { name: "self-revoking script" } });
    const { secret, token } = created.json();
    const response = await t.app.inject({
      method: "DELETE",
      url: `/api/v1/me/tokens/${token.id}`,
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(response.statusCode).toBe(204);
  });
});

describe("deactivation", () => {
  it("refuses both the session and the token of a person deactivated since", async () => {
    const user = await buildUser(t.db);
    const browser = await signIn(t.app, t.db, user.id);
    const secret = await tokenFor(browser);
    await t.db.updateTable("users").set({ status: "deactivated", deactivated_at: new Date() }).where("id", "=", user.id).execute();

    const bySession = await getSession({ cookie: browser.cookie });
    expect(bySession.statusCode).toBe(401);
    expect(codeOf(bySession)).toBe("authentication_required");
    const byToken = await getSession({ authorization: `Bearer ${secret}` });
    expect(byToken.statusCode).toBe(401);
    expect(codeOf(byToken)).toBe("authentication_required");
  });
});
