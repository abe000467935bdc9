import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { sql } from "kysely";
import type { Db } from "../../platform/db.ts";

let lastAddress = 0;

/**
 * A client address no other test of the file has used: per-IP rate limits live in the app's
 * memory for the whole file, so each test gets a fresh budget unless it shares on purpose.
 */
export function freshAddress(): string {
  lastAddress += 1;
  return `10.20.${Math.floor(lastAddress / 250)}.${(lastAddress % 250) + 1}`;
}

/** POSTs raw text as JSON (for malformed and oversized bodies). */
export function postRaw(
  app: FastifyInstance,
  input: { url: string; payload: string; headers?: Record<string, string>; remoteAddress?: string },
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: "POST",
    url: input.url,
    payload: input.payload,
    remoteAddress: input.remoteAddress ?? freshAddress(),
    headers: { "content-type": "application/json", ...input.headers },
  });
}

/** Just over the 1 MiB body limit. */
export const oversizedText = "x".repeat(1024 * 1024 + 16);

/** How many rows a table holds, to show that a refused request wrote nothing. */
export async function countRows(db: Db, table: "users" | "sessions" | "access_tokens" | "login_failures" | "events"): Promise<number> {
  const result = await sql<{ count: number }>`select count(*)::int as count from ${sql.table(table)}`.execute(db);
  return result.rows[0]?.count ?? 0;
}

/** The `field` of each detail of an error response. */
export function fieldsOf(response: LightMyRequestResponse): string[] {
  const body = response.json() as { error?: { details?: { field?: string }[] } };
  return (body.error?.details ?? []).map((detail) => detail.field ?? "");
}

/** The catalogue code of an error response. */
export function codeOf(response: LightMyRequestResponse): string | undefined {
  return (response.json() as { error?: { code?: string } }).error?.code;
}
