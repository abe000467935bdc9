import type { PushPayload } from "@ruche/contracts";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import type { Browser } from "../../../test/factories.ts";
import { newId } from "../../platform/ids.ts";
import { addMember, createThrough, personBrowser } from "../communities/testing.ts";
import { postThrough } from "../posts/testing.ts";
import { deliverPush } from "./channel.ts";
import { browserKeys, decryptPush, fakePushService, verifyVapid, type FakeBrowserKeys } from "./testing.ts";

let t: TestContext;
let pushService: Awaited<ReturnType<typeof fakePushService>>;
let author: Browser;
let club: string;

beforeAll(async () => {
  pushService = await fakePushService();
  t = await createTestContext({ work: false, pushAllowHosts: [pushService.host], config: { mailFrom: "Ruche <ruche@acme.example>" } });
  author = await personBrowser(t, { display_name: "Camille Martin" });
  club = (await createThrough(author, { name: "Chess club" })).id;
});
afterAll(async () => {
  await t.close();
  await pushService.close();
});
beforeEach(() => {
  pushService.received.length = 0;
  pushService.status = 201;
});

/** A member of the club with one browser subscribed to push at the loopback service. */
async function subscribedReader(language: "fr" | "en" = "en"): Promise<{ browser: Browser; keys: FakeBrowserKeys; endpoint: string }> {
  const browser = await personBrowser(t, { language });
  await addMember(t, club, browser.userId);
  const keys = browserKeys();
  const endpoint = `http://${pushService.host}/push/${newId()}`;
  const response = await browser.inject({ method: "POST", url: "/api/v1/push/subscriptions", payload: { endpoint, keys: { p256dh: keys.p256dh, auth: keys.auth } } });
  expect(response.statusCode, response.body).toBe(204);
  return { browser, keys, endpoint };
}

/** A mention of `userId` by the author in a new post, written as the notifications module writes it. */
async function mention(userId: string, body = "Tournament on Friday"): Promise<{ id: string; postId: string }> {
  const post = await postThrough(author, club, body);
  const id = newId();
  await t.db
    .insertInto("notifications")
    .values({ id, user_id: userId, kind: "mention", community_id: club, post_id: post.id, actor_ids: [author.userId], grouped_actor_ids: [author.userId], actor_count: 1, reason: null })
    .execute();
  return { id, postId: post.id };
}

const payloadOf = (index: number, keys: FakeBrowserKeys): PushPayload => {
  const push = pushService.received[index];
  if (!push) throw new Error(`no push #${index} was received`);
  return JSON.parse(decryptPush(push.body, keys)) as PushPayload;
};

describe("a push to a subscribed browser", () => {
  it("arrives encrypted for the browser's keys, with the notification's text and where it leads", async () => {
    const reader = await subscribedReader();
    const { id, postId } = await mention(reader.browser.userId);
    await deliverPush(t.runtime, { userId: reader.browser.userId, notificationIds: [id], urgent: false });
    expect(pushService.received).toHaveLength(1);
    expect(pushService.received[0]?.headers["content-encoding"]).toBe("aes128gcm");
    expect(payloadOf(0, reader.keys)).toMatchObject({ title: "Camille Martin mentioned you in a post", body: "Tournament on Friday", url: `/posts/${postId}` });
  });

  it("is signed with the server's VAPID key for the push service's origin", async () => {
    const reader = await subscribedReader();
    const { id } = await mention(reader.browser.userId);
    await deliverPush(t.runtime, { userId: reader.browser.userId, notificationIds: [id], urgent: false });
    const { publicKey } = (await reader.browser.inject({ method: "GET", url: "/api/v1/push/key" })).json();
    const claims = verifyVapid(pushService.received[0]?.headers.authorization, publicKey);
    expect(claims).toMatchObject({ aud: `http://${pushService.host}`, sub: "mailto:ruche@acme.example" });
    expect(Number(claims.exp) * 1000).toBeGreaterThan(Date.now());
  });

  it("summarises several notifications in one push, in the person's language, leading to the list", async () => {
    const reader = await subscribedReader("fr");
    const ids = [(await mention(reader.browser.userId, "Un")).id, (await mention(reader.browser.userId, "Deux")).id, (await mention(reader.browser.userId, "Trois")).id];
    await deliverPush(t.runtime, { userId: reader.browser.userId, notificationIds: ids, urgent: false });
    expect(pushService.received).toHaveLength(1);
    expect(payloadOf(0, reader.keys)).toMatchObject({ title: "3 nouvelles notifications", url: "/notifications", count: 3 });
  });

  it("goes to every browser the person subscribed, one push each", async () => {
    const reader = await subscribedReader();
    const phone = browserKeys();
    await reader.browser.inject({ method: "POST", url: "/api/v1/push/subscriptions", payload: { endpoint: `http://${pushService.host}/push/${newId()}`, keys: { p256dh: phone.p256dh, auth: phone.auth } } });
    const { id } = await mention(reader.browser.userId);
    await deliverPush(t.runtime, { userId: reader.browser.userId, notificationIds: [id], urgent: false });
    expect(new Set(pushService.received.map((push) => push.path)).size).toBe(2);
  });

  it("goes only to the new endpoint once a rotated subscription was replaced", async () => {
    const reader = await subscribedReader();
    const keys = browserKeys();
    const endpoint = `http://${pushService.host}/push/${newId()}`;
    const payload = { endpoint, keys: { p256dh: keys.p256dh, auth: keys.auth }, replaces: reader.endpoint };
    expect((await reader.browser.inject({ method: "POST", url: "/api/v1/push/subscriptions", payload })).statusCode).toBe(204);
    const { id } = await mention(reader.browser.userId);
    await deliverPush(t.runtime, { userId: reader.browser.userId, notificationIds: [id], urgent: false });
    expect(pushService.received.map((push) => push.path)).toEqual([new URL(endpoint).pathname]);
    expect(payloadOf(0, keys)).toMatchObject({ body: "Tournament on Friday" });
  });

  it("asks the push service for high urgency when the delivery is urgent, normal otherwise", async () => {
    const reader = await subscribedReader();
    const { id } = await mention(reader.browser.userId);
    await deliverPush(t.runtime, { userId: reader.browser.userId, notificationIds: [id], urgent: true });
    await deliverPush(t.runtime, { userId: reader.browser.userId, notificationIds: [id], urgent: false });
    expect(pushService.received.map((push) => push.headers.urgency)).toEqual(["high", "normal"]);
    expect(Number(pushService.received[0]?.headers.ttl)).toBeGreaterThan(0);
  });
});

