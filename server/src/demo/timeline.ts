import { createHash } from "node:crypto";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * When things happened in the demo, relative to the moment of seeding: the script speaks in days
 * ago and wall-clock times in the organisation's time zone, so posts land in working hours
 * whenever the demo is run. Nothing is ever dated in the future.
 */
export class Timeline {
  constructor(
    readonly now: Date,
    private readonly timeZone: string,
  ) {}

  /** `time` ("HH:MM", local) on the day `daysAgo` days before now; at the latest a minute ago. */
  at(daysAgo: number, time: string): Date {
    const [hours = 0, minutes = 0] = time.split(":").map(Number);
    const { year, month, day } = this.localDate(new Date(this.now.getTime() - daysAgo * DAY));
    const asIfUtc = Date.UTC(year, month - 1, day, hours, minutes);
    const instant = new Date(asIfUtc - this.offsetMinutes(new Date(asIfUtc)) * MINUTE);
    return this.notAfterNow(instant);
  }

  /** `minutes` after `start`, at the latest a minute ago. */
  after(start: Date, minutes: number): Date {
    return this.notAfterNow(new Date(start.getTime() + minutes * MINUTE));
  }

  /** The local calendar day `days` from today (negative: in the past), as YYYY-MM-DD. */
  day(days: number): string {
    const { year, month, day } = this.localDate(new Date(this.now.getTime() + days * DAY));
    return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  }

  /** The start of the local day after `day` (YYYY-MM-DD): when the hourly job archives a project that ended that day. */
  dayAfter(day: string): Date {
    const [year = 0, month = 1, date = 1] = day.split("-").map(Number);
    const asIfUtc = Date.UTC(year, month - 1, date + 1, 0, 5);
    return new Date(asIfUtc - this.offsetMinutes(new Date(asIfUtc)) * MINUTE);
  }

  private notAfterNow(instant: Date): Date {
    const latest = this.now.getTime() - MINUTE;
    return instant.getTime() > latest ? new Date(latest) : instant;
  }

  private localDate(instant: Date): { year: number; month: number; day: number } {
    const parts = new Intl.DateTimeFormat("en-CA", { timeZone: this.timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(instant);
    const part = (type: string) => Number(parts.find((candidate) => candidate.type === type)?.value);
    return { year: part("year"), month: part("month"), day: part("day") };
  }

  /** How far the time zone is ahead of UTC at `instant`, in minutes (Paris: 60 or 120). */
  private offsetMinutes(instant: Date): number {
    const parts = new Intl.DateTimeFormat("en-CA", {
      timeZone: this.timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    }).formatToParts(instant);
    const part = (type: string) => Number(parts.find((candidate) => candidate.type === type)?.value);
    const local = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"));
    return Math.round((local - Math.floor(instant.getTime() / MINUTE) * MINUTE) / MINUTE);
  }
}

/**
 * `count` of `candidates`, always the same ones for the same `label`: who reacted to a post or
 * voted in a poll is drawn, but a demo seeded twice tells the same story. A script that asks for
 * more people than may take part is wrong, and says so.
 */
export function draw<T extends string>(label: string, candidates: readonly T[], count: number): T[] {
  if (count > candidates.length) throw new Error(`The demo script wants ${count} people for ${label}, but only ${candidates.length} may take part there`);
  const rank = (candidate: T) => createHash("sha256").update(`${label}:${candidate}`).digest("hex");
  return [...candidates]
    .map((candidate) => ({ candidate, rank: rank(candidate) }))
    .sort((a, b) => (a.rank < b.rank ? -1 : 1))
    .slice(0, count)
    .map(({ candidate }) => candidate);
}
