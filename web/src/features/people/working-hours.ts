import type { WorkingSpan } from "@ruche/contracts";

/** Consecutive days that share the same hours ("Monday – Friday: 9:00 – 18:00"). */
export interface WorkingDays {
  firstDay: number;
  lastDay: number;
  spans: { start: string; end: string }[];
}

const sameHours = (a: WorkingDays["spans"], b: WorkingDays["spans"]) =>
  a.length === b.length && a.every((span, index) => span.start === b[index]?.start && span.end === b[index]?.end);

/** Groups working spans by day, then merges runs of consecutive days with identical hours. */
export function summariseWorkingHours(spans: WorkingSpan[]): WorkingDays[] {
  const byDay = new Map<number, WorkingDays["spans"]>();
  const ordered = [...spans].sort((a, b) => a.day - b.day || a.start.localeCompare(b.start));
  for (const { day, start, end } of ordered) byDay.set(day, [...(byDay.get(day) ?? []), { start, end }]);
  const groups: WorkingDays[] = [];
  for (const [day, daySpans] of byDay) {
    const previous = groups.at(-1);
    if (previous && previous.lastDay === day - 1 && sameHours(previous.spans, daySpans)) previous.lastDay = day;
    else groups.push({ firstDay: day, lastDay: day, spans: daySpans });
  }
  return groups;
}
