import type { StreamServerMessage } from "@ruche/contracts";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, eventually, type TestContext } from "../../../test/context.ts";
import { signIn, type Browser } from "../../../test/factories.ts";
import { addMember, createThrough, personBrowser } from "../communities/testing.ts";
import { postThrough } from "../posts/testing.ts";
import { connectStream, eventLines, type StreamClient } from "./testing.ts";

// How a stream lives and ends: heartbeats, signing out, revoked tokens, deactivation and lost
// membership, each observed by a real client within the delay promised.

let t: TestContext;
let url: string;
let owner: Browser;
let admin: Browser;
let closedId: string;
const ORIGIN = "http://localhost:3000";
const HEARTBEAT_MS = 100;
const SESSION_CHECK_MS = 200;

beforeAll(async () => {
  t = await createTestContext({ work: false });
  // The hub starts its timers at the first connection: shorter periods than production's, so the
  // tests need not wait 25 seconds.
  t.runtime.hub.options.heartbeatMs = HEARTBEAT_MS;
  t.runtime.hub.options.sessionCheckMs = SESSION_CHECK_MS;
  url = `${(await t.app.listen({ port: 0, host: "127.0.0.1" })).replace("http", "ws")}/api/v1/stream`;
  owner = await personBrowser(t);
  admin = await personBrowser(t, { role: "admin" });
  closedId = (await createThrough(owner, { name: "Closed club", visibility: "closed" })).id;
});
afterAll(() => t.close());

const open = (browser: Browser) => connectStream(url, { cookie: browser.cookie, origin: ORIGIN });

async function subscribed(client: StreamClient, topics: string[]): Promise<StreamClient> {
  client.send({ type: "subscribe", topics });
  await client.next((message) => message.type === "subscribed");
  return client;
}

/** The close code the client saw within `ms`, or "open". */
function closedWithin(client: StreamClient, ms: number): Promise<number | "open"> {
  return Promise.race([client.closed, new Promise<"open">((resolve) => setTimeout(() => resolve("open"), ms))]);
}

