import { sql, type Kysely } from "kysely";

/**
 * Secrets the server makes itself on first use (the key that signs unsubscribe links, the VAPID
 * key pair of web push). They live in the database, not in one node's data directory, because
 * every node must share them: a browser subscribed to web push through one node is pushed to by
 * the worker, and a link signed by one node is opened through another. Backups carry them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table server_secrets (
      name text primary key,
      value text not null,
      created_at timestamptz not null default now()
    )
  `.execute(db);
}
