/**
 * How long ago something happened, in the reader's language ("il y a 5 minutes", "hier"), or the
 * date itself beyond a week, when "il y a 23 jours" would make the reader count.
 */
export function relativeTime(timestamp: string, now: Date, locale: string): string {
  const then = new Date(timestamp);
  const seconds = Math.round((then.getTime() - now.getTime()) / 1000);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  const elapsed = Math.abs(seconds);
  if (elapsed < 45) return format.format(0, "second");
  if (elapsed < 3600) return format.format(Math.round(seconds / 60), "minute");
  if (elapsed < 86_400) return format.format(Math.round(seconds / 3600), "hour");
  if (elapsed < 7 * 86_400) return format.format(Math.round(seconds / 86_400), "day");
  const sameYear = then.getFullYear() === now.getFullYear();
  return new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", ...(sameYear ? {} : { year: "numeric" }) }).format(then);
}

/** The date and time in full words ("12 mars 2025 à 18:00"): behind a relative time, and for a poll's closing. */
export function fullDateTime(timestamp: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short" }).format(new Date(timestamp));
}

const byteUnits = ["byte", "kilobyte", "megabyte", "gigabyte"] as const;

/** A file size in the reader's units and decimals ("2,4 Mo", "2.4 MB"). */
export function formatBytes(bytes: number, locale: string): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < byteUnits.length - 1) {
    value /= 1000;
    unit += 1;
  }
  // Plain bytes are spelled out ("512 bytes", "512 octets"): their short form is the singular "byte".
  const unitDisplay = unit === 0 ? "long" : "short";
  return new Intl.NumberFormat(locale, { style: "unit", unit: byteUnits[unit], unitDisplay, maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
}

/** A count in a small space ("1,2 k", "1.2K"): reactions and comments on a busy post. */
export function formatCount(count: number, locale: string): string {
  return new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 }).format(count);
}

/** Where a text stands against its length limit: the counter shows only near the end, and turns red past it. */
export interface Budget {
  remaining: number;
  near: boolean;
  over: boolean;
}

export function characterBudget(length: number, max: number): Budget {
  const remaining = max - length;
  return { remaining, near: remaining <= max * 0.1, over: remaining < 0 };
}
