// Dates, times and weekdays in the reader's language, through Intl (never hand-made formats).
import { localeFor } from "../../i18n/locale.ts";

/** A fixed Monday (2024-01-01, UTC): ISO weekday `day` (1 = Monday ... 7 = Sunday) is `day - 1` days later. */
const MONDAY = Date.UTC(2024, 0, 1);

function capitalise(text: string, language: string): string {
  return text.charAt(0).toLocaleUpperCase(language) + text.slice(1);
}

/** The name of ISO weekday `day` ("Monday", "Lundi"), capitalised to start a line or a label. */
export function weekdayName(day: number, language: string): string {
  const date = new Date(MONDAY + (day - 1) * 86_400_000);
  return capitalise(new Intl.DateTimeFormat(localeFor(language), { weekday: "long", timeZone: "UTC" }).format(date), language);
}

/** The seven ISO weekdays, Monday first, with their names. */
export function weekdays(language: string): { day: number; name: string }[] {
  return [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, name: weekdayName(day, language) }));
}

/** A wall-clock time "HH:MM" as the reader writes it ("18:00", "6:00 PM"). */
export function formatClockTime(time: string, language: string): string {
  const [hours = 0, minutes = 0] = time.split(":").map(Number);
  const date = new Date(Date.UTC(2024, 0, 1, hours, minutes));
  return new Intl.DateTimeFormat(localeFor(language), { hour: "numeric", minute: "2-digit", timeZone: "UTC" }).format(date);
}

/** A day ("12 mars 2025"), or a day and time when `withTime`. */
export function formatDate(iso: string, language: string, options: { withTime?: boolean } = {}): string {
  const style: Intl.DateTimeFormatOptions = options.withTime ? { dateStyle: "medium", timeStyle: "short" } : { dateStyle: "medium" };
  return new Intl.DateTimeFormat(localeFor(language), style).format(new Date(iso));
}

/** The current time in an IANA zone, with the weekday; null when the zone is unknown to this browser. */
export function formatTimeIn(timezone: string, language: string, now: Date): string | null {
  try {
    return new Intl.DateTimeFormat(localeFor(language), { weekday: "long", hour: "numeric", minute: "2-digit", timeZone: timezone }).format(now);
  } catch {
    return null;
  }
}
