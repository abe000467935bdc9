import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import type { Browser } from "../../../test/factories.ts";
import { addMember, createThrough, eventsAbout, personBrowser, rolesIn, UNKNOWN_ID } from "./testing.ts";

let t: TestContext;
let owner: Browser;
let manager: Browser;
let asker: Browser;
let bystander: Browser;
let admin: Browser;

beforeAll(async () => {
  t = await createTestContext({ work: false });
  owner = await personBrowser(t, { display_name: "Olivia Owner" });
  manager = await personBrowser(t, { display_name: "Manon Manager" });
  asker = await personBrowser(t, { display_name: "Arthur Asker" });
  bystander = await personBrowser(t, { display_name: "Basile Bystander" });
  admin = await personBrowser(t, { role: "admin" });
});
afterAll(() => t.close());

/** A closed community owned by `owner`, with `manager` as its manager. */
async function closedCommunity(name: string, visibility = "closed"): Promise<string> {
  const { id } = await createThrough(owner, { name, visibility });
  await addMember(t, id, manager.userId, "manager");
  return id;
}

const ask = (browser: Browser, id: string, payload: Record<string, unknown> = {}) =>
  browser.inject({ method: "POST", url: `/api/v1/communities/${id}/requests`, payload });
const decide = (browser: Browser, id: string, requestId: string, action: "approve" | "refuse", payload: Record<string, unknown> = {}) =>
  browser.inject({ method: "POST", url: `/api/v1/communities/${id}/requests/${requestId}/${action}`, ...(action === "refuse" ? { payload } : {}) });
const withdraw = (browser: Browser, id: string, requestId: string) => browser.inject({ method: "DELETE", url: `/api/v1/communities/${id}/requests/${requestId}` });
const list = (browser: Browser, id: string, query = "") => browser.inject({ method: "GET", url: `/api/v1/communities/${id}/requests${query}` });
const community = (browser: Browser, id: string) => browser.inject({ method: "GET", url: `/api/v1/communities/${id}` });

async function askedRequest(id: string, browser = asker): Promise<string> {
  const response = await ask(browser, id, { message: "I work on this" });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

describe("asking to join", () => {
  it("records a pending request with its message, shows it on the community, with an event", async () => {
    const id = await closedCommunity("Steering");
    const response = await ask(asker, id, { message: "  I lead the Lyon office  " });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      communityId: id,
      person: { id: asker.userId, displayName: "Arthur Asker" },
      message: "I lead the Lyon office",
      status: "pending",
      reason: null,
      decidedBy: null,
      decidedAt: null,
    });
    expect((await community(asker, id)).json()).toMatchObject({ myRole: null, myRequest: { id: response.json().id } });
    const events = await eventsAbout(t, "request.created", id);
    expect(events).toEqual([{ actor_id: asker.userId, payload: { requestId: response.json().id, userId: asker.userId } }]);
  });

  it("returns the pending request with 200 when asked twice, and keeps one", async () => {
    const id = await closedCommunity("Twice");
    const first = await ask(asker, id, { message: "first" });
    const second = await ask(asker, id, { message: "second" });
    expect(second.statusCode).toBe(200);
    expect(second.json()).toEqual(first.json());
    expect(await eventsAbout(t, "request.created", id)).toHaveLength(1);
  });

  it("tells that a public community is joined directly", async () => {
    const { id } = await createThrough(owner, { name: "Open house" });
    const response = await ask(asker, id);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe("community_request_not_needed");
  });

  it("refuses a member, including everyone in the company community", async () => {
    const id = await closedCommunity("Members only");
    const company = await t.db.selectFrom("communities").select("id").where("kind", "=", "company").executeTakeFirstOrThrow();
    for (const [browser, communityId] of [[manager, id], [asker, company.id]] as const) {
      const response = await ask(browser, communityId);
      expect(response.statusCode).toBe(409);
      expect(response.json().error.code).toBe("community_already_member");
    }
  });

  it("answers 404 for a secret community, exactly as for an unknown one", async () => {
    const id = await closedCommunity("Hush", "secret");
    const hidden = await ask(asker, id);
    const unknown = await ask(asker, UNKNOWN_ID);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json()).toEqual(unknown.json());
    expect(hidden.json().error.code).toBe("community_not_found");
  });

  it("tells an administrator that a secret community is by invitation", async () => {
    const id = await closedCommunity("Board", "secret");
    const response = await ask(admin, id);
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe("community_invitation_only");
  });

  it("answers 404 to a guest, who sees no community they are not invited to", async () => {
    const guest = await personBrowser(t, { role: "guest" });
    const { id } = await createThrough(admin, { kind: "external", name: "Suppliers", visibility: "closed" });
    const response = await ask(guest, id);
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe("community_not_found");
  });

  it("refuses while the community is archived", async () => {
    const id = await closedCommunity("Frozen");
    await owner.inject({ method: "POST", url: `/api/v1/communities/${id}/archive` });
    const response = await ask(asker, id);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe("community_archived");
  });

  it("lets an invitee in at once: the request is approved by the inviter", async () => {
    const id = await closedCommunity("Invited");
    const invited = await manager.inject({ method: "POST", url: `/api/v1/communities/${id}/invitations`, payload: { userId: asker.userId, role: "manager" } });
    expect(invited.statusCode).toBe(201);
    const response = await ask(asker, id, { message: "here I am" });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ status: "approved", decidedBy: { id: manager.userId }, message: "here I am" });
    expect((await community(asker, id)).json()).toMatchObject({ myRole: "manager", myInvitation: null, myRequest: null });
    const invitation = await t.db.selectFrom("community_invitations").select("status").where("id", "=", invited.json().id).executeTakeFirstOrThrow();
    expect(invitation.status).toBe("accepted");
  });

  it("refuses a message over 1000 characters, naming the field", async () => {
    const id = await closedCommunity("Wordy");
    const response = await ask(asker, id, { message: "x".repeat(1001) });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.map((d: { field: string }) => d.field)).toContain("message");
  });
});

