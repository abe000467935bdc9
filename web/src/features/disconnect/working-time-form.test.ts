import { describe, expect, it } from "vitest";
import { instantOfLocalInput, localInputValue, workingTimeBody, workingTimeProblems } from "./working-time-form.ts";

describe("the working time form", () => {
  it("asks for at least one working day and a day that starts before it ends", () => {
    expect(workingTimeProblems({ workingDays: [], workStarts: "08:00", workEnds: "07:00", managersMayUrge: false })).toEqual({ workingDays: "noDay", workEnds: "endsBeforeStart" });
    expect(workingTimeProblems({ workingDays: ["1"], workStarts: "08:00", workEnds: "19:00", managersMayUrge: false })).toEqual({});
  });

  it("sends the days as sorted weekday numbers and times as HH:MM", () => {
    expect(workingTimeBody({ workingDays: ["5", "1", "3"], workStarts: "08:30:00", workEnds: "18:00", managersMayUrge: true })).toEqual({ workingDays: [1, 3, 5], workStarts: "08:30", workEnds: "18:00", managersMayUrge: true });
  });

  it("round-trips an absence's end through the browser's date-time field", () => {
    const iso = "2026-12-24T08:00:00.000Z";
    expect(instantOfLocalInput(localInputValue(iso))).toBe(iso);
    expect(instantOfLocalInput("")).toBeNull();
  });
});
