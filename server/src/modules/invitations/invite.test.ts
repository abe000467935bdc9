import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import { buildUser, signIn, type Browser } from "../../../test/factories.ts";
import { startMailCatcher, type MailCatcher } from "../../../test/smtp.ts";
import { joiningRowCounts, mailsTo, setOrganisation, tokenFromMail } from "./testing.ts";

let t: TestContext;
let catcher: MailCatcher;
let admin: Browser;
let member: Browser;
let guest: Browser;
let counter = 0;

beforeAll(async () => {
  catcher = await startMailCatcher();
  t = await createTestContext({ config: { smtpUrl: catcher.url } });
  admin = await signIn(t.app, t.db, (await buildUser(t.db, { role: "admin" })).id);
  member = await signIn(t.app, t.db, (await buildUser(t.db, { role: "member", display_name: "Mia Member" })).id);
  guest = await signIn(t.app, t.db, (await buildUser(t.db, { role: "guest" })).id);
});
afterAll(async () => {
  await t.close();
  await catcher.close();
});
beforeEach(async () => {
  await setOrganisation(t.db, { membersCanInvite: false });
});

const newAddress = () => `invitee${++counter}@acme.example`;
const invite = (browser: Browser, payload: Record<string, unknown>) =>
  browser.inject({ method: "POST", url: "/api/v1/invitations", payload });
const invitationCount = async () => Number((await t.db.selectFrom("invitations").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow()).n);

describe("who may invite", () => {
  it("lets an admin invite a member", async () => {
    const email = newAddress();
    const response = await invite(admin, { email });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ email, role: "member", status: "pending", invitedBy: { id: admin.userId } });
  });

  it("lets an admin invite an admin", async () => {
    const response = await invite(admin, { email: newAddress(), role: "admin" });
    expect(response.statusCode).toBe(201);
    expect(response.json().role).toBe("admin");
  });

  it("refuses a member while the organisation does not let members invite", async () => {
    const before = await invitationCount();
    const response = await invite(member, { email: newAddress() });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe("forbidden");
    expect(await invitationCount()).toBe(before);
  });

  it("lets a member invite a member once the organisation allows it", async () => {
    await setOrganisation(t.db, { membersCanInvite: true });
    const email = newAddress();
    const response = await invite(member, { email });
    expect(response.statusCode).toBe(201);
    const mail = await catcher.waitFor(email);
    expect(mail.subject).toContain("Mia Member");
  });

  it("never lets a member invite an admin", async () => {
    await setOrganisation(t.db, { membersCanInvite: true });
    const response = await invite(member, { email: newAddress(), role: "admin" });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe("forbidden");
  });

  it("never lets a guest invite", async () => {
    await setOrganisation(t.db, { membersCanInvite: true });
    const response = await invite(guest, { email: newAddress() });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe("forbidden");
  });

  it("requires a signed-in person", async () => {
    const response = await t.app.inject({ method: "POST", url: "/api/v1/invitations", payload: { email: newAddress() } });
    expect(response.statusCode).toBe(401);
  });
});

