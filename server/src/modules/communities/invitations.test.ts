import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import { browserFor, sessionCookieFrom, type Browser } from "../../../test/factories.ts";
import { startMailCatcher, type MailCatcher } from "../../../test/smtp.ts";
import { setOrganisation, tokenFromMail } from "../invitations/testing.ts";
import { addMember, createThrough, eventsAbout, listedIds, personBrowser, UNKNOWN_ID } from "./testing.ts";

let t: TestContext;
let catcher: MailCatcher;
let admin: Browser;
let owner: Browser;
let manager: Browser;
let invitee: Browser;
let bystander: Browser;
let counter = 0;

beforeAll(async () => {
  catcher = await startMailCatcher();
  t = await createTestContext({ config: { smtpUrl: catcher.url } });
  await setOrganisation(t.db, { name: "Acme" });
  admin = await personBrowser(t, { role: "admin", display_name: "Ada Admin" });
  owner = await personBrowser(t, { display_name: "Olivia Owner" });
  manager = await personBrowser(t, { display_name: "Manon Manager" });
  invitee = await personBrowser(t, { display_name: "Ines Invitee" });
  bystander = await personBrowser(t, { display_name: "Basile Bystander" });
});
afterAll(async () => {
  await t.close();
  await catcher.close();
});
beforeEach(async () => {
  await setOrganisation(t.db, { defaultLanguage: "fr" });
});

const newAddress = () => `partner${++counter}@globex.example`;
const strongPassword = "a long enough passphrase 42";

/** A community owned by `owner` (an admin for external ones) and managed by `manager`. */
async function communityOf(body: Record<string, unknown>): Promise<string> {
  const creator = body.kind === "external" || body.kind === "company" ? admin : owner;
  const { id } = await createThrough(creator, { visibility: "secret", ...body });
  await addMember(t, id, manager.userId, "manager");
  return id;
}

const invite = (browser: Browser, id: string, payload: Record<string, unknown>) =>
  browser.inject({ method: "POST", url: `/api/v1/communities/${id}/invitations`, payload });
const answer = (browser: Browser, id: string, invitationId: string, action: "accept" | "decline") =>
  browser.inject({ method: "POST", url: `/api/v1/communities/${id}/invitations/${invitationId}/${action}` });
const revoke = (browser: Browser, id: string, invitationId: string) =>
  browser.inject({ method: "DELETE", url: `/api/v1/communities/${id}/invitations/${invitationId}` });
const get = (browser: Browser, id: string) => browser.inject({ method: "GET", url: `/api/v1/communities/${id}` });

async function invited(id: string, payload: Record<string, unknown>, by = manager): Promise<string> {
  const response = await invite(by, id, payload);
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

function expectError(response: { statusCode: number; json(): { error: { code: string } } }, status: number, code: string): void {
  expect(response.statusCode).toBe(status);
  expect(response.json().error.code).toBe(code);
}

/** Accepts a guest's mailed link and signs in with the chosen password, as the person would. */
async function acceptAsGuest(email: string, displayName: string): Promise<Browser> {
  const token = tokenFromMail(await catcher.waitFor(email), "/invitations/accept");
  const accepted = await t.app.inject({ method: "POST", url: "/api/v1/invitations/accept", payload: { token, displayName, password: strongPassword } });
  expect(accepted.statusCode, accepted.body).toBe(201);
  expect(accepted.json().user.role).toBe("guest");
  const login = await t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email, password: strongPassword } });
  expect(login.statusCode).toBe(200);
  return browserFor(t.app, accepted.json().user.id, sessionCookieFrom(login.headers["set-cookie"]) ?? "", login.json().csrfToken);
}

