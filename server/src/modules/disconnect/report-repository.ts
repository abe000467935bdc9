import { sql } from "kysely";
import type { Executor } from "../../platform/db.ts";
import type { OrganisationWorkingTime } from "./working-time.ts";

/** A report's span: [start, end) and the zone its months are read in. */
export interface ReportRange {
  start: Date;
  end: Date;
  zone: string;
}

interface MonthCount {
  month: string;
  department: string | null;
  count: number;
}

/** The organisation's working time, the frame of every person's schedule. */
export async function organisationFrame(db: Executor): Promise<OrganisationWorkingTime> {
  const row = await db.selectFrom("organisation").select(["working_days", "work_starts", "work_ends", "default_timezone"]).executeTakeFirstOrThrow();
  return { workingDays: row.working_days, workStarts: row.work_starts, workEnds: row.work_ends, defaultTimezone: row.default_timezone };
}

/** How many active people each department has (null: no department), for the under-five rule. */
export async function departmentHeadcounts(db: Executor): Promise<{ department: string | null; people: number }[]> {
  const { rows } = await sql<{ department: string | null; people: number }>`
    select nullif(trim(department), '') as department, count(*)::int as people
    from users where status = 'active' group by 1
  `.execute(db);
  return rows;
}

const monthOf = (column: ReturnType<typeof sql.ref>, zone: string) => sql<string>`to_char(${column} at time zone ${zone}, 'YYYY-MM')`;

/** Email and push deliveries held past the moment they were made, per month and recipient's department. */
export async function countHeldNotifications(db: Executor, range: ReportRange): Promise<MonthCount[]> {
  const { rows } = await sql<MonthCount>`
    select ${monthOf(sql.ref("d.created_at"), range.zone)} as month, nullif(trim(u.department), '') as department, count(*)::int as count
    from notification_deliveries d join users u on u.id = d.user_id
    where d.created_at >= ${range.start} and d.created_at < ${range.end} and d.due_at > d.created_at
    group by 1, 2
  `.execute(db);
  return rows;
}

/** Urgent overrides per month and the department of who made them. */
export async function countUrgentOverrides(db: Executor, range: ReportRange): Promise<MonthCount[]> {
  const { rows } = await sql<MonthCount>`
    select ${monthOf(sql.ref("o.created_at"), range.zone)} as month, nullif(trim(u.department), '') as department, count(*)::int as count
    from urgent_overrides o left join users u on u.id = o.actor_id
    where o.created_at >= ${range.start} and o.created_at < ${range.end}
    group by 1, 2
  `.execute(db);
  return rows;
}

/** The reasons given for urgent overrides, per month, in order: never who gave them. */
export async function overrideReasons(db: Executor, range: ReportRange): Promise<{ month: string; reasons: string[] }[]> {
  const { rows } = await sql<{ month: string; reasons: string[] }>`
    select ${monthOf(sql.ref("created_at"), range.zone)} as month, array_agg(reason order by created_at, id) as reasons
    from urgent_overrides
    where created_at >= ${range.start} and created_at < ${range.end}
    group by 1 order by 1
  `.execute(db);
  return rows;
}

/** Posts per author, month, and local weekday and minute of the day: what decides "outside working time". */
export interface PostMoment {
  month: string;
  department: string | null;
  timezone: string | null;
  workingHours: { day: number; start: string; end: string }[];
  weekday: number;
  minute: number;
  count: number;
}

/**
 * Posts written in the range, grouped by author and local moment of the week (read in the author's
 * time zone by PostgreSQL, daylight saving included), so that the schedule is applied per group.
 */
export async function countOffHoursCandidates(db: Executor, range: ReportRange): Promise<PostMoment[]> {
  const local = sql`(p.created_at at time zone coalesce(u.timezone, ${range.zone}))`;
  const { rows } = await sql<Omit<PostMoment, "workingHours"> & { working_hours: PostMoment["workingHours"] }>`
    select ${monthOf(sql.ref("p.created_at"), range.zone)} as month, nullif(trim(u.department), '') as department,
      u.timezone, u.working_hours, extract(isodow from ${local})::int as weekday,
      (extract(hour from ${local}) * 60 + extract(minute from ${local}))::int as minute, count(*)::int as count
    from posts p join users u on u.id = p.author_id
    where p.created_at >= ${range.start} and p.created_at < ${range.end}
    group by u.id, 1, 5, 6
  `.execute(db);
  return rows.map(({ working_hours, ...row }) => ({ ...row, workingHours: working_hours }));
}