async function tokenFor(browser: Browser, name = "cli"): Promise<{ id: string; secret: string }> {
  const response = await browser.inject({ method: "POST", url: "/api/v1/me/tokens", payload: { name } });
  expect(response.statusCode, response.body).toBe(201);
  const body = response.json();
  return { id: body.token.id, secret: body.secret };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("heartbeats", () => {
  it("pings a client every heartbeat and keeps it while it answers", async () => {
    const client = await subscribed(await open(await personBrowser(t)), ["home"]);
    let pings = 0;
    client.socket.on("ping", () => (pings += 1));
    expect(await closedWithin(client, HEARTBEAT_MS * 8)).toBe("open");
    expect(pings).toBeGreaterThanOrEqual(4);
    client.close();
  });

  it("terminates a socket that stops answering pings, and forgets it", async () => {
    const person = await personBrowser(t);
    const client = await connectStream(url, { cookie: person.cookie, origin: ORIGIN }, { autoPong: false });
    await subscribed(client, ["home"]);
    // A terminated socket ends without a closing handshake: the client sees 1006.
    expect(await closedWithin(client, HEARTBEAT_MS * 4)).toBe(1006);
    await eventually(async () => (t.runtime.hub.users.has(person.userId) ? undefined : true), 500);
  });
});

describe("sessions", () => {
  it("closes the stream of a session signed out elsewhere, and only that one", async () => {
    const person = await personBrowser(t);
    const otherSession = await signIn(t.app, t.db, person.userId);
    const signedOut = await subscribed(await open(person), ["home"]);
    const stillIn = await subscribed(await open(otherSession), ["home"]);
    const response = await person.inject({ method: "POST", url: "/api/v1/auth/logout" });
    expect(response.statusCode, response.body).toBe(204);
    expect(await closedWithin(signedOut, SESSION_CHECK_MS * 3)).toBe(4401);
    expect(await closedWithin(stillIn, SESSION_CHECK_MS)).toBe("open");
    stillIn.close();
  });

  it("closes the stream of a session that expired", async () => {
    const person = await personBrowser(t);
    const client = await subscribed(await open(person), ["home"]);
    await sql`update sessions set expires_at = now() - interval '1 second' where user_id = ${person.userId}`.execute(t.db);
    expect(await closedWithin(client, SESSION_CHECK_MS * 3)).toBe(4401);
  });
});

describe("access tokens", () => {
  it("closes the stream of a token that expired", async () => {
    const person = await personBrowser(t);
    const token = await tokenFor(person);
    const client = await subscribed(await connectStream(url, { authorization: `Bearer ${token.secret}` }), ["notifications"]);
    await sql`update access_tokens set expires_at = now() - interval '1 second' where id = ${token.id}`.execute(t.db);
    expect(await closedWithin(client, SESSION_CHECK_MS * 3)).toBe(4401);
  });

  it("closes every stream of a deactivated person within a second, token ones included", async () => {
    const person = await personBrowser(t);
    const token = await tokenFor(person);
    const byCookie = await subscribed(await open(person), ["home"]);
    const byToken = await subscribed(await connectStream(url, { authorization: `Bearer ${token.secret}` }), ["notifications"]);
    const response = await admin.inject({ method: "POST", url: `/api/v1/people/${person.userId}/deactivate` });
    expect(response.statusCode, response.body).toBeLessThan(300);
    const codes = await Promise.all([closedWithin(byCookie, 1000), closedWithin(byToken, 1000)]);
    expect(codes).toEqual([4401, 4401]);
  });
});

describe("membership", () => {
  const isEventOn = (topic: string) => (message: StreamServerMessage) => message.type === "event" && message.topic === topic;

  it("narrows a removed member's subscriptions within a second and tells them", async () => {
    const person = await personBrowser(t);
    await addMember(t, closedId, person.userId);
    const post = await postThrough(owner, closedId, "Before removal");
    const postTopic = `post:${post.id}`;
    const client = await subscribed(await open(person), ["home", "notifications", `community:${closedId}`, postTopic]);

    const removal = await owner.inject({ method: "DELETE", url: `/api/v1/communities/${closedId}/members/${person.userId}` });
    expect(removal.statusCode, removal.body).toBe(204);
    await client.next((message) => message.type === "refused" && message.topic === `community:${closedId}`, 1000);
    await client.next((message) => message.type === "refused" && message.topic === postTopic, 1000);
    const changed = await client.next((message) => message.type === "event" && message.name === "membership.changed", 1000);
    expect(changed).toMatchObject({ topic: "notifications", data: { communityId: closedId } });

    const later = await postThrough(owner, closedId, "After removal");
    const comment = await owner.inject({ method: "POST", url: `/api/v1/posts/${post.id}/comments`, payload: { body: "Not for you" } });
    expect(comment.statusCode, comment.body).toBe(201);
    // A witness still subscribed sees both, so the removed member's silence is not just lateness.
    const witness = await subscribed(await open(owner), [postTopic]);
    await owner.inject({ method: "POST", url: `/api/v1/posts/${post.id}/comments`, payload: { body: "Witnessed" } });
    await witness.next(isEventOn(postTopic));
    await sleep(200);
    expect(eventLines(client).filter((line) => line.endsWith(later.id) || line.startsWith(postTopic))).toEqual([]);
    witness.close();
    client.close();
  });

  it("refuses a post of a community the person left exactly like a missing one", async () => {
    const person = await personBrowser(t);
    await addMember(t, closedId, person.userId);
    const post = await postThrough(owner, closedId, "Soon out of reach");
    const client = await subscribed(await open(person), ["notifications"]);
    const removal = await owner.inject({ method: "DELETE", url: `/api/v1/communities/${closedId}/members/${person.userId}` });
    expect(removal.statusCode, removal.body).toBe(204);
    await client.next((message) => message.type === "event" && message.name === "membership.changed", 1000);
    client.send({ type: "subscribe", topics: [`post:${post.id}`] });
    expect(await client.next((message) => message.type === "refused")).toEqual({ type: "refused", topic: `post:${post.id}`, code: "topic_not_found" });
    client.close();
  });
});
