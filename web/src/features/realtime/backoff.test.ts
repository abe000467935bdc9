import { describe, expect, it } from "vitest";
import { reconnectDelay } from "./backoff.ts";

const highest = () => 0.999999;
const lowest = () => 0;

describe("reconnectDelay", () => {
  it("doubles the wait after each failed attempt", () => {
    const delays = [0, 1, 2, 3].map((attempt) => reconnectDelay(attempt, { baseMs: 1_000, random: highest }));
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000]);
  });

  it("never waits longer than the cap, however many attempts failed", () => {
    expect(reconnectDelay(50, { baseMs: 1_000, capMs: 30_000, random: highest })).toBe(30_000);
  });

  it("spreads tabs over the upper half of the schedule, never sooner", () => {
    expect(reconnectDelay(3, { baseMs: 1_000, random: lowest })).toBe(4_000);
  });
});
