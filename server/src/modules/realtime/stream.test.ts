import type { StreamServerMessage } from "@ruche/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import type { Browser } from "../../../test/factories.ts";
import { addMember, createThrough, personBrowser, UNKNOWN_ID } from "../communities/testing.ts";
import { appendEvent } from "../../platform/outbox.ts";
import { postThrough } from "../posts/testing.ts";
import { connectStream, eventLines, type StreamClient } from "./testing.ts";

let t: TestContext;
let url: string;
let owner: Browser;
let member: Browser;
let outsider: Browser;
let closedId: string;
const ORIGIN = "http://localhost:3000";

beforeAll(async () => {
  t = await createTestContext({ work: false });
  const address = await t.app.listen({ port: 0, host: "127.0.0.1" });
  url = `${address.replace("http", "ws")}/api/v1/stream`;
  owner = await personBrowser(t);
  member = await personBrowser(t);
  outsider = await personBrowser(t);
  closedId = (await createThrough(owner, { name: "Closed club", visibility: "closed" })).id;
  await addMember(t, closedId, member.userId);
});
afterAll(() => t.close());

const open = (browser: Browser) => connectStream(url, { cookie: browser.cookie, origin: ORIGIN });

async function subscribed(browser: Browser, topics: string[], after?: string): Promise<StreamClient> {
  const client = await open(browser);
  client.send({ type: "subscribe", topics, ...(after ? { after } : {}) });
  await client.next((message) => message.type === "subscribed" || message.type === "refused");
  return client;
}

const isEvent = (name: string, postId: string) => (message: StreamServerMessage) => message.type === "event" && message.name === name && message.data.postId === postId;

