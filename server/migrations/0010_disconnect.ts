import type { Kysely } from "kysely";

/** The right to disconnect: working time, held deliveries, urgent overrides (being built). */
export async function up(db: Kysely<unknown>): Promise<void> {
  void db;
}
