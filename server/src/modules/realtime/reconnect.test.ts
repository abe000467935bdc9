import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { createTestContext, eventually, type TestContext } from "../../../test/context.ts";
import type { Browser } from "../../../test/factories.ts";
import { appendEvent } from "../../platform/outbox.ts";
import { PostgresPubSub, RedisPubSub } from "../../platform/pubsub.ts";
import { personBrowser } from "../communities/testing.ts";
import { connectStream, type StreamClient } from "./testing.ts";

// The hub's pub/sub connection dies (a database restart, a failover, Redis going away): it
// reconnects by itself, and what was committed meanwhile still reaches connected clients.

const REDIS_URL = "redis://127.0.0.1:6379";
const contexts: TestContext[] = [];
afterAll(async () => {
  for (const context of contexts) await context.close();
});

async function world(options: Parameters<typeof createTestContext>[0]): Promise<{ t: TestContext; person: Browser; client: StreamClient }> {
  const t = await createTestContext(options);
  contexts.push(t);
  const url = `${(await t.app.listen({ port: 0, host: "127.0.0.1" })).replace("http", "ws")}/api/v1/stream`;
  const person = await personBrowser(t);
  const client = await connectStream(url, { cookie: person.cookie, origin: "http://localhost:3000" });
  client.send({ type: "subscribe", topics: ["notifications"] });
  await client.next((message) => message.type === "subscribed");
  return { t, person, client };
}

function notify(t: TestContext, userId: string): Promise<string> {
  return t.db.transaction().execute((tx) => appendEvent(tx, { type: "notifications.changed", payload: { userIds: [userId] } }));
}

const receives = (client: StreamClient, id: string, timeoutMs: number) => client.next((message) => message.type === "event" && message.id === id, timeoutMs);

/** How many listening connections of the hub's pub/sub this test database has. */
async function listeners(t: TestContext): Promise<number> {
  const { rows } = await sql<{ count: string }>`
    select count(*) from pg_stat_activity where application_name = ${PostgresPubSub.applicationName} and datname = current_database()
  `.execute(t.db);
  return Number(rows[0]?.count);
}

describe("over PostgreSQL", () => {
  it("listens again after its connection is terminated, and delivers what was committed meanwhile", async () => {
    const { t, person, client } = await world({ work: false });
    expect(await receives(client, await notify(t, person.userId), 1000)).toBeDefined();

    const { rows } = await sql<{ ended: boolean }>`
      select pg_terminate_backend(pid) as ended from pg_stat_activity
      where application_name = ${PostgresPubSub.applicationName} and datname = current_database()
    `.execute(t.db);
    expect(rows.map((row) => row.ended)).toEqual([true]);
    await eventually(async () => ((await listeners(t)) === 0 ? true : undefined), 2000);
    const meanwhile = await notify(t, person.userId);
    // Nobody listened when it committed: only the catch-up after reconnecting can deliver it.
    expect(await listeners(t)).toBe(0);

    await receives(client, meanwhile, 3000);
    expect(await listeners(t)).toBe(1);
    const after = await notify(t, person.userId);
    await receives(client, after, 1000);
    const ids = client.messages.flatMap((message) => (message.type === "event" ? [message.id] : []));
    expect(ids.slice(1)).toEqual([meanwhile, after]);
    client.close();
  });
});

describe("over Redis", () => {
  it("subscribes again after its connection is killed, and delivers what was committed meanwhile", { timeout: 30_000 }, async () => {
    const prefix = `ruche-test-${randomBytes(4).toString("hex")}:`;
    const { t, person, client } = await world({ work: true, config: { redisUrl: REDIS_URL, redisPrefix: prefix } });
    const pubsub = t.runtime.pubsub;
    if (!(pubsub instanceof RedisPubSub)) throw new Error("not on Redis");
    // The dispatcher publishes: the first event also waits for it to be running.
    expect(await receives(client, await notify(t, person.userId), 5000)).toBeDefined();

    const admin = new Redis(REDIS_URL);
    try {
      const list = (await admin.client("LIST")) as string;
      const line = list.split("\n").find((entry) => entry.includes(` name=${pubsub.subscriberName} `));
      const id = line?.match(/^id=(\d+)/)?.[1];
      expect(id).toBeDefined();
      await admin.client("KILL", "ID", id ?? "");
      // Published while the subscriber is away (ioredis waits at least 100 ms before reconnecting): lost to pub/sub.
      const meanwhile = await notify(t, person.userId);
      await receives(client, meanwhile, 5000);
      const after = await notify(t, person.userId);
      await receives(client, after, 2000);
      const ids = client.messages.flatMap((message) => (message.type === "event" ? [message.id] : []));
      expect(ids.slice(1)).toEqual([meanwhile, after]);
    } finally {
      admin.disconnect();
      client.close();
    }
  });
});
