import { sql } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import { buildUser, DEFAULT_PASSWORD, signIn } from "../../../test/factories.ts";
import { startMailCatcher, type MailCatcher } from "../../../test/smtp.ts";
import { joiningRowCounts, mailsTo, setOrganisation, tokenFromMail } from "../invitations/testing.ts";

let t: TestContext;
let catcher: MailCatcher;

beforeAll(async () => {
  catcher = await startMailCatcher();
  t = await createTestContext({ config: { smtpUrl: catcher.url } });
  await setOrganisation(t.db, { name: "Acme" });
});
afterAll(async () => {
  await t.close();
  await catcher.close();
});
beforeEach(async () => {
  await setOrganisation(t.db, { defaultLanguage: "en" });
});

const newPassword = "a brand new passphrase 7";
const requestReset = (email: string) => t.app.inject({ method: "POST", url: "/api/v1/auth/password-reset", payload: { email } });
const confirm = (payload: Record<string, unknown>) => t.app.inject({ method: "POST", url: "/api/v1/auth/password-reset/confirm", payload });
const logIn = (email: string, password: string) => t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email, password } });

async function resetLinkFor(email: string): Promise<string> {
  expect((await requestReset(email)).statusCode).toBe(202);
  return tokenFromMail(await catcher.waitFor(email, /password/i), "/password-reset");
}

describe("password reset", () => {
  it("mails a reset link that sets a new password", async () => {
    const user = await buildUser(t.db);
    const token = await resetLinkFor(user.email);
    expect((await confirm({ token, password: newPassword })).statusCode).toBe(204);
    expect((await logIn(user.email, newPassword)).statusCode).toBe(200);
    expect((await logIn(user.email, DEFAULT_PASSWORD)).statusCode).toBe(401);
  });

  it("writes the mail in the person's own language, else the organisation's", async () => {
    const french = await buildUser(t.db, { language: "fr" });
    const english = await buildUser(t.db, { language: null });
    await requestReset(french.email);
    await requestReset(english.email);
    const frMail = await catcher.waitFor(french.email);
    const enMail = await catcher.waitFor(english.email);
    expect(frMail.subject).toBe("Réinitialisez votre mot de passe pour Acme");
    expect(frMail.text).toContain("expire dans une heure");
    expect(frMail.html).toContain('lang="fr"');
    expect(enMail.subject).toBe("Reset your password for Acme");
    expect(enMail.text).toContain("expires in one hour");
    expect(enMail.html).toContain("Choose a new password");
  });

  it("works only once", async () => {
    const user = await buildUser(t.db);
    const token = await resetLinkFor(user.email);
    await confirm({ token, password: newPassword });
    const again = await confirm({ token, password: "yet another passphrase 8" });
    expect(again.statusCode).toBe(410);
    expect(again.json().error).toMatchObject({ code: "token_used", details: [{ field: "token" }] });
    expect((await logIn(user.email, newPassword)).statusCode).toBe(200);
  });

  it("expires an hour after it was sent", async () => {
    const user = await buildUser(t.db);
    const token = await resetLinkFor(user.email);
    const row = await t.db.selectFrom("email_tokens").select(["created_at", "expires_at"]).where("user_id", "=", user.id).executeTakeFirstOrThrow();
    expect(row.expires_at.getTime() - row.created_at.getTime()).toBeCloseTo(3_600_000, -3);
    // Move the link 61 minutes into the past, as if it had been mailed then.
    await sql`update email_tokens set created_at = created_at - interval '61 minutes', expires_at = expires_at - interval '61 minutes' where user_id = ${user.id}`.execute(t.db);
    const response = await confirm({ token, password: newPassword });
    expect(response.statusCode).toBe(410);
    expect(response.json().error.code).toBe("token_expired");
    expect((await logIn(user.email, DEFAULT_PASSWORD)).statusCode).toBe(200);
  });

  it("signs out every session of the account", async () => {
    const user = await buildUser(t.db);
    const laptop = await signIn(t.app, t.db, user.id);
    const phone = await signIn(t.app, t.db, user.id);
    const token = await resetLinkFor(user.email);
    await confirm({ token, password: newPassword });
    for (const browser of [laptop, phone]) {
      expect((await browser.inject({ method: "GET", url: "/api/v1/auth/session" })).statusCode).toBe(401);
    }
    expect(await t.db.selectFrom("sessions").select("id_hash").where("user_id", "=", user.id).execute()).toEqual([]);
  });

  it("lifts the per-account lock left by 100 failed logins", async () => {
    const user = await buildUser(t.db);
    const failures = Array.from({ length: 100 }, () => ({ user_id: user.id }));
    await t.db.insertInto("login_failures").values(failures).execute();
    expect((await logIn(user.email, DEFAULT_PASSWORD)).statusCode).toBe(429);
    const token = await resetLinkFor(user.email);
    expect((await confirm({ token, password: newPassword })).statusCode).toBe(204);
    expect((await logIn(user.email, newPassword)).statusCode).toBe(200);
  });

  it("retires every other outstanding reset link of the account", async () => {
    const user = await buildUser(t.db);
    await requestReset(user.email);
    await requestReset(user.email);
    const [first, second] = await mailsTo(catcher, user.email, 2);
    if (!first || !second) throw new Error("expected two mails");
    await confirm({ token: tokenFromMail(second, "/password-reset"), password: newPassword });
    const older = await confirm({ token: tokenFromMail(first, "/password-reset"), password: "yet another passphrase 8" });
    expect(older.json().error.code).toBe("token_used");
  });

  it("tells the owner by mail that the password was changed", async () => {
    const user = await buildUser(t.db);
    await confirm({ token: await resetLinkFor(user.email), password: newPassword });
    const notice = await catcher.waitFor(user.email, /was changed/);
    expect(notice.text).toContain("every open session was signed out");
  });

  it("answers an unknown address with the same 202 and sends nothing", async () => {
    const known = await buildUser(t.db);
    const before = await joiningRowCounts(t.db);
    const unknown = await requestReset("nobody-here@acme.example");
    const existing = await requestReset(known.email);
    expect(unknown.statusCode).toBe(202);
    expect(unknown.body).toBe(existing.body);
    await catcher.waitFor(known.email);
    expect(catcher.messages.some((m) => JSON.stringify(m.to).includes("nobody-here@acme.example"))).toBe(false);
    expect((await joiningRowCounts(t.db)).email_tokens).toBe(before.email_tokens + 1);
  });

  it("sends nothing to a deactivated account", async () => {
    const gone = await buildUser(t.db, { status: "deactivated", deactivated_at: new Date() });
    expect((await requestReset(gone.email)).statusCode).toBe(202);
    expect(await t.db.selectFrom("email_tokens").select("token_hash").where("user_id", "=", gone.id).execute()).toEqual([]);
  });

  it("answers 429 with Retry-After on the sixth request for one address in 30 minutes", async () => {
    const user = await buildUser(t.db);
    for (let i = 0; i < 5; i++) expect((await requestReset(user.email.toUpperCase())).statusCode).toBe(202);
    const sixth = await requestReset(user.email);
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json().error.code).toBe("rate_limited");
    expect(Number(sixth.headers["retry-after"])).toBeGreaterThan(0);
    expect((await requestReset("someone-else@acme.example")).statusCode).toBe(202);
  });
});

