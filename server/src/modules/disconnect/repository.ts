import { sql } from "kysely";
import type { Executor, Tx } from "../../platform/db.ts";
import { newId } from "../../platform/ids.ts";
import type { OrganisationRow, WorkingSpanRow } from "../../platform/schema.ts";
import type { OrganisationWorkingTime, PersonWorkingTime } from "./working-time.ts";

/** The organisation's working-time columns (added by 0010_disconnect). */
export type WorkingTimeRow = Pick<OrganisationRow, "working_days" | "work_starts" | "work_ends" | "default_timezone" | "managers_may_urge">;

export async function findWorkingTime(db: Executor): Promise<WorkingTimeRow> {
  return db.selectFrom("organisation").select(["working_days", "work_starts", "work_ends", "default_timezone", "managers_may_urge"]).executeTakeFirstOrThrow();
}

export async function updateWorkingTime(tx: Tx, changes: Partial<Omit<WorkingTimeRow, "default_timezone">>): Promise<void> {
  await tx.updateTable("organisation").set({ ...changes, updated_at: new Date() }).execute();
}

export interface RecipientWorkingTime {
  userId: string;
  organisation: OrganisationWorkingTime;
  person: PersonWorkingTime;
}

/**
 * The working time of every given person who may be reached outside the app (email other than
 * "none", or a browser subscribed to push), in one query; with `everyone`, of all of them.
 */
export async function reachableRecipients(db: Executor, userIds: string[], options: { everyone?: boolean } = {}): Promise<RecipientWorkingTime[]> {
  if (userIds.length === 0) return [];
  const { rows } = await sql<{
    id: string;
    timezone: string | null;
    working_hours: WorkingSpanRow[];
    away_until: Date | null;
    working_days: number[];
    work_starts: string;
    work_ends: string;
    default_timezone: string;
  }>`
    select u.id, u.timezone, u.working_hours, u.away_until, o.working_days, o.work_starts::text as work_starts,
      o.work_ends::text as work_ends, o.default_timezone
    from users u cross join organisation o
    where u.id = any(${userIds}::uuid[])
      and (${options.everyone ?? false} or coalesce((select s.email from notification_settings s where s.user_id = u.id), 'daily') <> 'none'
        or exists (select 1 from push_subscriptions p where p.user_id = u.id))
  `.execute(db);
  return rows.map((row) => ({
    userId: row.id,
    organisation: { workingDays: row.working_days, workStarts: row.work_starts, workEnds: row.work_ends, defaultTimezone: row.default_timezone },
    person: { timezone: row.timezone, workingHours: row.working_hours, awayUntil: row.away_until },
  }));
}

export interface NewDelivery {
  userId: string;
  notificationId: string;
  dueAt: Date;
  urgent: boolean;
}

/**
 * Queues deliveries in one statement whatever their number (arrays, not one parameter a value:
 * a company-wide announcement would pass PostgreSQL's 65,535 parameters). A notification already
 * queued keeps its first delivery.
 */
export async function insertDeliveries(tx: Executor, deliveries: NewDelivery[], now: Date): Promise<void> {
  if (deliveries.length === 0) return;
  await sql`
    insert into notification_deliveries (id, user_id, notification_id, due_at, urgent, created_at)
    select d.id, d.user_id, d.notification_id, d.due_at, d.urgent, ${now}::timestamptz
    from unnest(${deliveries.map(() => newId())}::uuid[], ${deliveries.map((d) => d.userId)}::uuid[],
      ${deliveries.map((d) => d.notificationId)}::uuid[], ${deliveries.map((d) => d.dueAt.toISOString())}::timestamptz[],
      ${deliveries.map((d) => d.urgent)}::boolean[]) as d(id, user_id, notification_id, due_at, urgent)
    on conflict (notification_id) where released_at is null do nothing
  `.execute(tx);
}

/** When each of these notifications was last delivered, for those delivered before. */
export async function lastReleases(db: Executor, notificationIds: string[]): Promise<Map<string, Date>> {
  if (notificationIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("notification_deliveries")
    .select(["notification_id", (eb) => eb.fn.max("released_at").as("released_at")])
    .where("notification_id", "in", notificationIds)
    .where("released_at", "is not", null)
    .groupBy("notification_id")
    .execute();
  return new Map(rows.flatMap((row) => (row.released_at ? [[row.notification_id, new Date(row.released_at)] as const] : [])));
}

/** Whether an announcement was marked urgent (its notifications go out at once). */
export async function hasUrgentOverride(db: Executor, postId: string): Promise<boolean> {
  const row = await db.selectFrom("urgent_overrides").select("id").where("post_id", "=", postId).executeTakeFirst();
  return row !== undefined;
}

export async function insertUrgentOverride(tx: Tx, input: { postId: string; actorId: string; reason: string; now: Date }): Promise<void> {
  await tx.insertInto("urgent_overrides").values({ id: newId(), post_id: input.postId, actor_id: input.actorId, reason: input.reason, created_at: input.now }).execute();
}

export interface DueDelivery {
  id: string;
  userId: string;
  notificationId: string;
  urgent: boolean;
}

/** People with deliveries due at `now`, the longest waiting first. */
export async function peopleWithDueDeliveries(db: Executor, input: { now: Date; limit: number }): Promise<string[]> {
  const rows = await db
    .selectFrom("notification_deliveries")
    .select("user_id")
    .where("released_at", "is", null)
    .where("due_at", "<=", input.now)
    .groupBy("user_id")
    .orderBy(sql`min(due_at)`)
    .limit(input.limit)
    .execute();
  return rows.map((row) => row.user_id);
}

/** Locks one person's deliveries due at `now`, skipping any another worker holds. */
export async function claimDueDeliveries(tx: Tx, input: { userId: string; now: Date }): Promise<DueDelivery[]> {
  const rows = await tx
    .selectFrom("notification_deliveries")
    .select(["id", "notification_id", "urgent"])
    .where("user_id", "=", input.userId)
    .where("released_at", "is", null)
    .where("due_at", "<=", input.now)
    .orderBy("due_at")
    .orderBy("id")
    .forUpdate()
    .skipLocked()
    .execute();
  return rows.map((row) => ({ id: row.id, userId: input.userId, notificationId: row.notification_id, urgent: row.urgent }));
}

/** Holds deliveries again until `dueAt` (the person's working time changed since they were queued). */
export async function postponeDeliveries(tx: Tx, ids: string[], dueAt: Date): Promise<void> {
  if (ids.length === 0) return;
  await tx.updateTable("notification_deliveries").set({ due_at: dueAt }).where("id", "in", ids).execute();
}

export async function markReleased(tx: Tx, ids: string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await tx.updateTable("notification_deliveries").set({ released_at: now }).where("id", "in", ids).execute();
}
