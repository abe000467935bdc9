import { sql, type Kysely } from "kysely";

/**
 * Send later carries what a post carries: attachments, a poll and "must read".
 *
 * - `scheduled_posts.poll`: the poll as `POST /api/v1/posts` takes it, written when the post goes out.
 * - `scheduled_posts.must_read`: an announcement everyone must acknowledge.
 * - `attachments.scheduled_post_id`: an upload held by a scheduled post. It is no longer free to
 *   attach elsewhere, and the hourly cleanup of unclaimed uploads leaves it alone (a post may wait
 *   90 days; an unclaimed upload lives 24 hours). Cancelling the scheduled post frees it again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table scheduled_posts add column must_read boolean not null default false, add column poll jsonb`.execute(db);
  await sql`alter table attachments add column scheduled_post_id uuid references scheduled_posts(id) on delete set null`.execute(db);
  await sql`create index attachments_scheduled_post_idx on attachments (scheduled_post_id) where scheduled_post_id is not null`.execute(db);
  await sql`drop index attachments_unclaimed_idx`.execute(db);
  await sql`create index attachments_unclaimed_idx on attachments (created_at)
    where post_id is null and comment_id is null and scheduled_post_id is null`.execute(db);
}