describe("inviting someone who has an account", () => {
  it("shows a secret community to its invitee, with the invitation, in ?invited=true, with an event", async () => {
    const id = await communityOf({ name: "Board" });
    const response = await invite(manager, id, { userId: invitee.userId });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      communityId: id,
      person: { id: invitee.userId, displayName: "Ines Invitee" },
      email: null,
      role: "member",
      guest: false,
      invitedBy: { id: manager.userId, displayName: "Manon Manager" },
      status: "pending",
    });
    expect((await get(invitee, id)).json()).toMatchObject({ myRole: null, myInvitation: { id: response.json().id, invitedBy: { id: manager.userId } } });
    expect(await listedIds(invitee, "&invited=true")).toContain(id);
    expect(await eventsAbout(t, "community_invitation.created", id)).toEqual([
      { actor_id: manager.userId, payload: { invitationId: response.json().id, userId: invitee.userId, role: "member" } },
    ]);
  });

  it("treats an address that has an account as that account, whatever its case", async () => {
    const id = await communityOf({ name: "By address" });
    const account = await t.db.selectFrom("users").select("email").where("id", "=", invitee.userId).executeTakeFirstOrThrow();
    const response = await invite(manager, id, { email: account.email.toUpperCase() });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ person: { id: invitee.userId }, guest: false });
  });

  it.each([
    ["neither userId nor email", {}, "userId"],
    ["both userId and email", { userId: UNKNOWN_ID, email: "x@acme.example" }, "email"],
    ["an invalid email", { email: "not-an-address" }, "email"],
    ["an unknown role", { userId: UNKNOWN_ID, role: "owner" }, "role"],
  ])("refuses %s, naming the field", async (_label, payload, field) => {
    const id = await communityOf({ name: `Bad input ${field}` });
    const response = await invite(manager, id, payload);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it("answers 404 user_not_found for an unknown or deactivated person", async () => {
    const id = await communityOf({ name: "Nobody" });
    const gone = await personBrowser(t);
    await t.db.updateTable("users").set({ status: "deactivated" }).where("id", "=", gone.userId).execute();
    const unknown = await invite(manager, id, { userId: UNKNOWN_ID });
    expectError(unknown, 404, "user_not_found");
    expect((await invite(admin, id, { userId: gone.userId })).json()).toEqual(unknown.json());
  });

  it("refuses a member (409) and a second pending invitation (409)", async () => {
    const id = await communityOf({ name: "Twice" });
    expectError(await invite(owner, id, { userId: manager.userId }), 409, "community_already_member");
    await invited(id, { userId: invitee.userId });
    expectError(await invite(owner, id, { userId: invitee.userId }), 409, "community_invitation_pending");
  });

  it("lets only owners, managers and admins invite, and hides a secret community from others", async () => {
    const id = await communityOf({ name: "Who invites", visibility: "closed" });
    await addMember(t, id, bystander.userId);
    expectError(await invite(bystander, id, { userId: invitee.userId }), 403, "forbidden");
    const secret = await communityOf({ name: "Who sees" });
    const hidden = await invite(bystander, secret, { userId: invitee.userId });
    expectError(hidden, 404, "community_not_found");
    expect((await invite(bystander, UNKNOWN_ID, { userId: invitee.userId })).json()).toEqual(hidden.json());
    expect((await invite(admin, secret, { userId: bystander.userId })).statusCode).toBe(201);
  });

  it("lets managers invite managers", async () => {
    const id = await communityOf({ name: "Co-managers" });
    const invitationId = await invited(id, { userId: invitee.userId, role: "manager" });
    expect((await answer(invitee, id, invitationId, "accept")).json()).toMatchObject({ myRole: "manager", canManage: true });
  });

  it("keeps guests to external communities", async () => {
    const guest = await personBrowser(t, { role: "guest" });
    const internal = await communityOf({ name: "Internal", kind: "project" });
    expectError(await invite(manager, internal, { userId: guest.userId }), 403, "community_guest_external_only");
  });

  it("invites nobody into the company community: everyone but guests already belongs", async () => {
    const company = await t.db.selectFrom("communities").select("id").where("kind", "=", "company").executeTakeFirstOrThrow();
    expectError(await invite(admin, company.id, { userId: invitee.userId }), 409, "community_already_member");
  });

  it("refuses while the community is archived", async () => {
    const id = await communityOf({ name: "Archived invitations" });
    await owner.inject({ method: "POST", url: `/api/v1/communities/${id}/archive` });
    expectError(await invite(manager, id, { userId: invitee.userId }), 409, "community_archived");
  });
});

