/**
 * The Redis the `*.redis.test.ts` files use: `npm run test:redis` runs them, and only them, with
 * TEST_REDIS_URL set (`.ci/run` starts the machine's Redis for it). `npm test` leaves them out, so
 * that it needs nothing but Node on a fresh machine.
 */
export function testRedisUrl(): string {
  const url = process.env.TEST_REDIS_URL;
  if (!url) throw new Error("the *.redis.test.ts files need TEST_REDIS_URL (npm run test:redis)");
  return url;
}
