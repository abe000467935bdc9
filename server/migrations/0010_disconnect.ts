import { sql, type Kysely } from "kysely";

/**
 * The right to disconnect (Code du travail L2242-17).
 *
 * - `organisation`: working days (ISO weekdays, 1 = Monday) and hours, read in each person's time
 *   zone; whether community managers may mark an announcement urgent (admins always may).
 * - `users.away_until`: an absence; nothing is delivered by email or push before it ends.
 * - `notification_deliveries`: one email/push delivery a notification, held until `due_at` (the
 *   start of the person's next working period) and released by a job that groups them per person.
 * - `urgent_overrides`: the audit trail of announcements delivered at once, with who, when and why.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table organisation
      add column working_days smallint[] not null default '{1,2,3,4,5}',
      add column work_starts time not null default '08:00',
      add column work_ends time not null default '19:00',
      add column managers_may_urge boolean not null default false
  `.execute(db);
  await sql`alter table users add column away_until timestamptz`.execute(db);
  await sql`
    create table notification_deliveries (
      id uuid primary key,
      user_id uuid not null references users(id) on delete cascade,
      notification_id uuid not null references notifications(id) on delete cascade,
      due_at timestamptz not null,
      urgent boolean not null default false,
      created_at timestamptz not null default now(),
      released_at timestamptz,
      unique (notification_id)
    )
  `.execute(db);
  await sql`create index notification_deliveries_due_idx on notification_deliveries (due_at) where released_at is null`.execute(db);
  await sql`create index notification_deliveries_user_idx on notification_deliveries (user_id)`.execute(db);
  await sql`
    create table urgent_overrides (
      id uuid primary key,
      post_id uuid not null references posts(id) on delete cascade,
      actor_id uuid references users(id) on delete set null,
      reason text not null,
      created_at timestamptz not null default now()
    )
  `.execute(db);
  await sql`create index urgent_overrides_post_idx on urgent_overrides (post_id)`.execute(db);
  await sql`create index urgent_overrides_created_idx on urgent_overrides (created_at)`.execute(db);
}
