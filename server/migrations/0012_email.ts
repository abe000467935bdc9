import type { Kysely } from "kysely";

/** Email notifications and digests (being built). */
export async function up(db: Kysely<unknown>): Promise<void> {
  void db;
}