describe("answering an invitation", () => {
  it("makes the invitee a member on accepting, with an event, and the invitation is gone", async () => {
    const id = await communityOf({ name: "Accepted" });
    const invitationId = await invited(id, { userId: invitee.userId });
    const response = await answer(invitee, id, invitationId, "accept");
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id, myRole: "member", myInvitation: null });
    expect(await listedIds(invitee, "&invited=true")).not.toContain(id);
    expect(await eventsAbout(t, "community_invitation.accepted", id)).toEqual([
      { actor_id: invitee.userId, payload: { invitationId, userId: invitee.userId, role: "member" } },
    ]);
    expectError(await answer(invitee, id, invitationId, "accept"), 409, "community_invitation_decided");
  });

  it("answers 404 to anyone but the invitee, as for an unknown invitation", async () => {
    const id = await communityOf({ name: "Not yours", visibility: "public" });
    const invitationId = await invited(id, { userId: invitee.userId });
    const foreign = await answer(bystander, id, invitationId, "accept");
    expectError(foreign, 404, "community_invitation_not_found");
    expect((await answer(bystander, id, UNKNOWN_ID, "accept")).json()).toEqual(foreign.json());
    expectError(await answer(manager, id, invitationId, "decline"), 404, "community_invitation_not_found");
  });

  it("declines: a secret community hides itself again, and declining twice changes nothing", async () => {
    const id = await communityOf({ name: "Declined" });
    const invitationId = await invited(id, { userId: invitee.userId });
    expect((await answer(invitee, id, invitationId, "decline")).statusCode).toBe(204);
    expectError(await get(invitee, id), 404, "community_not_found");
    const open = await communityOf({ name: "Declined twice", visibility: "closed" });
    const second = await invited(open, { userId: invitee.userId });
    expect((await answer(invitee, open, second, "decline")).statusCode).toBe(204);
    expect((await answer(invitee, open, second, "decline")).statusCode).toBe(204);
    expectError(await answer(invitee, open, second, "accept"), 409, "community_invitation_decided");
    expect(await eventsAbout(t, "community_invitation.declined", open)).toHaveLength(1);
  });

  it("refuses accepting into an archived community, but lets the invitee decline", async () => {
    const id = await communityOf({ name: "Archived answer" });
    const invitationId = await invited(id, { userId: invitee.userId });
    await owner.inject({ method: "POST", url: `/api/v1/communities/${id}/archive` });
    expectError(await answer(invitee, id, invitationId, "accept"), 409, "community_archived");
    expect((await answer(invitee, id, invitationId, "decline")).statusCode).toBe(204);
  });

  it("accepts the invitation when the invitee joins a closed or secret community", async () => {
    for (const visibility of ["closed", "secret"]) {
      const id = await communityOf({ name: `Join ${visibility}`, visibility });
      const invitationId = await invited(id, { userId: invitee.userId, role: "manager" });
      const response = await invitee.inject({ method: "POST", url: `/api/v1/communities/${id}/join` });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ myRole: "manager", myInvitation: null });
      const row = await t.db.selectFrom("community_invitations").select("status").where("id", "=", invitationId).executeTakeFirstOrThrow();
      expect(row.status).toBe("accepted");
    }
  });

  it("settles a pending request when the requester accepts an invitation", async () => {
    const id = await communityOf({ name: "Asked and invited", visibility: "closed" });
    const request = (await invitee.inject({ method: "POST", url: `/api/v1/communities/${id}/requests`, payload: {} })).json();
    const invitationId = await invited(id, { userId: invitee.userId });
    await answer(invitee, id, invitationId, "accept");
    const row = await t.db.selectFrom("community_requests").select(["status", "decided_by"]).where("id", "=", request.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: "approved", decided_by: manager.userId });
  });
});

