import { describe, expect, it } from "vitest";
import { isWorkingTime, nextWorkingStart, scheduleOf, type OrganisationWorkingTime, type PersonWorkingTime } from "./working-time.ts";

const organisation: OrganisationWorkingTime = { workingDays: [1, 2, 3, 4, 5], workStarts: "08:00:00", workEnds: "19:00:00", defaultTimezone: "Europe/Paris" };
const person = (overrides: Partial<PersonWorkingTime> = {}): PersonWorkingTime => ({ timezone: null, workingHours: [], awayUntil: null, ...overrides });
const paris = scheduleOf(organisation, person());
const montreal = scheduleOf(organisation, person({ timezone: "America/Montreal" }));
const at = (iso: string): Date => new Date(iso);

describe("working time in Europe/Paris", () => {
  it("counts a Tuesday at 10:00 as working time and answers that very instant as the next start", () => {
    expect(isWorkingTime(paris, at("2026-06-16T08:00:00Z"))).toBe(true);
    expect(nextWorkingStart(paris, at("2026-06-16T08:00:00Z"))).toEqual(at("2026-06-16T08:00:00Z"));
  });

  it("holds a Friday evening until Monday 08:00", () => {
    expect(isWorkingTime(paris, at("2026-06-19T18:30:00Z"))).toBe(false);
    expect(nextWorkingStart(paris, at("2026-06-19T18:30:00Z"))).toEqual(at("2026-06-22T06:00:00Z"));
  });

  it("ends the day at 19:00 exactly and starts it at 08:00 exactly", () => {
    expect(isWorkingTime(paris, at("2026-06-16T16:59:00Z"))).toBe(true);
    expect(isWorkingTime(paris, at("2026-06-16T17:00:00Z"))).toBe(false);
    expect(isWorkingTime(paris, at("2026-06-17T05:59:00Z"))).toBe(false);
    expect(nextWorkingStart(paris, at("2026-06-17T05:59:00Z"))).toEqual(at("2026-06-17T06:00:00Z"));
  });

  it("starts Monday 08:00 summer time after the clocks go forward on 29 March 2026", () => {
    // Saturday 28 March, 23:00 CET (UTC+1); Monday 30 March 08:00 is CEST (UTC+2).
    expect(nextWorkingStart(paris, at("2026-03-28T22:00:00Z"))).toEqual(at("2026-03-30T06:00:00Z"));
    expect(isWorkingTime(paris, at("2026-03-30T06:30:00Z"))).toBe(true);
    expect(isWorkingTime(paris, at("2026-03-27T06:30:00Z"))).toBe(false);
  });

  it("starts Monday 08:00 winter time after the clocks go back on 25 October 2026", () => {
    expect(nextWorkingStart(paris, at("2026-10-24T10:00:00Z"))).toEqual(at("2026-10-26T07:00:00Z"));
    expect(isWorkingTime(paris, at("2026-10-26T06:30:00Z"))).toBe(false);
    expect(isWorkingTime(paris, at("2026-10-23T06:30:00Z"))).toBe(true);
  });
});

describe("working time in America/Montreal", () => {
  it("reads the organisation's hours in the person's own time zone", () => {
    // 14:00 in Paris is 08:00 in Montreal in June.
    expect(isWorkingTime(montreal, at("2026-06-16T11:59:00Z"))).toBe(false);
    expect(isWorkingTime(montreal, at("2026-06-16T12:00:00Z"))).toBe(true);
  });

  it("starts Monday 08:00 daylight time after the clocks go forward on 8 March 2026", () => {
    // Friday 6 March, 20:00 EST (UTC-5); Monday 9 March 08:00 is EDT (UTC-4).
    expect(nextWorkingStart(montreal, at("2026-03-07T01:00:00Z"))).toEqual(at("2026-03-09T12:00:00Z"));
  });

  it("starts Monday 08:00 standard time after the clocks go back on 1 November 2026", () => {
    expect(nextWorkingStart(montreal, at("2026-10-31T01:00:00Z"))).toEqual(at("2026-11-02T13:00:00Z"));
    expect(isWorkingTime(montreal, at("2026-11-02T12:30:00Z"))).toBe(false);
  });
});

describe("a person's own settings", () => {
  it("holds everything during an absence, then waits for the next working start after it", () => {
    const away = scheduleOf(organisation, person({ awayUntil: at("2026-06-17T12:00:00Z") }));
    expect(isWorkingTime(away, at("2026-06-16T08:00:00Z"))).toBe(false);
    // The absence ends Wednesday 14:00 Paris, inside working hours: due at once then.
    expect(nextWorkingStart(away, at("2026-06-16T08:00:00Z"))).toEqual(at("2026-06-17T12:00:00Z"));
    const backFriday = scheduleOf(organisation, person({ awayUntil: at("2026-06-19T20:00:00Z") }));
    expect(nextWorkingStart(backFriday, at("2026-06-16T08:00:00Z"))).toEqual(at("2026-06-22T06:00:00Z"));
  });

  it("follows the person's own hours when they set some, narrower or different from the organisation's", () => {
    const partTime = scheduleOf(organisation, person({ workingHours: [{ day: 1, start: "09:00", end: "12:00" }, { day: 6, start: "09:00", end: "12:00" }, { day: 3, start: "07:00", end: "10:00" }] }));
    // Monday 15:00 Paris: the organisation works, this person does not.
    expect(isWorkingTime(partTime, at("2026-06-15T13:00:00Z"))).toBe(false);
    // Their Wednesday starts at 07:00, before the organisation's 08:00.
    expect(nextWorkingStart(partTime, at("2026-06-15T13:00:00Z"))).toEqual(at("2026-06-17T05:00:00Z"));
    // Their Saturday morning shift is working time, though not the organisation's.
    expect(isWorkingTime(partTime, at("2026-06-20T08:00:00Z"))).toBe(true);
    expect(isWorkingTime(partTime, at("2026-06-18T08:00:00Z"))).toBe(false);
  });
});
