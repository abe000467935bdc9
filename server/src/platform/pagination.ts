import { sql, type RawBuilder } from "kysely";
import { errors, type AppError } from "./errors.ts";

/** The sort key and id of the last row a page showed: the next page starts strictly after it. */
export interface Cursor {
  key: string;
  id: string;
}

/** How to check a cursor's key: an exact timestamp (`created_at`) or free text (a folded name). */
export type CursorKind = "timestamp" | "text";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Microseconds matter: PostgreSQL keeps them, so a cursor rounded to milliseconds would skip rows.
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

/**
 * The opaque cursor for the row a page ended on: base64url of `[key, id]`.
 * @example encodeCursor(row.created_at_key, row.id) // "WyIyMDI1LTExLTI4VDA0..."
 */
export function encodeCursor(key: string, id: string): string {
  return Buffer.from(JSON.stringify([key, id])).toString("base64url");
}

function malformed(): AppError {
  return errors.invalidField("cursor", "is not a cursor this list gave out");
}

/** Whether `key` is an exact UTC timestamp as `cursorTimestamp` writes it, and a real date (for composite cursor keys). */
export function isTimestamp(key: string): boolean {
  if (!TIMESTAMP.test(key)) return false;
  // Reject dates that JavaScript would roll over (2025-02-30) and PostgreSQL would refuse.
  const date = new Date(`${key.slice(0, 19)}Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 19) === key.slice(0, 19);
}

/**
 * Reads a cursor made by `encodeCursor`; anything else is a 400 `validation_failed` naming `cursor`.
 * @example const after = query.cursor ? decodeCursor(query.cursor) : undefined;
 */
export function decodeCursor(cursor: string, kind: CursorKind = "timestamp"): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw malformed();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw malformed();
  const [key, id] = parsed as unknown[];
  if (typeof key !== "string" || typeof id !== "string" || !UUID.test(id)) throw malformed();
  if (kind === "timestamp" && !isTimestamp(key)) throw malformed();
  return { key, id };
}

/**
 * A timestamptz column as exact UTC ISO text (microseconds kept), to select as a row's cursor key.
 * @example .select(cursorTimestamp("access_tokens.created_at").as("cursor_key"))
 */
export function cursorTimestamp(column: string): RawBuilder<string> {
  return sql<string>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/**
 * Turns `limit + 1` fetched rows into a page: the extra row only tells that there is a next page.
 * @example pageOf(rows, limit, (row) => [row.cursor_key, row.id])
 */
export function pageOf<T>(rows: T[], limit: number, cursorOf: (row: T) => [string, string]): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const nextCursor = rows.length > limit && last ? encodeCursor(...cursorOf(last)) : null;
  return { items, nextCursor };
}
