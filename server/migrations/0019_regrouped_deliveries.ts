import { sql, type Kysely } from "kysely";

/**
 * A notification may be delivered by email and push more than once: a reaction folded into an
 * unread notification ("A and 3 others reacted") after its delivery went out is delivered again.
 * At most one delivery of a notification waits at a time; released ones stay for the works-council
 * report and for spacing the next.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table notification_deliveries drop constraint notification_deliveries_notification_id_key`.execute(db);
  await sql`create unique index notification_deliveries_waiting_idx on notification_deliveries (notification_id) where released_at is null`.execute(db);
  await sql`create index notification_deliveries_notification_idx on notification_deliveries (notification_id, released_at)`.execute(db);
}
