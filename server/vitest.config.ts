import { defineConfig } from "vitest/config";

// `npm test` runs every test but the `*.redis.test.ts` ones, which need a real Redis: those run
// alone with `npm run test:redis` (TEST_REDIS_URL set), as `.ci/run` does.
const redis = process.env.TEST_REDIS_URL !== undefined;

export default defineConfig({
  test: {
    include: redis ? ["src/**/*.redis.test.ts", "test/**/*.redis.test.ts"] : ["src/**/*.test.ts", "test/**/*.test.ts"],
    exclude: redis ? ["**/node_modules/**"] : ["**/node_modules/**", "**/*.redis.test.ts"],
    globalSetup: ["./test/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers: 2,
    reporters: ["default"],
  },
});
