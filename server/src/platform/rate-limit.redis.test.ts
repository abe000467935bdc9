import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../test/context.ts";
import { testRedisUrl } from "../../test/redis.ts";

// Two Ruche nodes sharing a Redis (REDIS_URL) share their rate limits: a client spreading its
// attempts over both gets no more than from one. Runs with `npm run test:redis` (TEST_REDIS_URL).
const redisUrl = testRedisUrl();
const redisPrefix = `ruche-test-${randomBytes(4).toString("hex")}:`;
let first: TestContext;
let second: TestContext;

beforeAll(async () => {
  const node = () => createTestContext({ work: false, config: { redisUrl, redisPrefix } });
  [first, second] = await Promise.all([node(), node()]);
});
afterAll(async () => {
  await Promise.all([first?.close(), second?.close()]);
});

const attempt = (t: TestContext, remoteAddress: string) =>
  t.app.inject({ method: "POST", url: "/api/v1/auth/login", remoteAddress, payload: { email: "nobody@example.com", password: "not the password" } });

describe("rate limits across nodes", () => {
  it("counts one address's sign-in attempts on every node sharing Redis: 25 in all, then 429 on either", async () => {
    const address = "203.0.113.77";
    for (let index = 0; index < 25; index += 1) {
      const response = await attempt(index % 2 === 0 ? first : second, address);
      expect(response.statusCode, response.body).toBe(401);
      expect(response.headers["x-ratelimit-remaining"]).toBe(String(24 - index));
    }
    for (const node of [first, second]) {
      const limited = await attempt(node, address);
      expect(limited.statusCode).toBe(429);
      expect(limited.json().error.code).toBe("rate_limited");
    }
    // Another address is counted on its own.
    expect((await attempt(second, "203.0.113.78")).statusCode).toBe(401);
  });
});