describe("the managers' list and revoking", () => {
  it("lists pending invitations oldest first, page by page, for managers only", async () => {
    const id = await communityOf({ name: "Listed", visibility: "closed" });
    const first = await invited(id, { userId: invitee.userId });
    const second = await invited(id, { userId: bystander.userId });
    const page = (await manager.inject({ method: "GET", url: `/api/v1/communities/${id}/invitations?limit=1` })).json();
    const next = (await owner.inject({ method: "GET", url: `/api/v1/communities/${id}/invitations?limit=1&cursor=${page.nextCursor}` })).json();
    expect([...page.items, ...next.items].map((item: { id: string }) => item.id)).toEqual([first, second]);
    expect(next.nextCursor).toBeNull();
    await answer(bystander, id, second, "decline");
    const pending = (await manager.inject({ method: "GET", url: `/api/v1/communities/${id}/invitations` })).json();
    expect(pending.items.map((item: { id: string }) => item.id)).toEqual([first]);
    expectError(await invitee.inject({ method: "GET", url: `/api/v1/communities/${id}/invitations` }), 403, "forbidden");
  });

  it("revokes: the invitee no longer sees the secret community; revoking again changes nothing", async () => {
    const id = await communityOf({ name: "Revoked" });
    const invitationId = await invited(id, { userId: invitee.userId });
    expect((await revoke(manager, id, invitationId)).statusCode).toBe(204);
    expect((await revoke(manager, id, invitationId)).statusCode).toBe(204);
    expectError(await get(invitee, id), 404, "community_not_found");
    expect(await eventsAbout(t, "community_invitation.revoked", id)).toHaveLength(1);
  });

  it("refuses revoking an answered invitation, an unknown one, or by a plain member", async () => {
    const id = await communityOf({ name: "Revoke rules", visibility: "closed" });
    const invitationId = await invited(id, { userId: invitee.userId });
    await addMember(t, id, bystander.userId);
    expectError(await revoke(bystander, id, invitationId), 403, "forbidden");
    await answer(invitee, id, invitationId, "accept");
    expectError(await revoke(manager, id, invitationId), 409, "community_invitation_decided");
    expectError(await revoke(manager, id, UNKNOWN_ID), 404, "community_invitation_not_found");
  });
});

