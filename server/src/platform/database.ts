import { mkdir } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import type { Config } from "../config.ts";
import { runOnce, withDatabase, type ConnectionConfig } from "./db.ts";
import { EmbeddedPostgres } from "./embedded-postgres.ts";

/** The database Ruche runs on, and how to let go of it. */
export interface DatabaseHandle {
  connection: ConnectionConfig;
  engine: "embedded" | "external";
  embedded: EmbeddedPostgres | undefined;
  close(): Promise<void>;
}

const EMBEDDED_DATABASE = "ruche";

interface Logger {
  info(message: string): void;
  error(message: string): void;
  debug(message: string): void;
}

export interface OpenDatabaseOptions {
  /** One-shot commands (backup, migrate, ...) may share the embedded server of a running Ruche. */
  attachToRunning?: boolean;
}

/**
 * Gives the database: `DATABASE_URL` when set, else the embedded PostgreSQL in `DATA_DIR/pg`
 * (initialised on first start, its `ruche` database created).
 */
export async function openDatabase(config: Config, log: Logger, options: OpenDatabaseOptions = {}): Promise<DatabaseHandle> {
  if (config.databaseUrl) {
    return { connection: { connectionString: config.databaseUrl }, engine: "external", embedded: undefined, close: async () => {} };
  }
  await mkdir(config.dataDir, { recursive: true });
  const embedded = new EmbeddedPostgres({
    dataDir: path.join(config.dataDir, "pg"),
    onLog: (line) => log.debug(`postgres: ${line}`),
    onInfo: (message) => log.info(`embedded PostgreSQL: ${message}`),
    attachToRunning: options.attachToRunning ?? false,
    onUnexpectedExit: (code, signal) => {
      // Without its database Ruche cannot serve: exit so the process manager restarts both.
      log.error(`the embedded PostgreSQL stopped unexpectedly (code ${code}, signal ${signal}); Ruche exits`);
      process.exit(1);
    },
  });
  await embedded.start();
  const server = { ...embedded.connection };
  await ensureDatabase(withDatabase(server, "postgres"), EMBEDDED_DATABASE);
  return {
    connection: withDatabase(server, EMBEDDED_DATABASE),
    engine: "embedded",
    embedded,
    close: () => embedded.stop(),
  };
}

/** Creates `name` on the server when it does not exist yet. */
export async function ensureDatabase(admin: ConnectionConfig, name: string): Promise<void> {
  const found = await runOnce(admin, `select 1 from pg_database where datname = ${pg.escapeLiteral(name)}`);
  if (found.rowCount === 0) await runOnce(admin, `create database ${pg.escapeIdentifier(name)}`);
}
