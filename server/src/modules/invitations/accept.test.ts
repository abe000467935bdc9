import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import { buildUser, sessionCookieFrom, signIn, type Browser } from "../../../test/factories.ts";
import { startMailCatcher, type MailCatcher } from "../../../test/smtp.ts";
import { joiningRowCounts, setOrganisation, tokenFromMail } from "./testing.ts";

let t: TestContext;
let catcher: MailCatcher;
let admin: Browser;
let counter = 0;

beforeAll(async () => {
  catcher = await startMailCatcher();
  t = await createTestContext({ config: { smtpUrl: catcher.url } });
  await setOrganisation(t.db, { name: "Acme", defaultLanguage: "fr" });
  const user = await buildUser(t.db, { role: "admin", display_name: "Ada Admin" });
  admin = await signIn(t.app, t.db, user.id);
});
afterAll(async () => {
  await t.close();
  await catcher.close();
});
beforeEach(async () => {
  await setOrganisation(t.db, { defaultLanguage: "fr" });
});

const newAddress = () => `colleague${++counter}@acme.example`;
const strongPassword = "a long enough passphrase 42";

async function invite(email: string, role: "member" | "admin" = "member"): Promise<string> {
  const response = await admin.inject({ method: "POST", url: "/api/v1/invitations", payload: { email, role } });
  expect(response.statusCode).toBe(201);
  const mail = await catcher.waitFor(email);
  return tokenFromMail(mail, "/invitations/accept");
}

const accept = (payload: Record<string, unknown>) => t.app.inject({ method: "POST", url: "/api/v1/invitations/accept", payload });
const preview = (token: string) => t.app.inject({ method: "GET", url: `/api/v1/invitations/preview?token=${token}` });

