import { Kysely, PostgresDialect, type Transaction } from "kysely";
import pg from "pg";
import type { Database } from "./schema.ts";

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Either the pool or an open transaction: repositories accept both. */
export type Executor = Db | Tx;

/** How to reach PostgreSQL: a pg pool config (URL or Unix socket). */
export type ConnectionConfig = pg.PoolConfig;

/** Opens a pool and a Kysely instance over it. */
export function openDb(connection: ConnectionConfig, max = 10): { db: Db; pool: pg.Pool } {
  const pool = new pg.Pool({ ...connection, max, application_name: "ruche" });
  // An idle client that loses its server must not crash the process; the next query reconnects.
  pool.on("error", () => undefined);
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
