import { defineConfig } from "vitest/config";

// Browser journeys: each file starts a real Ruche (embedded PostgreSQL, fresh DATA_DIR) and drives
// the machine's Chromium through playwright-core. One file at a time: the machine has two cores.
export default defineConfig({
  test: {
    include: ["journeys/**/*.test.ts"],
    globalSetup: ["./support/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: "forks",
    maxWorkers: 1,
    fileParallelism: false,
  },
});
