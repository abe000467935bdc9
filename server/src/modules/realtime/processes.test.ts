import { describe, it } from "vitest";
import { crossProcessDelivery, useScratchDatabase } from "./cross-process.ts";

// Two Ruche processes on one database: a post made through one reaches a stream opened on the
// other, over PostgreSQL's LISTEN/NOTIFY. Over Redis: processes.redis.test.ts.

useScratchDatabase();

describe("the stream across processes", { timeout: 120_000 }, () => {
  it("delivers within a second a post made through another process, over PostgreSQL", async () => {
    await crossProcessDelivery({});
  });
});
