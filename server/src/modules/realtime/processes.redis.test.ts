import { randomBytes } from "node:crypto";
import { describe, it } from "vitest";
import { testRedisUrl } from "../../../test/redis.ts";
import { crossProcessDelivery, useScratchDatabase } from "./cross-process.ts";

// Two Ruche processes on one database and one Redis (REDIS_URL): a post made through one reaches a
// stream opened on the other. Runs with `npm run test:redis` (TEST_REDIS_URL).

useScratchDatabase();

describe("the stream across processes", { timeout: 120_000 }, () => {
  it("delivers within a second a post made through another process, over Redis", async () => {
    await crossProcessDelivery({ REDIS_URL: testRedisUrl(), REDIS_PREFIX: `ruche-test-${randomBytes(4).toString("hex")}:` });
  });
});