describe("the managers' list of requests", () => {
  it("shows pending requests oldest first, page by page", async () => {
    const id = await closedCommunity("Queue");
    await askedRequest(id, asker);
    await askedRequest(id, bystander);
    const first = (await list(manager, id, "?limit=1")).json();
    const second = (await list(manager, id, `?limit=1&cursor=${first.nextCursor}`)).json();
    expect([...first.items, ...second.items].map((item: { person: { id: string } }) => item.person.id)).toEqual([asker.userId, bystander.userId]);
    expect(second.nextCursor).toBeNull();
  });

  it("filters by status", async () => {
    const id = await closedCommunity("Sorted");
    const refused = await askedRequest(id, asker);
    await askedRequest(id, bystander);
    await decide(manager, id, refused, "refuse");
    const page = (await list(owner, id, "?status=refused")).json();
    expect(page.items.map((item: { id: string }) => item.id)).toEqual([refused]);
  });

  it("is refused to members and to non-members who can see the community", async () => {
    const id = await closedCommunity("Private queue");
    await addMember(t, id, bystander.userId);
    for (const browser of [bystander, asker]) {
      const response = await list(browser, id);
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe("forbidden");
    }
  });

  it("answers 404 on a secret community one does not belong to", async () => {
    const id = await closedCommunity("Secret queue", "secret");
    const response = await list(asker, id);
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe("community_not_found");
  });

  it("refuses a cursor it did not give out, naming the field", async () => {
    const id = await closedCommunity("Cursors");
    const response = await list(manager, id, "?cursor=nonsense");
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe("cursor");
  });
});