describe("inviting an address", () => {
  it("refuses an address that already has an account", async () => {
    const existing = await buildUser(t.db);
    const response = await invite(admin, { email: existing.email.toUpperCase() });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: "email_taken", details: [{ field: "email" }] });
  });

  it("refuses a second invitation while one is pending", async () => {
    const email = newAddress();
    await invite(admin, { email });
    const response = await invite(admin, { email });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: "invitation_pending", details: [{ field: "email" }] });
  });

  it("invites again once the earlier invitation expired", async () => {
    const email = newAddress();
    await invite(admin, { email });
    await t.db.updateTable("invitations").set({ expires_at: new Date(Date.now() - 1000) }).where("email", "=", email).execute();
    expect((await invite(admin, { email })).statusCode).toBe(201);
  });

  it.each([
    ["an invalid email", { email: "not-an-email" }, "email"],
    ["an unknown field", { email: "x@acme.example", team: "sales" }, "team"],
    ["a wrong type", { email: 12 }, "email"],
    ["an unknown role", { email: "y@acme.example", role: "owner" }, "role"],
  ])("refuses %s, naming the field, and writes nothing", async (_label, payload, field) => {
    const before = await joiningRowCounts(t.db);
    const response = await invite(admin, payload);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe("validation_failed");
    expect(response.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(await joiningRowCounts(t.db)).toEqual(before);
  });

  it("refuses malformed JSON", async () => {
    const response = await admin.inject({
      method: "POST",
      url: "/api/v1/invitations",
      headers: { "content-type": "application/json" },
      payload: "{email:",
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe("invalid_json");
  });
});

describe("managing invitations", () => {
  it("lets the inviter revoke their invitation", async () => {
    await setOrganisation(t.db, { membersCanInvite: true });
    const created = (await invite(member, { email: newAddress() })).json();
    const response = await member.inject({ method: "DELETE", url: `/api/v1/invitations/${created.id}` });
    expect(response.statusCode).toBe(204);
    const row = await t.db.selectFrom("invitations").select("revoked_at").where("id", "=", created.id).executeTakeFirstOrThrow();
    expect(row.revoked_at).not.toBeNull();
  });

  it("answers 404 to someone else revoking an invitation they did not send", async () => {
    const created = (await invite(admin, { email: newAddress() })).json();
    const response = await member.inject({ method: "DELETE", url: `/api/v1/invitations/${created.id}` });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe("invitation_not_found");
    const row = await t.db.selectFrom("invitations").select("revoked_at").where("id", "=", created.id).executeTakeFirstOrThrow();
    expect(row.revoked_at).toBeNull();
  });

  it("answers 404 for an unknown invitation", async () => {
    const response = await admin.inject({ method: "DELETE", url: "/api/v1/invitations/0190c5a8-0000-7000-8000-000000000000" });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe("invitation_not_found");
  });

  it("resends with a new link: the old one stops working, the new one works", async () => {
    const email = newAddress();
    const created = (await invite(admin, { email })).json();
    const oldToken = tokenFromMail(await catcher.waitFor(email), "/invitations/accept");
    await t.db.updateTable("invitations").set({ expires_at: new Date(Date.now() - 1000) }).where("id", "=", created.id).execute();
    const response = await admin.inject({ method: "POST", url: `/api/v1/invitations/${created.id}/resend` });
    expect(response.statusCode).toBe(200);
    expect(response.json().status).toBe("pending");
    const second = (await mailsTo(catcher, email, 2))[1];
    if (!second) throw new Error("no second mail");
    const newToken = tokenFromMail(second, "/invitations/accept");
    expect(newToken).not.toBe(oldToken);
    expect((await t.app.inject({ method: "GET", url: `/api/v1/invitations/preview?token=${oldToken}` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: "GET", url: `/api/v1/invitations/preview?token=${newToken}` })).statusCode).toBe(200);
  });

  it("refuses to resend an accepted invitation", async () => {
    const email = newAddress();
    const created = (await invite(admin, { email })).json();
    const token = tokenFromMail(await catcher.waitFor(email), "/invitations/accept");
    await t.app.inject({ method: "POST", url: "/api/v1/invitations/accept", payload: { token, displayName: "Done", password: "a long enough passphrase 42" } });
    const response = await admin.inject({ method: "POST", url: `/api/v1/invitations/${created.id}/resend` });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe("invitation_accepted");
  });
});

describe("listing invitations", () => {
  it("pages through every invitation newest first, for admins", async () => {
    for (let i = 0; i < 4; i++) await invite(admin, { email: newAddress() });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/invitations?limit=3${cursor ? `&cursor=${cursor}` : ""}`;
      const page = (await admin.inject({ method: "GET", url })).json();
      seen.push(...page.items.map((item: { id: string }) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    const rows = await t.db.selectFrom("invitations").select("id").orderBy("created_at", "desc").orderBy("id", "desc").execute();
    expect(seen).toEqual(rows.map((row) => row.id));
    expect(seen.length).toBeGreaterThan(3);
  });

  it("filters by status", async () => {
    const revoked = (await invite(admin, { email: newAddress() })).json();
    await admin.inject({ method: "DELETE", url: `/api/v1/invitations/${revoked.id}` });
    const expired = (await invite(admin, { email: newAddress() })).json();
    await t.db.updateTable("invitations").set({ expires_at: new Date(Date.now() - 1000) }).where("id", "=", expired.id).execute();
    const list = async (status: string) =>
      (await admin.inject({ method: "GET", url: `/api/v1/invitations?status=${status}&limit=100` })).json().items as { id: string; status: string }[];
    const revokedItems = await list("revoked");
    expect(revokedItems.map((item) => item.id)).toContain(revoked.id);
    expect(revokedItems.every((item) => item.status === "revoked")).toBe(true);
    const expiredItems = await list("expired");
    expect(expiredItems.map((item) => item.id)).toContain(expired.id);
    expect(expiredItems.every((item) => item.status === "expired")).toBe(true);
    expect((await list("pending")).map((item) => item.id)).not.toContain(expired.id);
  });

  it("shows a member only the invitations they sent", async () => {
    await setOrganisation(t.db, { membersCanInvite: true });
    const mine = (await invite(member, { email: newAddress() })).json();
    await invite(admin, { email: newAddress() });
    const page = (await member.inject({ method: "GET", url: "/api/v1/invitations?limit=100" })).json();
    expect(page.items.map((item: { id: string }) => item.id)).toContain(mine.id);
    expect(page.items.every((item: { invitedBy: { id: string } }) => item.invitedBy.id === member.userId)).toBe(true);
  });

  it("refuses a cursor it did not give out", async () => {
    const response = await admin.inject({ method: "GET", url: "/api/v1/invitations?cursor=garbage" });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe("cursor");
  });
});
