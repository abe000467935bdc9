import { sql, type Kysely } from "kysely";

/**
 * In-app notifications and what each person wants to be told.
 *
 * - `notifications`: one row a person is told something. Reactions group: while unread, one row a
 *   person and `group_key` (`reaction:post:<id>`), whose actors and count grow, moving it up.
 * - `notification_receipts`: which outbox events were already turned into notifications for whom,
 *   so that a handler run twice (a retried dispatch) notifies once.
 * - `notification_settings`: email frequency and the default level for communities.
 * - `community_notification_levels`: a level chosen for one community, overriding the default.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table notifications (
      id uuid primary key,
      user_id uuid not null references users(id) on delete cascade,
      kind text not null,
      group_key text,
      community_id uuid references communities(id) on delete cascade,
      post_id uuid references posts(id) on delete cascade,
      comment_id uuid references comments(id) on delete cascade,
      -- Most recent first, at most a few; actor_count counts them all.
      actor_ids uuid[] not null default '{}',
      actor_count integer not null default 0,
      -- Every distinct person grouped into this row, so that actor_count stays exact past the cap.
      grouped_actor_ids uuid[] not null default '{}',
      reason text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      read_at timestamptz
    )
  `.execute(db);
  await sql`create index notifications_list_idx on notifications (user_id, updated_at desc, id desc)`.execute(db);
  await sql`create index notifications_unread_idx on notifications (user_id) where read_at is null`.execute(db);
  await sql`create unique index notifications_group_idx on notifications (user_id, group_key) where read_at is null and group_key is not null`.execute(db);
  await sql`create index notifications_post_idx on notifications (post_id) where post_id is not null`.execute(db);
  await sql`create index notifications_comment_idx on notifications (comment_id) where comment_id is not null`.execute(db);
  await sql`
    create table notification_receipts (
      event_id uuid not null references events(id) on delete cascade,
      user_id uuid not null references users(id) on delete cascade,
      primary key (event_id, user_id)
    )
  `.execute(db);
  await sql`
    create table notification_settings (
      user_id uuid primary key references users(id) on delete cascade,
      email text not null default 'daily' check (email in ('immediate', 'daily', 'weekly', 'none')),
      default_level text not null default 'highlights' check (default_level in ('all', 'highlights', 'none')),
      updated_at timestamptz not null default now()
    )
  `.execute(db);
  await sql`
    create table community_notification_levels (
      user_id uuid not null references users(id) on delete cascade,
      community_id uuid not null references communities(id) on delete cascade,
      level text not null check (level in ('all', 'highlights', 'none')),
      updated_at timestamptz not null default now(),
      primary key (user_id, community_id)
    )
  `.execute(db);
  await sql`create index community_notification_levels_community_idx on community_notification_levels (community_id, level)`.execute(db);
}
