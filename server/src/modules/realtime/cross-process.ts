import { afterAll, beforeAll, expect } from "vitest";
import type { ConnectionConfig } from "../../platform/db.ts";
import { createSession } from "../../platform/auth.ts";
import { buildUser } from "../../../test/factories.ts";
import { createDataDir, startRuche, type RucheProcess } from "../../../test/process.ts";
import { createScratchDatabase, type ScratchDatabase } from "../../../test/scratch.ts";
import { connectStream } from "./testing.ts";

/** Test helpers: two Ruche processes on one database (processes.test.ts, processes.redis.test.ts). */

let database: ScratchDatabase;
const cleanups: (() => Promise<unknown>)[] = [];

/** A DATABASE_URL for a connection, Unix-socket ones included (`?host=/socket/dir`). */
function databaseUrl(connection: ConnectionConfig): string {
  if (connection.connectionString) return connection.connectionString;
  const socket = connection.host?.startsWith("/") ? `?host=${encodeURIComponent(connection.host)}` : "";
  const host = socket ? "localhost" : (connection.host ?? "localhost");
  return `postgres://${connection.user ?? "postgres"}@${host}:${connection.port ?? 5432}/${connection.database ?? ""}${socket}`;
}

/** A scratch database for the file's processes, made before its tests and dropped after. */
export function useScratchDatabase(): void {
  beforeAll(async () => {
    database = await createScratchDatabase("realtime");
  });
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    await database.drop();
  });
}

async function start(env: Record<string, string>): Promise<RucheProcess> {
  const dataDir = await createDataDir();
  const ruche = await startRuche({ dataDir: dataDir.path, env: { DATABASE_URL: databaseUrl(database.connection), ...env } });
  cleanups.push(() => dataDir.remove(), () => ruche.stop());
  return ruche;
}

/**
 * Two processes with `env`, a stream on the first, a post through the second: it must arrive within
 * a second. Each case stops its processes before the next starts: a process of the PostgreSQL case left
 * running would dispatch the Redis case's events without publishing them to Redis.
 */
export async function crossProcessDelivery(env: Record<string, string>): Promise<void> {
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

