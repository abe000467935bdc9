import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import { buildUser } from "../../../test/factories.ts";
import { startMailCatcher, type MailCatcher } from "../../../test/smtp.ts";
import { joiningRowCounts, mailsTo, setOrganisation, tokenFromMail } from "../invitations/testing.ts";

let t: TestContext;
let catcher: MailCatcher;

beforeAll(async () => {
  catcher = await startMailCatcher();
  t = await createTestContext({ config: { smtpUrl: catcher.url } });
  await setOrganisation(t.db, { name: "Acme", defaultLanguage: "en" });
});
afterAll(async () => {
  await t.close();
  await catcher.close();
});

const verify = (token: string) => t.app.inject({ method: "POST", url: "/api/v1/auth/verify-email", payload: { token } });
const resend = (email: string) => t.app.inject({ method: "POST", url: "/api/v1/auth/verify-email/resend", payload: { email } });
const verifiedAt = async (id: string) =>
  (await t.db.selectFrom("users").select("email_verified_at").where("id", "=", id).executeTakeFirstOrThrow()).email_verified_at;

describe("email verification", () => {
  it("mails a fresh link to an unverified account that asks again, and the link verifies it", async () => {
    const user = await buildUser(t.db, { email_verified_at: null });
    expect((await resend(user.email)).statusCode).toBe(202);
    const token = tokenFromMail(await catcher.waitFor(user.email), "/verify-email");
    expect((await verify(token)).statusCode).toBe(204);
    expect(await verifiedAt(user.id)).not.toBeNull();
  });

  it("writes the verification mail in the person's language", async () => {
    const user = await buildUser(t.db, { email_verified_at: null, language: "fr" });
    await resend(user.email);
    const mail = await catcher.waitFor(user.email);
    expect(mail.subject).toBe("Confirmez votre adresse e-mail pour Acme");
    expect(mail.text).toContain("expire dans 48 heures");
  });

  it("keeps verification links valid for 48 hours", async () => {
    const user = await buildUser(t.db, { email_verified_at: null });
    await resend(user.email);
    const row = await t.db.selectFrom("email_tokens").select(["created_at", "expires_at"]).where("user_id", "=", user.id).executeTakeFirstOrThrow();
    expect((row.expires_at.getTime() - row.created_at.getTime()) / 3_600_000).toBeCloseTo(48, 2);
  });

  it("answers 410 token_expired for an expired link and leaves the address unverified", async () => {
    const user = await buildUser(t.db, { email_verified_at: null });
    await resend(user.email);
    const token = tokenFromMail(await catcher.waitFor(user.email), "/verify-email");
    await t.db.updateTable("email_tokens").set({ expires_at: new Date(Date.now() - 1000) }).where("user_id", "=", user.id).execute();
    const response = await verify(token);
    expect(response.statusCode).toBe(410);
    expect(response.json().error).toMatchObject({ code: "token_expired", details: [{ field: "token" }] });
    expect(await verifiedAt(user.id)).toBeNull();
  });

  it("answers 400 token_invalid for an unknown link", async () => {
    const response = await verify("no-such-link");
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: "token_invalid", details: [{ field: "token" }] });
  });

  it("does not take a password-reset link as a verification link", async () => {
    const user = await buildUser(t.db);
    await t.app.inject({ method: "POST", url: "/api/v1/auth/password-reset", payload: { email: user.email } });
    const token = tokenFromMail(await catcher.waitFor(user.email), "/password-reset");
    expect((await verify(token)).json().error.code).toBe("token_invalid");
  });

  it("answers 202 to an unknown address and writes nothing", async () => {
    const before = await joiningRowCounts(t.db);
    expect((await resend("stranger@acme.example")).statusCode).toBe(202);
    expect(await joiningRowCounts(t.db)).toEqual(before);
  });

  it("answers 202 to an already verified address and sends nothing", async () => {
    const user = await buildUser(t.db);
    const before = await joiningRowCounts(t.db);
    expect((await resend(user.email)).statusCode).toBe(202);
    expect(await joiningRowCounts(t.db)).toEqual(before);
  });

  it("limits requests for a new link to 5 per address in 30 minutes", async () => {
    const user = await buildUser(t.db, { email_verified_at: null });
    for (let i = 0; i < 5; i++) expect((await resend(user.email)).statusCode).toBe(202);
    const sixth = await resend(user.email);
    expect(sixth.statusCode).toBe(429);
    expect(sixth.headers["retry-after"]).toBeDefined();
    expect(await mailsTo(catcher, user.email, 5)).toHaveLength(5);
  });

  it("refuses an invalid email, naming the field", async () => {
    const response = await resend("not an email");
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: "validation_failed", details: [{ field: "email" }] });
  });
});