describe("accepting an invitation", () => {
  it("mails the invitation over SMTP in the organisation's language, with a working link", async () => {
    const email = newAddress();
    await admin.inject({ method: "POST", url: "/api/v1/invitations", payload: { email } });
    const mail = await catcher.waitFor(email);
    expect(mail.subject).toBe("Ada Admin vous invite à rejoindre Acme sur Ruche");
    expect(mail.text).toContain("Accepter l'invitation");
    expect(mail.html).toContain('lang="fr"');
    expect(mail.html).toContain("Acme");
    const token = tokenFromMail(mail, "/invitations/accept");
    expect(mail.text).toContain(`http://localhost:3000/invitations/accept?token=${token}`);
    expect((await preview(token)).statusCode).toBe(200);
  });

  it("writes the invitation in English when that is the organisation's language", async () => {
    await setOrganisation(t.db, { defaultLanguage: "en" });
    const email = newAddress();
    await admin.inject({ method: "POST", url: "/api/v1/invitations", payload: { email } });
    const mail = await catcher.waitFor(email);
    expect(mail.subject).toBe("Ada Admin invites you to join Acme on Ruche");
    expect(mail.text).toContain("Accept the invitation");
    expect(mail.html).toContain('lang="en"');
  });

  it("keeps no usable link token in the stored event once the mail is queued", async () => {
    const email = newAddress();
    await invite(email);
    const events = await t.db.selectFrom("events").select(["payload", "dispatched_at"]).where("type", "=", "invitation.created").execute();
    const mine = events.filter((event) => event.payload.email === email);
    expect(mine).toHaveLength(1);
    expect(mine[0]?.payload).not.toHaveProperty("token");
    expect(mine[0]?.dispatched_at).not.toBeNull();
  });

  it("shows who invited whom to which organisation", async () => {
    const email = newAddress();
    const token = await invite(email);
    const response = await preview(token);
    expect(response.json()).toEqual({ email, organisationName: "Acme", invitedBy: "Ada Admin" });
  });

  it("creates a verified account with the invited role and signs the person in", async () => {
    const email = newAddress();
    const token = await invite(email, "admin");
    const response = await accept({ token, displayName: "  Grace Hopper ", password: strongPassword });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body.user).toMatchObject({ email, displayName: "Grace Hopper", role: "admin", emailVerified: true });
    const cookie = sessionCookieFrom(response.headers["set-cookie"]);
    expect(cookie).toBeDefined();
    const me = await t.app.inject({ method: "GET", url: "/api/v1/auth/session", headers: { cookie: cookie ?? "" } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.email).toBe(email);
  });

  it("lets the new member sign in with the chosen password", async () => {
    const email = newAddress();
    const token = await invite(email);
    await accept({ token, displayName: "Linus", password: strongPassword });
    const login = await t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email, password: strongPassword } });
    expect(login.statusCode).toBe(200);
  });

  it("refuses a second use of the same link and writes nothing", async () => {
    const email = newAddress();
    const token = await invite(email);
    expect((await accept({ token, displayName: "First", password: strongPassword })).statusCode).toBe(201);
    const before = await joiningRowCounts(t.db);
    const again = await accept({ token, displayName: "Second", password: strongPassword });
    expect(again.statusCode).toBe(410);
    expect(again.json().error.code).toBe("token_used");
    expect(again.json().error.details[0].field).toBe("token");
    expect(await joiningRowCounts(t.db)).toEqual(before);
    expect((await preview(token)).json().error.code).toBe("token_used");
  });

  it("answers 410 token_expired for a link past its seven days", async () => {
    const email = newAddress();
    const token = await invite(email);
    await t.db.updateTable("invitations").set({ expires_at: new Date(Date.now() - 1000) }).where("email", "=", email).execute();
    expect((await preview(token)).json().error.code).toBe("token_expired");
    const response = await accept({ token, displayName: "Late", password: strongPassword });
    expect(response.statusCode).toBe(410);
    expect(response.json().error.code).toBe("token_expired");
    expect(await t.db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst()).toBeUndefined();
  });

  it("expires invitations seven days after they are sent", async () => {
    const email = newAddress();
    await invite(email);
    const row = await t.db.selectFrom("invitations").select(["created_at", "expires_at"]).where("email", "=", email).executeTakeFirstOrThrow();
    const days = (row.expires_at.getTime() - row.created_at.getTime()) / 86_400_000;
    expect(days).toBeCloseTo(7, 2);
  });

  it("answers 400 token_invalid for a revoked invitation", async () => {
    const email = newAddress();
    const token = await invite(email);
    const row = await t.db.selectFrom("invitations").select("id").where("email", "=", email).executeTakeFirstOrThrow();
    expect((await admin.inject({ method: "DELETE", url: `/api/v1/invitations/${row.id}` })).statusCode).toBe(204);
    const previewed = await preview(token);
    expect(previewed.statusCode).toBe(400);
    expect(previewed.json().error.code).toBe("token_invalid");
    expect((await accept({ token, displayName: "Nope", password: strongPassword })).json().error.code).toBe("token_invalid");
  });

  it("answers 404 invitation_not_found for a link that never existed", async () => {
    const previewed = await preview("not-a-real-token");
    expect(previewed.statusCode).toBe(404);
    expect(previewed.json().error.code).toBe("invitation_not_found");
    const accepted = await accept({ token: "not-a-real-token", displayName: "Nobody", password: strongPassword });
    expect(accepted.statusCode).toBe(404);
    expect(accepted.json().error.code).toBe("invitation_not_found");
  });

  it("refuses an address that signed up on its own since it was invited", async () => {
    const email = newAddress();
    const token = await invite(email);
    await buildUser(t.db, { email });
    const response = await accept({ token, displayName: "Twin", password: strongPassword });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe("email_taken");
  });
});

describe("bad input when accepting", () => {
  let token: string;
  let email: string;
  beforeAll(async () => {
    email = newAddress();
    token = await invite(email);
  });

  async function expectRefused(response: { statusCode: number; json(): { error: { code: string; details?: { field?: string }[] } } }, code: string, field: string) {
    expect(response.json().error.code).toBe(code);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details?.map((d) => d.field)).toContain(field);
    expect(await t.db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst()).toBeUndefined();
    expect((await preview(token)).statusCode).toBe(200);
  }

  it("refuses a password that is too short, naming the field", async () => {
    await expectRefused(await accept({ token, displayName: "Short", password: "short" }), "password_too_short", "password");
  });

  it("refuses a common password, naming the field", async () => {
    await expectRefused(await accept({ token, displayName: "Common", password: "password123" }), "password_too_common", "password");
  });

  it("refuses a blank display name", async () => {
    await expectRefused(await accept({ token, displayName: "   ", password: strongPassword }), "validation_failed", "displayName");
  });

  it("refuses an unknown field", async () => {
    await expectRefused(await accept({ token, displayName: "X", password: strongPassword, role: "admin" }), "validation_failed", "role");
  });

  it("refuses a wrong type", async () => {
    await expectRefused(await accept({ token, displayName: 42, password: strongPassword }), "validation_failed", "displayName");
  });

  it("refuses malformed JSON", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/invitations/accept",
      headers: { "content-type": "application/json" },
      payload: '{"token": "abc", ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe("invalid_json");
    expect((await preview(token)).statusCode).toBe(200);
  });
});
