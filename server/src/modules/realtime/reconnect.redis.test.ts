import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { RedisPubSub } from "../../platform/pubsub.ts";
import { closeWorlds, notify, receives, world } from "./reconnect-testing.ts";
import { testRedisUrl } from "../../../test/redis.ts";

// Redis going away: the hub subscribes again by itself, and what was committed meanwhile still
// reaches connected clients. Runs with `npm run test:redis` (TEST_REDIS_URL).

const REDIS_URL = testRedisUrl();
afterAll(closeWorlds);

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
