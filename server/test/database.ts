import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { databaseName, openDb, runOnce, withDatabase, type ConnectionConfig } from "../src/platform/db.ts";
import { EmbeddedPostgres } from "../src/platform/embedded-postgres.ts";
import { Jobs } from "../src/platform/jobs.ts";
import { migrateToLatest } from "../src/platform/migrate.ts";

/** The server the tests run on: the embedded PostgreSQL by default, `DATABASE_URL` when set. */
export interface TestServer {
  /** Connection to the server's maintenance database (creates and drops the others). */
  admin: ConnectionConfig;
  /** Prefix of every database this run creates. */
  prefix: string;
  stop(): Promise<void>;
}

/** Starts (or reaches) the test server. */
export async function startTestServer(): Promise<TestServer> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const base = databaseName({ connectionString: url }).replace(/[^a-z0-9_]/gi, "_");
    await ensureExists({ connectionString: url });
    return { admin: { connectionString: url }, prefix: `${base}_t${process.pid}`, stop: async () => {} };
  }
  const root = await mkdtemp(path.join(tmpdir(), "ruche-test-"));
  // Under root the server runs as an unprivileged user, which must be able to reach its directory.
  await chmod(root, 0o755);
  const server = new EmbeddedPostgres({ dataDir: path.join(root, "pg") });
  await server.start();
  return {
    admin: { ...server.connection, database: "postgres" },
    prefix: "ruche_test",
    stop: async () => {
      await server.stop();
      await rm(root, { recursive: true, force: true });
    },
  };
}

async function ensureExists(connection: ConnectionConfig): Promise<void> {
  const client = new pg.Client(connection);
  try {
    await client.connect();
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Creates the migrated template every test file copies (schema plus pg-boss's tables). */
export async function createTemplate(server: TestServer): Promise<string> {
  const name = `${server.prefix}_template`;
  await runOnce(server.admin, `drop database if exists ${pg.escapeIdentifier(name)} with (force)`);
  await runOnce(server.admin, `create database ${pg.escapeIdentifier(name)}`);
  const connection = withDatabase(server.admin, name);
  const { db } = openDb(connection, 2);
  try {
    await migrateToLatest(db);
  } finally {
    await db.destroy();
  }
  const jobs = new Jobs(connection);
  await jobs.start();
  await jobs.stop();
  return name;
}

/** A fresh database for one test file, copied from the template. */
export async function createDatabaseFromTemplate(admin: ConnectionConfig, template: string, name: string): Promise<ConnectionConfig> {
  await runOnce(admin, `create database ${pg.escapeIdentifier(name)} template ${pg.escapeIdentifier(template)}`);
  return withDatabase(admin, name);
}

export async function dropDatabase(admin: ConnectionConfig, name: string): Promise<void> {
  await runOnce(admin, `drop database if exists ${pg.escapeIdentifier(name)} with (force)`);
}
