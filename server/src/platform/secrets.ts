import { sql } from "kysely";
import type { Executor } from "./db.ts";

/**
 * The server secret called `name`, made by `generate` the first time anyone asks for it. Several
 * nodes asking at once agree on one value: the first insert wins and everyone reads it back.
 * @example const key = await serverSecret(db, "unsubscribe-key", () => randomBytes(32).toString("base64url"));
 */
export async function serverSecret(db: Executor, name: string, generate: () => string | Promise<string>): Promise<string> {
  const existing = await db.selectFrom("server_secrets").select("value").where("name", "=", name).executeTakeFirst();
  if (existing) return existing.value;
  await sql`insert into server_secrets (name, value) values (${name}, ${await generate()}) on conflict (name) do nothing`.execute(db);
  const row = await db.selectFrom("server_secrets").select("value").where("name", "=", name).executeTakeFirstOrThrow();
  return row.value;
}
