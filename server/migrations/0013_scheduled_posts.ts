import { sql, type Kysely } from "kysely";

/**
 * Send later: posts written now that go out at a chosen instant, as their author at that moment.
 *
 * - `scheduled_posts`: one row a post waiting (`scheduled`), gone out (`published`, with the post
 *   it became) or refused when its time came (`failed`, with the error code and why). Cancelling
 *   deletes the row; a published or failed one is kept so that its author sees what happened.
 * - `scheduled_comments`: the same for comments and replies on a post.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table scheduled_posts (
      id uuid primary key,
      author_id uuid not null references users(id) on delete cascade,
      community_id uuid not null references communities(id) on delete cascade,
      body text not null,
      announcement boolean not null default false,
      send_at timestamptz not null,
      status text not null default 'scheduled' check (status in ('scheduled', 'published', 'failed')),
      post_id uuid references posts(id) on delete set null,
      failure_code text,
      failure_reason text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      processed_at timestamptz
    )
  `.execute(db);
  await sql`create index scheduled_posts_due_idx on scheduled_posts (send_at) where status = 'scheduled'`.execute(db);
  await sql`create index scheduled_posts_author_idx on scheduled_posts (author_id, send_at, id)`.execute(db);
  await sql`
    create table scheduled_comments (
      id uuid primary key,
      author_id uuid not null references users(id) on delete cascade,
      post_id uuid not null references posts(id) on delete cascade,
      parent_id uuid references comments(id) on delete cascade,
      body text not null,
      send_at timestamptz not null,
      status text not null default 'scheduled' check (status in ('scheduled', 'published', 'failed')),
      comment_id uuid references comments(id) on delete set null,
      failure_code text,
      failure_reason text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      processed_at timestamptz
    )
  `.execute(db);
  await sql`create index scheduled_comments_due_idx on scheduled_comments (send_at) where status = 'scheduled'`.execute(db);
  await sql`create index scheduled_comments_author_idx on scheduled_comments (author_id, send_at, id)`.execute(db);
}