describe("what a push leaves out", () => {
  it("tells only of notifications still unread and about content the person may still read", async () => {
    const reader = await subscribedReader();
    const kept = await mention(reader.browser.userId, "Still here");
    const read = await mention(reader.browser.userId, "Already read");
    const deleted = await mention(reader.browser.userId, "Soon deleted");
    await reader.browser.inject({ method: "POST", url: `/api/v1/notifications/${read.id}/read` });
    expect((await author.inject({ method: "DELETE", url: `/api/v1/posts/${deleted.postId}` })).statusCode).toBe(204);
    await deliverPush(t.runtime, { userId: reader.browser.userId, notificationIds: [kept.id, read.id, deleted.id], urgent: false });
    expect(payloadOf(0, reader.keys)).toMatchObject({ body: "Still here", count: 1 });
  });

  it("sends nothing when nothing is left to tell, or for someone else's notifications", async () => {
    const reader = await subscribedReader();
    const other = await subscribedReader();
    const { id } = await mention(other.browser.userId);
    await deliverPush(t.runtime, { userId: reader.browser.userId, notificationIds: [id], urgent: false });
    expect(pushService.received).toHaveLength(0);
  });
});

describe("when the push service refuses", () => {
  const subscriptionRow = (endpoint: string) => t.db.selectFrom("push_subscriptions").select(["failures", "last_success_at"]).where("endpoint", "=", endpoint).executeTakeFirst();

  it("forgets a browser the push service says is gone", async () => {
    const reader = await subscribedReader();
    const { id } = await mention(reader.browser.userId);
    pushService.status = 410;
    await deliverPush(t.runtime, { userId: reader.browser.userId, notificationIds: [id], urgent: false });
    expect(await subscriptionRow(reader.endpoint)).toBeUndefined();
  });

  it("counts other failures and keeps the browser, and a later success clears the count", async () => {
    const reader = await subscribedReader();
    const { id } = await mention(reader.browser.userId);
    pushService.status = 503;
    await deliverPush(t.runtime, { userId: reader.browser.userId, notificationIds: [id], urgent: false });
    expect(await subscriptionRow(reader.endpoint)).toMatchObject({ failures: 1, last_success_at: null });
    pushService.status = 201;
    await deliverPush(t.runtime, { userId: reader.browser.userId, notificationIds: [id], urgent: false });
    expect(await subscriptionRow(reader.endpoint)).toMatchObject({ failures: 0, last_success_at: expect.any(Date) });
  });

  it("never posts to a loopback endpoint that tests did not allow, and counts it as a failure", async () => {
    const reader = await subscribedReader();
    const port = pushService.host.split(":")[1] ?? "";
    await t.db.updateTable("push_subscriptions").set({ endpoint: `http://localhost:${port}/push/${newId()}` }).where("endpoint", "=", reader.endpoint).execute();
    const { id } = await mention(reader.browser.userId);
    await deliverPush(t.runtime, { userId: reader.browser.userId, notificationIds: [id], urgent: false });
    expect(pushService.received).toHaveLength(0);
    expect((await t.db.selectFrom("push_subscriptions").select("failures").where("user_id", "=", reader.browser.userId).executeTakeFirst())?.failures).toBe(1);
  });
});
