import { sql, type Kysely } from "kysely";

/**
 * Whether a community has guests is asked for every community shown (the "external" marker);
 * guests are few, so a partial index on them answers it without reading every user.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index users_guests_idx on users (id) where role = 'guest'`.execute(db);
}
