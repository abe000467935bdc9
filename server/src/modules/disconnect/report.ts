import { REPORT_MIN_GROUP, type DisconnectReport, type DisconnectReportQuery, type DisconnectReportRow } from "@ruche/contracts";
import { DateTime } from "luxon";
import type { Executor } from "../../platform/db.ts";
import { errors } from "../../platform/errors.ts";
import { countHeldNotifications, countOffHoursCandidates, countUrgentOverrides, departmentHeadcounts, organisationFrame, overrideReasons } from "./report-repository.ts";
import { scheduleOf, type Schedule } from "./working-time.ts";

/** Most months one report covers. */
const MAX_MONTHS = 36;

/** The report's months as [start, end) instants in the organisation's time zone. */
function monthRange(query: DisconnectReportQuery, zone: string): { start: Date; end: Date } {
  const start = DateTime.fromFormat(query.from, "yyyy-MM", { zone });
  const last = DateTime.fromFormat(query.to, "yyyy-MM", { zone });
  if (last < start) throw errors.invalidField("to", "must not be before from");
  if (last.diff(start, "months").months >= MAX_MONTHS) throw errors.invalidField("to", `must be at most ${MAX_MONTHS} months after from`);
  return { start: start.toJSDate(), end: last.plus({ months: 1 }).toJSDate() };
}

/** Whether a local weekday and minute of the day fall in a schedule's spans. */
function insideSchedule(schedule: Schedule, weekday: number, minute: number): boolean {
  return (schedule.days[weekday] ?? []).some((span) => span.start <= minute && minute < span.end);
}

type Counts = Omit<DisconnectReportRow, "month" | "department">;

/**
 * Departments shown by name: those with at least five people. Everyone else (small departments,
 * people without one) is "Other", itself hidden when fewer than five: no group under five is shown.
 */
function groupsOf(headcounts: { department: string | null; people: number }[]): { named: Set<string>; otherShown: boolean } {
  const named = new Set(headcounts.filter((row) => row.department !== null && row.people >= REPORT_MIN_GROUP).map((row) => row.department as string));
  const others = headcounts.filter((row) => row.department === null || !named.has(row.department)).reduce((sum, row) => sum + row.people, 0);
  return { named, otherShown: others >= REPORT_MIN_GROUP };
}

/**
 * The HR and works council report on the right to disconnect: per month and department,
 * notifications held, posts written outside their author's working time, urgent overrides; the
 * reasons for overrides per month, never with a name. Aggregated only, at least five people a group.
 */
export async function disconnectReport(db: Executor, query: DisconnectReportQuery): Promise<DisconnectReport> {
  const organisation = await organisationFrame(db);
  const range = monthRange(query, organisation.defaultTimezone);
  const input = { ...range, zone: organisation.defaultTimezone };
  const groups = groupsOf(await departmentHeadcounts(db));
  const cells = new Map<string, Counts & { month: string; department: string | null }>();
  const add = (row: { month: string; department: string | null }, field: keyof Counts, count: number) => {
    const department = row.department !== null && groups.named.has(row.department) ? row.department : null;
    if (department === null && !groups.otherShown) return;
    const key = `${row.month}\u0000${department ?? ""}`;
    const cell = cells.get(key) ?? { month: row.month, department, notificationsHeld: 0, offHoursPosts: 0, urgentOverrides: 0 };
    cell[field] += count;
    cells.set(key, cell);
  };
  for (const row of await countHeldNotifications(db, input)) add(row, "notificationsHeld", row.count);
  for (const row of await countUrgentOverrides(db, input)) add(row, "urgentOverrides", row.count);
  for (const row of await countOffHoursCandidates(db, input)) {
    // The absence in force now says nothing about when the post was written: hours only.
    const schedule = scheduleOf(organisation, { timezone: row.timezone, workingHours: row.workingHours, awayUntil: null });
    if (!insideSchedule(schedule, row.weekday, row.minute)) add(row, "offHoursPosts", row.count);
  }
  const rows = [...cells.values()].sort((a, b) => a.month.localeCompare(b.month) || (a.department ?? "\uffff").localeCompare(b.department ?? "\uffff"));
  return { from: query.from, to: query.to, minimumGroup: REPORT_MIN_GROUP, rows, overrideReasons: await overrideReasons(db, input) };
}

/** A CSV cell: quoted, and never read as a formula by a spreadsheet. */
function csvCell(value: string | number): string {
  const text = String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
}

/** The report as CSV: the table, then a blank line and the override reasons per month. */
export function reportCsv(report: DisconnectReport, labels: { other: string }): string {
  const lines = [["month", "department", "notifications_held", "off_hours_posts", "urgent_overrides"].join(",")];
  for (const row of report.rows) {
    lines.push([row.month, row.department ?? labels.other, row.notificationsHeld, row.offHoursPosts, row.urgentOverrides].map(csvCell).join(","));
  }
  lines.push("", ["month", "urgent_override_reason"].join(","));
  for (const month of report.overrideReasons) for (const reason of month.reasons) lines.push([month.month, reason].map(csvCell).join(","));
  return `${lines.join("\r\n")}\r\n`;
}
