import { describe, expect, it } from "vitest";
import { scheduleOf } from "../disconnect/working-time.ts";
import { digestDue } from "./digest-schedule.ts";

const organisation = { workingDays: [1, 2, 3, 4, 5], workStarts: "08:00", workEnds: "19:00", defaultTimezone: "Europe/Paris" };
const paris = scheduleOf(organisation, { timezone: null, workingHours: [], awayUntil: null });
const montreal = scheduleOf(organisation, { timezone: "America/Montreal", workingHours: [], awayUntil: null });
const at = (iso: string) => new Date(iso);

describe("when a digest is due", () => {
  it("is due at the start of today's working day for a first daily digest", () => {
    expect(digestDue({ frequency: "daily", schedule: paris, lastRound: null, now: at("2026-06-17T12:00:00Z") })).toEqual(at("2026-06-17T06:00:00Z"));
  });

  it("waits for the next working day after the last round, over a weekend", () => {
    expect(digestDue({ frequency: "daily", schedule: paris, lastRound: at("2026-06-19T06:05:00Z"), now: at("2026-06-20T10:00:00Z") })).toEqual(at("2026-06-22T06:00:00Z"));
  });

  it("follows the person's time zone and its change of hour", () => {
    // Montreal leaves daylight saving time on 1 November 2026: 08:00 is 12:00Z before, 13:00Z after.
    expect(digestDue({ frequency: "daily", schedule: montreal, lastRound: at("2026-10-30T12:05:00Z"), now: at("2026-11-02T14:00:00Z") })).toEqual(at("2026-11-02T13:00:00Z"));
  });

  it("is due on the first working day of the next week for a weekly digest", () => {
    expect(digestDue({ frequency: "weekly", schedule: paris, lastRound: at("2026-06-17T06:05:00Z"), now: at("2026-06-19T10:00:00Z") })).toEqual(at("2026-06-22T06:00:00Z"));
  });

  it("waits out an absence", () => {
    const away = scheduleOf(organisation, { timezone: null, workingHours: [], awayUntil: at("2026-06-24T10:00:00Z") });
    expect(digestDue({ frequency: "daily", schedule: away, lastRound: at("2026-06-17T06:05:00Z"), now: at("2026-06-18T10:00:00Z") })).toEqual(at("2026-06-24T10:00:00Z"));
  });
});
