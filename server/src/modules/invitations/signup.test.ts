import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import { buildUser } from "../../../test/factories.ts";
import { startMailCatcher, type MailCatcher } from "../../../test/smtp.ts";
import { joiningRowCounts, setOrganisation, tokenFromMail } from "./testing.ts";

let t: TestContext;
let catcher: MailCatcher;
let counter = 0;

beforeAll(async () => {
  catcher = await startMailCatcher();
  t = await createTestContext({ config: { smtpUrl: catcher.url } });
  await setOrganisation(t.db, { name: "Acme", allowedSignupDomains: ["acme.example"] });
});
afterAll(async () => {
  await t.close();
  await catcher.close();
});
beforeEach(async () => {
  await setOrganisation(t.db, { defaultLanguage: "en" });
});

const password = "a long enough passphrase 42";
const newAddress = (domain = "acme.example") => `joiner${++counter}@${domain}`;
// Each test signs up from its own address: the limit of 10 sign-ups an hour is per client IP.
const signUp = (payload: Record<string, unknown>, ip = `10.0.1.${++counter % 250}`) =>
  t.app.inject({ method: "POST", url: "/api/v1/auth/signup", payload, remoteAddress: ip });
const logIn = (email: string) => t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email, password } });
const verify = (token: string) => t.app.inject({ method: "POST", url: "/api/v1/auth/verify-email", payload: { token } });

describe("signing up", () => {
  it("creates an unverified member and mails a verification link", async () => {
    const email = newAddress();
    const response = await signUp({ email, displayName: "Jo Joiner", password });
    expect(response.statusCode).toBe(202);
    const user = await t.db.selectFrom("users").selectAll().where("email", "=", email).executeTakeFirstOrThrow();
    expect(user).toMatchObject({ role: "member", display_name: "Jo Joiner", email_verified_at: null });
    const mail = await catcher.waitFor(email);
    expect(mail.subject).toBe("Confirm your email address for Acme");
    expect(mail.text).toContain("http://localhost:3000/verify-email?token=");
  });

  it("refuses to sign in until the address is verified, then lets them in", async () => {
    const email = newAddress();
    await signUp({ email, displayName: "Vera", password });
    const refused = await logIn(email);
    expect(refused.json().error.code).toBe("email_not_verified");
    const token = tokenFromMail(await catcher.waitFor(email), "/verify-email");
    expect((await verify(token)).statusCode).toBe(204);
    expect((await logIn(email)).statusCode).toBe(200);
  });

  it("accepts a verification link only once", async () => {
    const email = newAddress();
    await signUp({ email, displayName: "Once", password });
    const token = tokenFromMail(await catcher.waitFor(email), "/verify-email");
    await verify(token);
    const again = await verify(token);
    expect(again.statusCode).toBe(410);
    expect(again.json().error).toMatchObject({ code: "token_used", details: [{ field: "token" }] });
  });

  it("writes the verification mail in French for a French organisation", async () => {
    await setOrganisation(t.db, { defaultLanguage: "fr" });
    const email = newAddress();
    await signUp({ email, displayName: "Zoé", password });
    const mail = await catcher.waitFor(email);
    expect(mail.subject).toBe("Confirmez votre adresse e-mail pour Acme");
    expect(mail.text).toContain("Confirmer mon adresse");
    expect(mail.html).toContain('lang="fr"');
  });

  it("refuses an address outside the allowed domains and writes nothing", async () => {
    const before = await joiningRowCounts(t.db);
    const response = await signUp({ email: newAddress("elsewhere.example"), displayName: "Outsider", password });
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toMatchObject({ code: "signup_not_allowed", details: [{ field: "email" }] });
    expect(await joiningRowCounts(t.db)).toEqual(before);
  });

  it("answers an address that already has an account exactly like a new one, creates nothing and tells the owner", async () => {
    const owner = await buildUser(t.db, { email: newAddress() });
    const fresh = await signUp({ email: newAddress(), displayName: "New", password });
    const users = await joiningRowCounts(t.db);
    const taken = await signUp({ email: owner.email.toUpperCase(), displayName: "Impostor", password });
    expect(taken.statusCode).toBe(fresh.statusCode);
    expect(taken.body).toBe(fresh.body);
    expect((await joiningRowCounts(t.db)).users).toBe(users.users);
    expect((await joiningRowCounts(t.db)).email_tokens).toBe(users.email_tokens);
    const notice = await catcher.waitFor(owner.email);
    expect(notice.subject).toBe("Someone tried to sign up to Acme with your address");
    expect(notice.text).not.toContain("token=");
  });

  it("answers 429 with Retry-After after 10 sign-ups from one client in an hour", async () => {
    const ip = "10.0.9.9";
    for (let i = 0; i < 10; i++) {
      expect((await signUp({ email: newAddress("elsewhere.example"), displayName: "Bot", password }, ip)).statusCode).toBe(403);
    }
    const limited = await signUp({ email: newAddress(), displayName: "Bot", password }, ip);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe("rate_limited");
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
  });
});

describe("bad sign-up input", () => {
  it.each([
    ["an invalid email", { email: "joiner-at-acme.example", displayName: "X", password }, "validation_failed", "email"],
    ["an unknown field", { email: "u1@acme.example", displayName: "X", password, role: "admin" }, "validation_failed", "role"],
    ["a wrong type", { email: "u2@acme.example", displayName: ["X"], password }, "validation_failed", "displayName"],
    ["a missing field", { email: "u3@acme.example", password }, "validation_failed", "displayName"],
    ["a short password", { email: "u4@acme.example", displayName: "X", password: "short" }, "password_too_short", "password"],
    ["a common password", { email: "u5@acme.example", displayName: "X", password: "qwertyuiop" }, "password_too_common", "password"],
  ])("refuses %s, naming the field, and writes nothing", async (_label, payload, code, field) => {
    const before = await joiningRowCounts(t.db);
    const response = await signUp(payload);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe(code);
    expect(response.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(await joiningRowCounts(t.db)).toEqual(before);
  });

  it("refuses malformed JSON and writes nothing", async () => {
    const before = await joiningRowCounts(t.db);
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/signup",
      headers: { "content-type": "application/json" },
      payload: '{"email": "u6@acme.example",',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe("invalid_json");
    expect(await joiningRowCounts(t.db)).toEqual(before);
  });
});
