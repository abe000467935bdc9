import { sql, type Kysely } from "kysely";

/**
 * When Ruche archived a project community because its end date had passed. A project is archived
 * once for a given end date: its managers may unarchive it to wrap up, and it stays open until
 * they give it a new end date, which clears this.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table communities add column end_archived_at timestamptz`.execute(db);
  await sql`drop index communities_project_end_idx`.execute(db);
  await sql`create index communities_project_end_idx on communities (ends_on) where kind = 'project' and end_archived_at is null and deleted_at is null`.execute(db);
}
