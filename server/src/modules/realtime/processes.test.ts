import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConnectionConfig } from "../../platform/db.ts";
import { createSession } from "../../platform/auth.ts";
import { buildUser } from "../../../test/factories.ts";
import { createDataDir, startRuche, type RucheProcess } from "../../../test/process.ts";
import { createScratchDatabase, type ScratchDatabase } from "../../../test/scratch.ts";
import { connectStream } from "./testing.ts";

// Two Ruche processes on one database: a post made through one reaches a stream opened on the other.

let database: ScratchDatabase;
const cleanups: (() => Promise<unknown>)[] = [];

/** A DATABASE_URL for a connection, Unix-socket ones included (`?host=/socket/dir`). */
function databaseUrl(connection: ConnectionConfig): string {
  if (connection.connectionString) return connection.connectionString;
  const socket = connection.host?.startsWith("/") ? `?host=${encodeURIComponent(connection.host)}` : "";
  const host = socket ? "localhost" : (connection.host ?? "localhost");
  return `postgres://${connection.user ?? "postgres"}@${host}:${connection.port ?? 5432}/${connection.database ?? ""}${socket}`;
}

beforeAll(async () => {
  database = await createScratchDatabase("realtime");
});
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  await database.drop();
});

async function start(env: Record<string, string>): Promise<RucheProcess> {
  const dataDir = await createDataDir();
  const ruche = await startRuche({ dataDir: dataDir.path, env: { DATABASE_URL: databaseUrl(database.connection), ...env } });
  cleanups.push(() => dataDir.remove(), () => ruche.stop());
  return ruche;
}

/**
 * Each case stops its processes before the next starts: a process of the PostgreSQL case left
 * running would dispatch the Redis case's events without publishing them to Redis.
 */
async function crossProcessDelivery(env: Record<string, string>): Promise<void> {
  const started = cleanups.length;
  try {
    await deliverAcross(env);
  } finally {
    for (const cleanup of cleanups.splice(started).reverse()) await cleanup();
  }
}

async function deliverAcross(env: Record<string, string>): Promise<void> {
  const [first, second] = [await start(env), await start(env)];
  if (!first || !second) throw new Error("not started");
  const user = await buildUser(database.db);
  const session = await createSession(database.db, { userId: user.id });
  const company = await database.db.selectFrom("communities").select("id").where("kind", "=", "company").executeTakeFirstOrThrow();
  const cookie = `ruche_session=${session.token}`;
  const client = await connectStream(`${first.url.replace("http", "ws")}/api/v1/stream`, { cookie, origin: `http://localhost:${first.port}` });
  client.send({ type: "subscribe", topics: [`community:${company.id}`] });
  await client.next((message) => message.type === "subscribed");
  const post = async (body: string) => {
    const response = await fetch(`${second.url}/api/v1/posts`, {
      method: "POST",
      headers: { cookie, "x-csrf-token": session.csrfToken, "content-type": "application/json" },
      body: JSON.stringify({ communityId: company.id, body }),
    });
    expect(response.status, await response.clone().text()).toBe(201);
    return ((await response.json()) as { id: string }).id;
  };
  // The first post warms both processes up (modules loaded on first use, the dispatcher's first
  // round): what is promised is the delay of a running network, measured on the second.
  const warmUp = await post("Warming up");
  await client.next((message) => message.type === "event" && message.data.postId === warmUp, 15_000);
  const id = await post("Across processes");
  const message = await client.next((message) => message.type === "event" && message.data.postId === id, 1000);
  expect(message).toMatchObject({ type: "event", topic: `community:${company.id}`, name: "post.created" });
  client.close();
}

describe("the stream across processes", { timeout: 120_000 }, () => {
  it("delivers within a second a post made through another process, over PostgreSQL", async () => {
    await crossProcessDelivery({});
  });

  it("delivers within a second a post made through another process, over Redis", async () => {
    await crossProcessDelivery({ REDIS_URL: "redis://127.0.0.1:6379", REDIS_PREFIX: `ruche-test-${randomBytes(4).toString("hex")}:` });
  });
});
