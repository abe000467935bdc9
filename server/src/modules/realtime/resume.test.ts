import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import type { Browser } from "../../../test/factories.ts";
import { appendEvent } from "../../platform/outbox.ts";
import { personBrowser } from "../communities/testing.ts";
import { connectStream, type StreamClient } from "./testing.ts";

// Resuming after a reconnect when transactions commit out of order: an event's id is made inside
// its transaction, so one that commits late has a smaller id than events the client already saw.

let t: TestContext;
let url: string;
let person: Browser;

beforeAll(async () => {
  t = await createTestContext({ work: false });
  url = `${(await t.app.listen({ port: 0, host: "127.0.0.1" })).replace("http", "ws")}/api/v1/stream`;
  person = await personBrowser(t);
});
afterAll(() => t.close());

async function subscribed(after?: string): Promise<StreamClient> {
  const client = await connectStream(url, { cookie: person.cookie, origin: "http://localhost:3000" });
  client.send({ type: "subscribe", topics: ["notifications"], ...(after ? { after } : {}) });
  await client.next((message) => message.type === "subscribed");
  return client;
}

/** An event for `person` appended in a transaction that commits only when told to. */
async function openTransaction(): Promise<{ id: string; commit(): Promise<void> }> {
  let release = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  let written: (id: string) => void = () => {};
  const id = new Promise<string>((resolve) => (written = resolve));
  const done = t.db.transaction().execute(async (tx) => {
    written(await appendEvent(tx, { type: "notifications.changed", payload: { userIds: [person.userId] } }));
    await gate;
  });
  return { id: await id, commit: () => (release(), done) };
}

async function committedEvent(): Promise<string> {
  return t.db.transaction().execute((tx) => appendEvent(tx, { type: "notifications.changed", payload: { userIds: [person.userId] } }));
}

const eventIds = (client: StreamClient) => client.messages.flatMap((message) => (message.type === "event" ? [message.id] : []));

async function received(client: StreamClient, id: string): Promise<void> {
  await client.next((message) => message.type === "event" && message.id === id);
}

async function disconnect(client: StreamClient): Promise<void> {
  client.close();
  await client.closed;
}

describe("resume", () => {
  it("replays an event committed after the client left, though its id is smaller than the last one seen", async () => {
    const first = await subscribed();
    const late = await openTransaction();
    const seen = await committedEvent();
    await received(first, seen);
    await disconnect(first);
    await late.commit();

    const second = await subscribed(seen);
    const live = await committedEvent();
    await received(second, live);
    expect(late.id < seen).toBe(true);
    expect(eventIds(second)).toEqual([late.id, live]);
    expect(second.messages.findIndex((message) => message.type === "subscribed")).toBe(1);
    second.close();
  });

  it("does not replay what the client saw out of order before it left", async () => {
    const first = await subscribed();
    const late = await openTransaction();
    const earlier = await committedEvent();
    await received(first, earlier);
    await late.commit();
    await received(first, late.id);
    await disconnect(first);
    const missed = await committedEvent();

    // The last event the client saw is the late one: the one after it in id order was seen already.
    const second = await subscribed(late.id);
    const live = await committedEvent();
    await received(second, live);
    expect(eventIds(first)).toEqual([earlier, late.id]);
    expect(eventIds(second)).toEqual([missed, live]);
    second.close();
  });

  it("resumes from a socket the server still thinks is open without repeating what it sent", async () => {
    const first = await subscribed();
    const seen = [await committedEvent(), await committedEvent()];
    await received(first, seen[1] ?? "");
    // The client gave up on this socket (a dead network, say) but the server has not noticed yet.
    const second = await subscribed(seen[1]);
    const live = await committedEvent();
    await received(second, live);
    expect(eventIds(second)).toEqual([live]);
    first.close();
    second.close();
  });
});
