import { describe, expect, it } from "vitest";
import { SeenEvents } from "./seen-events.ts";

describe("SeenEvents", () => {
  it("lets an event through once and refuses it the second time", () => {
    const seen = new SeenEvents();
    expect([seen.remember("e1"), seen.remember("e2"), seen.remember("e1")]).toEqual([true, true, false]);
  });

  it("forgets the oldest ids beyond its capacity", () => {
    const seen = new SeenEvents(2);
    seen.remember("e1");
    seen.remember("e2");
    seen.remember("e3");
    expect(seen.remember("e1")).toBe(true);
    expect(seen.remember("e3")).toBe(false);
  });
});
