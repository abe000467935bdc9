import { createHash } from "node:crypto";
import { Kysely, PostgresDialect, type Transaction } from "kysely";
import pg from "pg";
import type { Database } from "./schema.ts";

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Either the pool or an open transaction: repositories accept both. */
export type Executor = Db | Tx;

/** How to reach PostgreSQL: a pg pool config (URL or Unix socket). */
export type ConnectionConfig = pg.PoolConfig;

/**
 * Starts a statement that must be planned for its actual values each time, never with a generic
 * plan: a search, whose best plan depends on how common its words are (walk the newest documents
 * for a frequent word, read the text index for a rare one).
 */
export const UNPREPARED = "/* unprepared */";

/** Statements one connection keeps prepared; past that, queries are planned each time as before. */
export const PREPARED_PER_CONNECTION = 400;

/**
 * Makes every parameterised query of `client` a named prepared statement, named after its text.
 * PostgreSQL then parses a query once per connection instead of on every call, and once it has
 * seen a query a few times it reuses a generic plan when that plan is as good as a fresh one:
 * planning was half of the database's time for a feed page (bench/notes/home-feed.md). Kysely
 * sends the same text for the same query shape, so few distinct statements exist; a cap bounds
 * the server memory they hold. Queries without parameters (migrations, several statements in
 * one) and non-text queries (COPY streams) go through unchanged.
 */
function prepareStatements(client: pg.PoolClient): void {
  const prepared = new Set<string>();
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const replacement = (...args: unknown[]): unknown => {
    const [text, values, callback] = args;
    if (typeof text !== "string" || !Array.isArray(values) || values.length === 0 || callback !== undefined) return query(...args);
    if (text.startsWith(UNPREPARED)) return query(text, values);
    const name = `ruche_${createHash("sha1").update(text).digest("base64url").slice(0, 20)}`;
    if (!prepared.has(name)) {
      if (prepared.size >= PREPARED_PER_CONNECTION) return query(text, values);
      prepared.add(name);
    }
    return query({ name, text, values });
  };
  client.query = replacement as typeof client.query;
}

/**
 * Opens a pool and a Kysely instance over it, with prepared statements (a pooler in front of
 * PostgreSQL must keep them per client: PgBouncer 1.21 or later with `max_prepared_statements`).
 */
export function openDb(connection: ConnectionConfig, max = 10): { db: Db; pool: pg.Pool } {
  // No JIT: it compiles a plan when its estimated cost is high, which costs tens of milliseconds
  // and pays off only for long analytical queries; Ruche's are short (a notification's recipients
  // among 10,000 people: 88 ms with JIT, 16 without). Options in DATABASE_URL still win.
  const options = [connection.options, "-c jit=off"].filter(Boolean).join(" ");
  const pool = new pg.Pool({ ...connection, options, max, application_name: "ruche" });
  // An idle client that loses its server must not crash the process; the next query reconnects.
  pool.on("error", () => undefined);
  pool.on("connect", prepareStatements);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, pool };
}

/** The same server, another database: used for creating databases and by tests. */
export function withDatabase(connection: ConnectionConfig, database: string): ConnectionConfig {
  if (connection.connectionString) {
    const url = new URL(connection.connectionString);
    url.pathname = `/${encodeURIComponent(database)}`;
    return { ...connection, connectionString: url.toString() };
  }
  return { ...connection, database };
}

/** The database name a connection points at. */
export function databaseName(connection: ConnectionConfig): string {
  if (connection.connectionString) {
    return decodeURIComponent(new URL(connection.connectionString).pathname.slice(1)) || "postgres";
  }
  return connection.database ?? "postgres";
}

/** Runs one statement on a short-lived client (for CREATE DATABASE and the like). */
export async function runOnce(connection: ConnectionConfig, statement: string): Promise<pg.QueryResult> {
  const client = new pg.Client(connection);
  await client.connect();
  try {
    return await client.query(statement);
  } finally {
    await client.end();
  }
}
