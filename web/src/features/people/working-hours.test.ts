import { describe, expect, it } from "vitest";
import { summariseWorkingHours } from "./working-hours.ts";

describe("summariseWorkingHours", () => {
  it("merges consecutive days that share the same hours", () => {
    const week = [1, 2, 3, 4, 5].map((day) => ({ day, start: "09:00", end: "18:00" }));
    expect(summariseWorkingHours(week)).toEqual([{ firstDay: 1, lastDay: 5, spans: [{ start: "09:00", end: "18:00" }] }]);
  });

  it("keeps apart days with different hours, and orders spans within a day", () => {
    const spans = [
      { day: 2, start: "14:00", end: "18:00" },
      { day: 1, start: "09:00", end: "12:00" },
      { day: 2, start: "09:00", end: "12:00" },
      { day: 4, start: "09:00", end: "12:00" },
    ];
    expect(summariseWorkingHours(spans)).toEqual([
      { firstDay: 1, lastDay: 1, spans: [{ start: "09:00", end: "12:00" }] },
      { firstDay: 2, lastDay: 2, spans: [{ start: "09:00", end: "12:00" }, { start: "14:00", end: "18:00" }] },
      { firstDay: 4, lastDay: 4, spans: [{ start: "09:00", end: "12:00" }] },
    ]);
  });
});
