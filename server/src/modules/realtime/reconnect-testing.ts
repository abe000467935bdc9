import { sql } from "kysely";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import type { Browser } from "../../../test/factories.ts";
import { appendEvent } from "../../platform/outbox.ts";
import { PostgresPubSub } from "../../platform/pubsub.ts";
import { personBrowser } from "../communities/testing.ts";
import { connectStream, type StreamClient } from "./testing.ts";

/** Test helpers of the reconnect tests (over PostgreSQL in reconnect.test.ts, over Redis in reconnect.redis.test.ts). */

const contexts: TestContext[] = [];

/** Closes every world made so far (call from afterAll). */
export async function closeWorlds(): Promise<void> {
  for (const context of contexts.splice(0)) await context.close();
}

/** A test app listening on a port, a person, and their stream subscribed to `notifications`. */
export async function world(options: Parameters<typeof createTestContext>[0]): Promise<{ t: TestContext; person: Browser; client: StreamClient }> {
  const t = await createTestContext(options);
  contexts.push(t);
  const url = `${(await t.app.listen({ port: 0, host: "127.0.0.1" })).replace("http", "ws")}/api/v1/stream`;
  const person = await personBrowser(t);
  const client = await connectStream(url, { cookie: person.cookie, origin: "http://localhost:3000" });
  client.send({ type: "subscribe", topics: ["notifications"] });
  await client.next((message) => message.type === "subscribed");
  return { t, person, client };
}

/** Commits an event that tells `userId` their notifications changed; returns its id. */
export function notify(t: TestContext, userId: string): Promise<string> {
  return t.db.transaction().execute((tx) => appendEvent(tx, { type: "notifications.changed", payload: { userIds: [userId] } }));
}

/** Waits for the event `id` on the client's stream. */
export const receives = (client: StreamClient, id: string, timeoutMs: number) => client.next((message) => message.type === "event" && message.id === id, timeoutMs);

/** How many listening connections of the hub's pub/sub this test database has. */
export async function listeners(t: TestContext): Promise<number> {
  const { rows } = await sql<{ count: string }>`
    select count(*) from pg_stat_activity where application_name = ${PostgresPubSub.applicationName} and datname = current_database()
  `.execute(t.db);
  return Number(rows[0]?.count);
}

