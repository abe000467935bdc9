import type { Kysely } from "kysely";

/** Web push subscriptions (being built). */
export async function up(db: Kysely<unknown>): Promise<void> {
  void db;
}