describe("approving and refusing", () => {
  it("makes the requester a member on approval, with an event", async () => {
    const id = await closedCommunity("Approved");
    const requestId = await askedRequest(id);
    const response = await decide(manager, id, requestId, "approve");
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: "approved", decidedBy: { id: manager.userId, displayName: "Manon Manager" } });
    expect(response.json().decidedAt).not.toBeNull();
    expect((await community(asker, id)).json()).toMatchObject({ myRole: "member", myRequest: null });
    expect(await eventsAbout(t, "request.approved", id)).toEqual([{ actor_id: manager.userId, payload: { requestId, userId: asker.userId, role: "member" } }]);
  });

  it("stores a refusal's reason for the requester, who may ask again", async () => {
    const id = await closedCommunity("Refused");
    const requestId = await askedRequest(id);
    const response = await decide(owner, id, requestId, "refuse", { reason: "  Only the steering group  " });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: "refused", reason: "Only the steering group", decidedBy: { id: owner.userId } });
    const seen = (await community(asker, id)).json();
    expect(seen).toMatchObject({ myRole: null, myRequest: null, myRefusal: { reason: "Only the steering group" } });
    expect(Date.parse(seen.myRefusal.decidedAt)).not.toBeNaN();
    // Only the requester learns the reason.
    expect((await community(owner, id)).json().myRefusal).toBeNull();
    expect((await eventsAbout(t, "request.refused", id))[0]?.payload).toMatchObject({ requestId, reason: "Only the steering group" });
    expect((await ask(asker, id)).statusCode).toBe(201);
    expect((await community(asker, id)).json()).toMatchObject({ myRefusal: null, myRequest: { id: expect.any(String) } });
  });

  it("refuses to decide a request twice", async () => {
    const id = await closedCommunity("Once");
    const requestId = await askedRequest(id);
    await decide(manager, id, requestId, "approve");
    for (const action of ["approve", "refuse"] as const) {
      const response = await decide(owner, id, requestId, action);
      expect(response.statusCode).toBe(409);
      expect(response.json().error.code).toBe("community_request_decided");
    }
  });

  it("answers 404 for a request of another community, as for an unknown one", async () => {
    const mine = await closedCommunity("Mine");
    const theirs = await closedCommunity("Theirs");
    const requestId = await askedRequest(theirs);
    const foreign = await decide(manager, mine, requestId, "approve");
    const unknown = await decide(manager, mine, UNKNOWN_ID, "approve");
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toEqual(unknown.json());
    expect(foreign.json().error.code).toBe("community_request_not_found");
  });

  it("is refused to a plain member (403) and hidden from outsiders of a secret community (404)", async () => {
    const id = await closedCommunity("Guarded");
    const requestId = await askedRequest(id);
    await addMember(t, id, bystander.userId);
    expect((await decide(bystander, id, requestId, "approve")).json().error.code).toBe("forbidden");
    const secret = await closedCommunity("Hidden guard", "secret");
    const hidden = await decide(asker, secret, requestId, "approve");
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error.code).toBe("community_not_found");
  });

  it("refuses decisions while the community is archived", async () => {
    const id = await closedCommunity("Archived queue");
    const requestId = await askedRequest(id);
    await owner.inject({ method: "POST", url: `/api/v1/communities/${id}/archive` });
    const response = await decide(manager, id, requestId, "approve");
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe("community_archived");
  });

  it("still records the membership of a requester deactivated since, which shows once reactivated", async () => {
    const id = await closedCommunity("Dormant");
    const leaver = await personBrowser(t);
    const requestId = await askedRequest(id, leaver);
    await t.db.updateTable("users").set({ status: "deactivated" }).where("id", "=", leaver.userId).execute();
    expect((await decide(manager, id, requestId, "approve")).statusCode).toBe(200);
    expect((await rolesIn(t, id))[leaver.userId]).toBe("member");
    const members = (await manager.inject({ method: "GET", url: `/api/v1/communities/${id}/members` })).json();
    expect(members.items.map((item: { person: { id: string } }) => item.person.id)).not.toContain(leaver.userId);
  });

  it("refuses a reason over 1000 characters, naming the field", async () => {
    const id = await closedCommunity("Long reasons");
    const requestId = await askedRequest(id);
    const response = await decide(manager, id, requestId, "refuse", { reason: "x".repeat(1001) });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.map((d: { field: string }) => d.field)).toContain("reason");
  });
});

describe("withdrawing a request", () => {
  it("lets the requester withdraw, then changes nothing the second time", async () => {
    const id = await closedCommunity("Changed my mind");
    const requestId = await askedRequest(id);
    expect((await withdraw(asker, id, requestId)).statusCode).toBe(204);
    expect((await withdraw(asker, id, requestId)).statusCode).toBe(204);
    expect((await community(asker, id)).json().myRequest).toBeNull();
    expect((await list(manager, id, "?status=withdrawn")).json().items.map((item: { id: string }) => item.id)).toEqual([requestId]);
    expect(await eventsAbout(t, "request.withdrawn", id)).toHaveLength(1);
  });

  it("answers 404 to anyone but the requester, managers included", async () => {
    const id = await closedCommunity("Not yours");
    const requestId = await askedRequest(id);
    for (const browser of [bystander, manager]) {
      const response = await withdraw(browser, id, requestId);
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe("community_request_not_found");
    }
    expect((await list(manager, id)).json().items).toHaveLength(1);
  });

  it("refuses to withdraw a request already decided", async () => {
    const id = await closedCommunity("Too late");
    const requestId = await askedRequest(id);
    await decide(manager, id, requestId, "refuse");
    const response = await withdraw(asker, id, requestId);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe("community_request_decided");
  });

  it("is allowed while the community is archived, like leaving", async () => {
    const id = await closedCommunity("Archived ask");
    const requestId = await askedRequest(id);
    await owner.inject({ method: "POST", url: `/api/v1/communities/${id}/archive` });
    expect((await withdraw(asker, id, requestId)).statusCode).toBe(204);
  });
});
