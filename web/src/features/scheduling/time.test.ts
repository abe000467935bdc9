import { describe, expect, it } from "vitest";
import { fromLocalInput, monthOf, nextFullHour, toLocalInput } from "./time.ts";

describe("send-later times", () => {
  it("round-trips a date through the date-time input", () => {
    const date = new Date(2026, 2, 10, 8, 5);
    expect(fromLocalInput(toLocalInput(date))).toBe(date.toISOString());
  });

  it("reads an incomplete input as no time", () => {
    expect([fromLocalInput(""), fromLocalInput("2026-03-10")]).toEqual([null, null]);
  });

  it("offers the next full hour at least a quarter of an hour away", () => {
    expect([nextFullHour(new Date(2026, 2, 10, 8, 40)), nextFullHour(new Date(2026, 2, 10, 8, 50))]).toEqual([new Date(2026, 2, 10, 9, 0), new Date(2026, 2, 10, 10, 0)]);
  });

  it("names a month as the report's range wants it", () => {
    expect(monthOf(new Date(2026, 0, 31))).toBe("2026-01");
  });
});
