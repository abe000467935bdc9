import type { Kysely } from "kysely";

/** Posts and comments scheduled to go out later (being built). */
export async function up(db: Kysely<unknown>): Promise<void> {
  void db;
}
