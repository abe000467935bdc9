/** Two digits, as date-time inputs want them. */
const pad = (value: number) => value.toString().padStart(2, "0");

/** A date as a `datetime-local` input shows it, in the browser's time zone ("2026-03-10T08:00"). */
export function toLocalInput(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A `datetime-local` value read in the browser's time zone, as an ISO instant; null when incomplete. */
export function fromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The default "send later" time: the next full hour at least 15 minutes away. */
export function nextFullHour(now: Date): Date {
  const next = new Date(now.getTime() + 15 * 60_000);
  next.setMinutes(0, 0, 0);
  return new Date(next.getTime() + 3_600_000);
}

/** "2026-03": the month of a date, for the report's range. */
export function monthOf(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}`;
}
