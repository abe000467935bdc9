import { DateTime } from "luxon";

/** One span of a working day, in minutes since local midnight: [start, end). */
export interface DaySpan {
  start: number;
  end: number;
}

/**
 * When a person may be reached by email or push: spans per ISO weekday (1 = Monday) read in
 * `zone`, and nothing before `awayUntil`.
 */
export interface Schedule {
  zone: string;
  days: Record<number, DaySpan[]>;
  awayUntil: Date | null;
}

/** The organisation's working time, as stored. */
export interface OrganisationWorkingTime {
  workingDays: number[];
  /** "HH:MM" (or PostgreSQL's "HH:MM:SS"). */
  workStarts: string;
  workEnds: string;
  defaultTimezone: string;
}

/** A person's own settings; empty `workingHours` means the organisation's hours. */
export interface PersonWorkingTime {
  timezone: string | null;
  workingHours: { day: number; start: string; end: string }[];
  awayUntil: Date | null;
}

/** "08:30" or "08:30:00" -> 510. */
export function minutesOf(time: string): number {
  const [hours = "0", minutes = "0"] = time.split(":");
  return Number(hours) * 60 + Number(minutes);
}


/**
 * A person's schedule: their own working hours when they set some (narrower than the
 * organisation's, or different: a part-time week, a Saturday shift), else the organisation's
 * days and hours; in the person's time zone, or the organisation's.
 */
export function scheduleOf(organisation: OrganisationWorkingTime, person: PersonWorkingTime): Schedule {
  const frame: DaySpan = { start: minutesOf(organisation.workStarts), end: minutesOf(organisation.workEnds) };
  const days: Record<number, DaySpan[]> = {};
  if (person.workingHours.length === 0) {
    for (const day of organisation.workingDays) days[day] = [frame];
  } else {
    for (const span of person.workingHours) {
      const own = { start: minutesOf(span.start), end: minutesOf(span.end) };
      if (own.start < own.end) days[span.day] = [...(days[span.day] ?? []), own].sort((a, b) => a.start - b.start);
    }
  }
  return { zone: person.timezone ?? organisation.defaultTimezone, days, awayUntil: person.awayUntil };
}

function insideSpans(schedule: Schedule, instant: Date): boolean {
  const local = DateTime.fromJSDate(instant, { zone: schedule.zone });
  const minute = local.hour * 60 + local.minute;
  return (schedule.days[local.weekday] ?? []).some((span) => span.start <= minute && minute < span.end);
}

/** Whether `instant` falls in the person's working time (and not during an absence). */
export function isWorkingTime(schedule: Schedule, instant: Date): boolean {
  if (schedule.awayUntil && instant < schedule.awayUntil) return false;
  return insideSpans(schedule, instant);
}

/** A week and a day covers every weekday, whatever the start. */
const DAYS_SEARCHED = 8;

/**
 * The first instant at or after `instant` that is working time: `instant` itself when inside.
 * A schedule with no working time at all holds nothing back (there is no start to wait for),
 * except an absence, which is always waited out.
 */
export function nextWorkingStart(schedule: Schedule, instant: Date): Date {
  const from = schedule.awayUntil && schedule.awayUntil > instant ? schedule.awayUntil : instant;
  if (insideSpans(schedule, from)) return from;
  const day = DateTime.fromJSDate(from, { zone: schedule.zone }).startOf("day");
  for (let offset = 0; offset < DAYS_SEARCHED; offset += 1) {
    const date = day.plus({ days: offset });
    for (const span of schedule.days[date.weekday] ?? []) {
      // Wall-clock time of that date: luxon applies the zone's offset of that very day (DST).
      const start = date.set({ hour: Math.floor(span.start / 60), minute: span.start % 60 }).toJSDate();
      if (start > from) return start;
    }
  }
  return from;
}