describe("delivery", () => {
  it("delivers a post in a closed community to a member on home and on the community, not to an outsider", async () => {
    const mine = await subscribed(member, ["home", `community:${closedId}`]);
    const theirs = await subscribed(outsider, ["home"]);
    const post = await postThrough(owner, closedId, "Members only");
    await mine.next((message) => isEvent("post.created", post.id)(message) && message.type === "event" && message.topic === "home");
    await mine.next((message) => isEvent("post.created", post.id)(message) && message.type === "event" && message.topic === `community:${closedId}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(eventLines(theirs)).toEqual([]);
    mine.close();
    theirs.close();
  });

  it("refuses a secret community to a non-member exactly like an unknown id", async () => {
    const secret = await createThrough(owner, { name: "Secret club", visibility: "secret" });
    const client = await open(outsider);
    client.send({ type: "subscribe", topics: [`community:${secret.id}`, `community:${UNKNOWN_ID}`] });
    await client.next((message) => message.type === "refused" && message.topic === `community:${UNKNOWN_ID}`);
    expect(client.messages).toEqual([
      { type: "refused", topic: `community:${secret.id}`, code: "topic_not_found" },
      { type: "refused", topic: `community:${UNKNOWN_ID}`, code: "topic_not_found" },
    ]);
    client.close();
  });

  it("shows a guest only the posts of their external community", async () => {
    const guest = await personBrowser(t, { role: "guest" });
    const admin = await personBrowser(t, { role: "admin" });
    const external = await createThrough(admin, { name: "Partners", kind: "external", visibility: "closed" });
    await addMember(t, external.id, guest.userId);
    const client = await subscribed(guest, ["home"]);
    const hidden = await postThrough(owner, closedId, "Not for partners");
    const shared = await postThrough(admin, external.id, "For partners");
    await client.next(isEvent("post.created", shared.id));
    expect(eventLines(client)).toEqual([`home post.created ${shared.id}`]);
    expect(hidden.id).not.toBe(shared.id);
    client.close();
  });

  it("tells readers of a post about its new comments, in place", async () => {
    const post = await postThrough(owner, closedId, "Discuss");
    const client = await subscribed(member, [`post:${post.id}`]);
    const response = await owner.inject({ method: "POST", url: `/api/v1/posts/${post.id}/comments`, payload: { body: "First" } });
    expect(response.statusCode, response.body).toBe(201);
    const message = await client.next(isEvent("comment.created", post.id));
    expect(message).toMatchObject({ topic: `post:${post.id}`, data: { postId: post.id, commentId: response.json().id } });
    client.close();
  });

  it("tells only the listed people that their notifications changed, with their unread count", async () => {
    const mine = await subscribed(member, ["notifications"]);
    const theirs = await subscribed(outsider, ["notifications"]);
    await t.db.transaction().execute((tx) => appendEvent(tx, { type: "notifications.changed", payload: { userIds: [member.userId] } }));
    const message = await mine.next((message) => message.type === "event" && message.name === "notifications.changed");
    expect(message).toMatchObject({ topic: "notifications", data: { unreadCount: 0 } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(eventLines(theirs)).toEqual([]);
    mine.close();
    theirs.close();
  });
});

describe("resume", () => {
  it("replays what was missed after reconnecting, in order, once, then goes on live", async () => {
    const first = await subscribed(member, [`community:${closedId}`]);
    const seen = await postThrough(owner, closedId, "Seen");
    const event = await first.next(isEvent("post.created", seen.id));
    first.close();
    const missed = [await postThrough(owner, closedId, "Missed 1"), await postThrough(owner, closedId, "Missed 2")];
    const second = await subscribed(member, [`community:${closedId}`], event.type === "event" ? event.id : undefined);
    const live = await postThrough(owner, closedId, "Live");
    await second.next(isEvent("post.created", live.id));
    const topic = `community:${closedId}`;
    expect(second.messages.map((message) => (message.type === "event" ? message.data.postId : message.type))).toEqual([missed[0]?.id, missed[1]?.id, "subscribed", live.id]);
    expect(eventLines(second)).toEqual([...missed, live].map((post) => `${topic} post.created ${post.id}`));
    second.close();
  });

  it("asks for a reset when the resume point is unknown", async () => {
    const client = await subscribed(member, ["home"], UNKNOWN_ID);
    expect(client.messages[0]).toEqual({ type: "reset", topics: ["home"] });
    client.close();
  });
});

describe("revocation", () => {
  it("stops a removed member's community subscription within a second", async () => {
    const person = await personBrowser(t);
    await addMember(t, closedId, person.userId);
    const client = await subscribed(person, [`community:${closedId}`]);
    const response = await owner.inject({ method: "DELETE", url: `/api/v1/communities/${closedId}/members/${person.userId}` });
    expect(response.statusCode, response.body).toBe(204);
    await client.next((message) => message.type === "refused" && message.topic === `community:${closedId}`, 1000);
    const after = await postThrough(owner, closedId, "After removal");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(eventLines(client).some((line) => line.endsWith(after.id))).toBe(false);
    client.close();
  });

  it("closes a deactivated person's stream", async () => {
    const admin = await personBrowser(t, { role: "admin" });
    const person = await personBrowser(t);
    const client = await subscribed(person, ["home"]);
    const response = await admin.inject({ method: "POST", url: `/api/v1/people/${person.userId}/deactivate` });
    expect(response.statusCode, response.body).toBeLessThan(300);
    const code = await Promise.race([client.closed, new Promise((resolve) => setTimeout(() => resolve("timeout"), 1000))]);
    expect(code).toBe(4401);
  });

  // The credentials re-check runs every 5 s here (the default): closing within a second is the revocation event's doing.
  it("closes the streams of a revoked token within a second, not those of another token", async () => {
    const token = async (name: string) => (await member.inject({ method: "POST", url: "/api/v1/me/tokens", payload: { name } })).json();
    const [revoked, kept] = [await token("revoked"), await token("kept")];
    const revokedClient = await connectStream(url, { authorization: `Bearer ${revoked.secret}` });
    const keptClient = await connectStream(url, { authorization: `Bearer ${kept.secret}` });
    for (const client of [revokedClient, keptClient]) {
      client.send({ type: "subscribe", topics: ["notifications"] });
      await client.next((message) => message.type === "subscribed");
    }
    const response = await member.inject({ method: "DELETE", url: `/api/v1/me/tokens/${revoked.token.id}` });
    expect(response.statusCode, response.body).toBe(204);
    const closedWithin = (client: StreamClient, ms: number) => Promise.race([client.closed, new Promise((resolve) => setTimeout(() => resolve("open"), ms))]);
    expect(await closedWithin(revokedClient, 1000)).toBe(4401);
    expect(await closedWithin(keptClient, 300)).toBe("open");
    keptClient.close();
  });
});

describe("connecting", () => {
  it("refuses a cookie from another origin", async () => {
    await expect(connectStream(url, { cookie: member.cookie, origin: "https://evil.example" })).rejects.toThrow("HTTP 403");
  });

  it("refuses someone not signed in", async () => {
    await expect(connectStream(url, { origin: ORIGIN })).rejects.toThrow("HTTP 401");
  });

  it("accepts a personal access token without an Origin", async () => {
    const { secret } = (await member.inject({ method: "POST", url: "/api/v1/me/tokens", payload: { name: "cli" } })).json();
    const client = await connectStream(url, { authorization: `Bearer ${secret}` });
    client.send({ type: "subscribe", topics: ["notifications"] });
    expect(await client.next((message) => message.type === "subscribed")).toEqual({ type: "subscribed", topics: ["notifications"] });
    client.close();
  });

  it("answers bad messages with an error and keeps the socket open", async () => {
    const client = await open(member);
    client.send("not json{");
    client.socket.send("not json{");
    client.send({ type: "subscribe", topics: ["everything"] });
    await client.next((message) => message.type === "error" && message.code === "validation_failed");
    expect(client.messages.filter((message) => message.type === "error").map((message) => (message.type === "error" ? message.code : ""))).toEqual(["validation_failed", "invalid_json", "validation_failed"]);
    expect(client.socket.readyState).toBe(client.socket.OPEN);
    client.close();
  });
});