describe("inviting a guest by email", () => {
  it("refuses an address with no account outside external communities", async () => {
    const id = await communityOf({ name: "Internal only", kind: "project" });
    expectError(await invite(manager, id, { email: newAddress() }), 403, "community_guest_external_only");
    expect(await t.db.selectFrom("invitations").select("id").where("role", "=", "guest").where("invited_by", "=", manager.userId).execute()).toEqual([]);
  });

  it("refuses a guest who manages an external community to invite an address with no account", async () => {
    const id = await communityOf({ name: "Guest-run", kind: "external" });
    const guest = await personBrowser(t, { role: "guest" });
    await addMember(t, id, guest.userId, "manager");
    expectError(await invite(guest, id, { email: newAddress() }), 403, "forbidden");
    expect((await guest.inject({ method: "GET", url: `/api/v1/communities/${id}/invitations` })).json().items).toEqual([]);
  });

  it("mails a guest invitation naming the community, in French, as HTML and text", async () => {
    const id = await communityOf({ name: "Globex × Acme", kind: "external" });
    const email = newAddress();
    const response = await invite(manager, id, { email });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ communityId: id, person: null, email, guest: true, status: "pending" });
    const mail = await catcher.waitFor(email);
    expect(mail.subject).toBe("Manon Manager vous invite en tant qu'invité·e dans la communauté « Globex × Acme » sur Ruche");
    expect(mail.text).toContain("vous invite à rejoindre la communauté « Globex × Acme » de Acme sur Ruche, en tant qu'invité·e.");
    expect(mail.text).toContain("vous ne voyez que les communautés auxquelles vous êtes invité·e");
    expect(mail.html).toContain('lang="fr"');
    expect(mail.html).toContain("« Globex × Acme »");
    expect(mail.html).toContain("invité·e");
    const network = await t.db.selectFrom("invitations").select(["role", "invited_by"]).where("email", "=", email).executeTakeFirstOrThrow();
    expect(network).toEqual({ role: "guest", invited_by: manager.userId });
  });

  it("writes the guest invitation in English when that is the organisation's language", async () => {
    await setOrganisation(t.db, { defaultLanguage: "en" });
    const id = await communityOf({ name: "Initech deal", kind: "external" });
    const email = newAddress();
    await invited(id, { email });
    const mail = await catcher.waitFor(email);
    expect(mail.subject).toBe("Manon Manager invites you as a guest to the community “Initech deal” on Ruche");
    expect(mail.text).toContain("invites you to join the community “Initech deal” of Acme on Ruche, as a guest.");
    expect(mail.text).toContain("As a guest, you see only the communities you are invited to and their members.");
    expect(mail.html).toContain('lang="en"');
    expect(mail.html).toContain("Initech deal");
  });

  it("brings the guest into exactly that community on accepting the link, and shows them nothing else", async () => {
    const id = await communityOf({ name: "Supplier room", kind: "external" });
    const otherExternal = await communityOf({ name: "Other partners", kind: "external" });
    const { id: publicId } = await createThrough(owner, { name: "Lunch club", visibility: "public" });
    const email = newAddress();
    const invitationId = await invited(id, { email, role: "manager" });
    const guest = await acceptAsGuest(email, "Gaston Guest");
    expect(await listedIds(guest)).toEqual([id]);
    expect((await get(guest, id)).json()).toMatchObject({ myRole: "manager", myInvitation: null, external: true });
    for (const hidden of [otherExternal, publicId]) expectError(await get(guest, hidden), 404, "community_not_found");
    const people = (await guest.inject({ method: "GET", url: "/api/v1/people?limit=100" })).json();
    expect(people.items.map((person: { id: string }) => person.id).sort()).toEqual([admin.userId, manager.userId, guest.userId].sort());
    const row = await t.db.selectFrom("community_invitations").select(["status", "user_id"]).where("id", "=", invitationId).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: "accepted", user_id: guest.userId });
    expect((await eventsAbout(t, "community_invitation.accepted", id))[0]?.payload).toMatchObject({ invitationId, userId: guest.userId, role: "manager" });
  });

  it("reuses the pending link of an address invited twice: one mail, both communities on accepting", async () => {
    const first = await communityOf({ name: "First room", kind: "external" });
    const second = await communityOf({ name: "Second room", kind: "external" });
    const email = newAddress();
    await invited(first, { email });
    // The mail names the communities pending when it is written; waiting for it keeps that to the first one.
    await catcher.waitFor(email);
    await invited(second, { email: email.toUpperCase() }, admin);
    expect(await t.db.selectFrom("invitations").select("id").where("email", "=", email).execute()).toHaveLength(1);
    expectError(await invite(admin, first, { email }), 409, "community_invitation_pending");
    const guest = await acceptAsGuest(email, "Greta Guest");
    expect((await listedIds(guest)).sort()).toEqual([first, second].sort());
    const mailsToAddress = catcher.messages.filter((mail) => [mail.to].flat().some((to) => to?.value.some((v) => v.address?.toLowerCase() === email)));
    expect(mailsToAddress.map((mail) => mail.subject)).toEqual(["Manon Manager vous invite en tant qu'invité·e dans la communauté « First room » sur Ruche"]);
  });

  it("revokes the guest's link with the last community invitation that needed it", async () => {
    const first = await communityOf({ name: "Room one", kind: "external" });
    const second = await communityOf({ name: "Room two", kind: "external" });
    const email = newAddress();
    const one = await invited(first, { email });
    const two = await invited(second, { email });
    const network = () => t.db.selectFrom("invitations").select("revoked_at").where("email", "=", email).executeTakeFirstOrThrow();
    await revoke(manager, first, one);
    expect((await network()).revoked_at).toBeNull();
    await revoke(manager, second, two);
    expect((await network()).revoked_at).not.toBeNull();
  });
});
