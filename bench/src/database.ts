import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { openDb, runOnce, withDatabase, type ConnectionConfig, type Db } from "../../server/src/platform/db.ts";
import { EmbeddedPostgres } from "../../server/src/platform/embedded-postgres.ts";
import { migrateToLatest } from "../../server/src/platform/migrate.ts";

/** A scratch database for one run, migrated to Ruche's latest schema and dropped at the end. */
export interface BenchDatabase {
  name: string;
  /** How the bench's own connections reach it. */
  connection: ConnectionConfig;
  /** The same, as the DATABASE_URL given to Ruche and the baseline. */
  url: string;
  /** `embedded-pg17`, `pg15`...: names the results file. */
  engine: string;
  version: string;
  db: Db;
  close(): Promise<void>;
}

/** Where the server runs: a throwaway embedded PostgreSQL, or the one at `url`. */
interface Server {
  admin: ConnectionConfig;
  /** DATABASE_URL for a database of this server. */
  urlOf(database: string): string;
  embedded: boolean;
  stop(): Promise<void>;
}

/**
 * Starts Ruche's embedded PostgreSQL 17 through its own supervisor, in a temporary directory,
 * with the settings Ruche gives it (Unix socket only, fsync and synchronous commit on).
 */
async function startEmbedded(): Promise<Server> {
  const root = await mkdtemp(path.join(tmpdir(), "ruche-bench-"));
  // Under root the server runs as the postgres user, which must reach its data directory.
  await chmod(root, 0o755);
  const dataDir = path.join(root, "pg");
  const server = new EmbeddedPostgres({ dataDir });
  await server.start();
  return {
    admin: { ...server.connection, database: "postgres" },
    urlOf: (database) => `postgres://postgres@localhost/${database}?host=${encodeURIComponent(dataDir)}`,
    embedded: true,
    stop: async () => {
      await server.stop();
      await rm(root, { recursive: true, force: true });
    },
  };
}

function external(url: string): Server {
  return {
    admin: { connectionString: url },
    urlOf: (database) => {
      const target = new URL(url);
      target.pathname = `/${database}`;
      return target.toString();
    },
    embedded: false,
    stop: async () => {},
  };
}

/** `embedded-pg17` or `pg15`, from the server's own version string. */
function engineName(version: string, embedded: boolean): string {
  const major = /PostgreSQL (\d+)/.exec(version)?.[1] ?? "unknown";
  return `${embedded ? "embedded-" : ""}pg${major}`;
}

/**
 * Creates `ruche_bench_<timestamp>` on the chosen server and migrates it as `ruche migrate` would.
 * `target` is `embedded` or a postgres:// URL naming any database of the server to use; `keep`
 * leaves the database on such a server after closing, to query it by hand.
 */
export async function openBenchDatabase(target: string, options: { keep?: boolean; reuse?: string } = {}): Promise<BenchDatabase> {
  const server = target === "embedded" ? await startEmbedded() : external(target);
  const name = options.reuse ?? `ruche_bench_${Date.now()}`;
  try {
    if (!options.reuse) await runOnce(server.admin, `create database ${name}`);
  } catch (error) {
    await server.stop();
    throw error;
  }
  const connection = withDatabase(server.admin, name);
  const { db } = openDb(connection, 4);
  const close = async () => {
    await db.destroy();
    if (!((options.keep || options.reuse) && !server.embedded)) await runOnce(server.admin, `drop database if exists ${name} with (force)`);
    await server.stop();
  };
  try {
    await migrateToLatest(db);
    const { rows } = await sql<{ version: string }>`select version()`.execute(db);
    const version = rows[0]?.version ?? "";
    return { name, connection, url: server.urlOf(name), engine: engineName(version, server.embedded), version, db, close };
  } catch (error) {
    await close();
    throw error;
  }
}
