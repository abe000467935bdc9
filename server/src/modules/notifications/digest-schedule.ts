import { DateTime } from "luxon";
import { nextWorkingStart, type Schedule } from "../disconnect/working-time.ts";

export type DigestFrequency = "daily" | "weekly";

/** How far back a person's first digest looks. */
export const DIGEST_PERIOD_MS: Record<DigestFrequency, number> = { daily: 24 * 3600_000, weekly: 7 * 24 * 3600_000 };

/**
 * When a person's next digest is due: the start of their first working period in the day (or ISO
 * week) after the one of their last round, in their time zone; for a first digest, in the current
 * day (or week). An absence pushes it to their return, since nextWorkingStart waits it out.
 * @example digestDue({ frequency: "daily", schedule, lastRound: null, now }) // today 08:00 local
 */
export function digestDue(input: { frequency: DigestFrequency; schedule: Schedule; lastRound: Date | null; now: Date }): Date {
  const unit = input.frequency === "daily" ? "day" : "week";
  const zone = input.schedule.zone;
  const anchor = input.lastRound
    ? DateTime.fromJSDate(input.lastRound, { zone }).startOf(unit).plus(unit === "day" ? { days: 1 } : { weeks: 1 })
    : DateTime.fromJSDate(input.now, { zone }).startOf(unit);
  return nextWorkingStart(input.schedule, anchor.toJSDate());
}
