import { sql, type Kysely } from "kysely";

/**
 * Web push: the browsers each person subscribed. `endpoint` is the push service's URL for one
 * browser, unique: a browser shared by two people belongs to whoever subscribed it last.
 * `failures` counts consecutive failed sends (reset by a success); a 404 or 410 from the push
 * service means the browser dropped the subscription, and the row goes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table push_subscriptions (
      id uuid primary key,
      user_id uuid not null references users(id) on delete cascade,
      endpoint text not null unique,
      p256dh text not null,
      auth text not null,
      user_agent text,
      created_at timestamptz not null default now(),
      last_success_at timestamptz,
      failures integer not null default 0
    )
  `.execute(db);
  await sql`create index push_subscriptions_user_idx on push_subscriptions (user_id)`.execute(db);
}
