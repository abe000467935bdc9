import { sql, type Kysely } from "kysely";

/**
 * Email notifications and digests.
 *
 * `email_digests`: one row a person the digest job ever considered. `last_round_at` is when their
 * last round ran (a re-run before the next one is due does nothing); `covered_until` is the instant
 * up to which they were mailed or seen the app (the next digest holds only what changed after it);
 * `last_sent_at` is when a digest mail last went. Immediate mails need no state: the job that
 * sends them is keyed by the notifications it carries.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table email_digests (
      user_id uuid primary key references users(id) on delete cascade,
      last_round_at timestamptz,
      covered_until timestamptz,
      last_sent_at timestamptz
    )
  `.execute(db);
}