describe("bad reset input", () => {
  it("answers 400 token_invalid for an unknown link", async () => {
    const response = await confirm({ token: "made-up", password: newPassword });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: "token_invalid", details: [{ field: "token" }] });
  });

  it.each([
    ["a short password", "short", "password_too_short"],
    ["a common password", "password123", "password_too_common"],
  ])("refuses %s, keeps the old one and the link", async (_label, password, code) => {
    const user = await buildUser(t.db);
    const token = await resetLinkFor(user.email);
    const response = await confirm({ token, password });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code, details: [{ field: "password" }] });
    expect((await logIn(user.email, DEFAULT_PASSWORD)).statusCode).toBe(200);
    expect((await confirm({ token, password: newPassword })).statusCode).toBe(204);
  });

  it.each([
    ["an invalid email", "/api/v1/auth/password-reset", { email: "nope" }, "email"],
    ["an unknown field", "/api/v1/auth/password-reset", { email: "a@acme.example", admin: true }, "admin"],
    ["a wrong type", "/api/v1/auth/password-reset/confirm", { token: 5, password: newPassword }, "token"],
    ["a missing field", "/api/v1/auth/password-reset/confirm", { token: "abc" }, "password"],
  ])("refuses %s, naming the field, and writes nothing", async (_label, url, payload, field) => {
    const before = await joiningRowCounts(t.db);
    const response = await t.app.inject({ method: "POST", url, payload });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe("validation_failed");
    expect(response.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(await joiningRowCounts(t.db)).toEqual(before);
  });

  it("refuses malformed JSON", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/password-reset",
      headers: { "content-type": "application/json" },
      payload: "{",
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe("invalid_json");
  });
});
