import type { UpdateWorkingTimeBody, WorkingTime } from "@ruche/contracts";

/** ISO weekdays, Monday first. */
export const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;

export interface WorkingTimeValues {
  workingDays: string[];
  workStarts: string;
  workEnds: string;
  managersMayUrge: boolean;
}

export function workingTimeValues(workingTime: WorkingTime): WorkingTimeValues {
  return { workingDays: workingTime.workingDays.map(String), workStarts: workingTime.workStarts, workEnds: workingTime.workEnds, managersMayUrge: workingTime.managersMayUrge };
}

/** What is wrong with the values before asking the server (which checks it all again), by field. */
export function workingTimeProblems(values: WorkingTimeValues): Partial<Record<"workingDays" | "workEnds", "noDay" | "endsBeforeStart">> {
  const problems: Partial<Record<"workingDays" | "workEnds", "noDay" | "endsBeforeStart">> = {};
  if (values.workingDays.length === 0) problems.workingDays = "noDay";
  if (values.workStarts && values.workEnds && values.workEnds <= values.workStarts) problems.workEnds = "endsBeforeStart";
  return problems;
}

export function workingTimeBody(values: WorkingTimeValues): UpdateWorkingTimeBody {
  return {
    workingDays: values.workingDays.map(Number).sort((a, b) => a - b),
    workStarts: values.workStarts.slice(0, 5),
    workEnds: values.workEnds.slice(0, 5),
    managersMayUrge: values.managersMayUrge,
  };
}

/** A `datetime-local` value ("2026-12-24T08:00", the browser's time) from an instant, or "". */
export function localInputValue(iso: string | null): string {
  if (!iso) return "";
  const date = new Date(iso);
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The instant of a `datetime-local` value (the browser's time), or null when empty or invalid. */
export function instantOfLocalInput(value: string): string | null {
  if (!value) return null;
  const time = new Date(value).getTime();
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}
