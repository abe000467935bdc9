import { randomBytes } from "node:crypto";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { inject } from "vitest";
import { openDb, type ConnectionConfig, type Db } from "../src/platform/db.ts";
import { createDatabaseFromTemplate, dropDatabase } from "./database.ts";

/** A fresh migrated database (no app on top), for tests of the platform itself. */
export interface ScratchDatabase {
  name: string;
  connection: ConnectionConfig;
  db: Db;
  drop(): Promise<void>;
}

/** Copies the migrated template into a new database of this run. */
export async function createScratchDatabase(label: string): Promise<ScratchDatabase> {
  const { admin, template, prefix } = inject("testDatabase");
  const name = `${prefix}_${label}_${randomBytes(4).toString("hex")}`;
  const connection = await createDatabaseFromTemplate(admin, template, name);
  const { db } = openDb(connection, 4);
  return {
    name,
    connection,
    db,
    drop: async () => {
      await db.destroy();
      await dropDatabase(admin, name);
    },
  };
}

/** A new empty directory that an unprivileged PostgreSQL (when the tests run as root) may enter. */
export async function createScratchDirectory(label: string): Promise<{ path: string; remove(): Promise<void> }> {
  const directory = await mkdtemp(path.join(tmpdir(), `ruche-${label}-`));
  await chmod(directory, 0o755);
  return { path: directory, remove: () => rm(directory, { recursive: true, force: true }) };
}

/** A fingerprint of every row of a table, independent of physical order. */
export async function tableFingerprint(db: Db, table: string): Promise<{ rows: number; md5: string | null }> {
  const { rows } = await sql<{ rows: string; md5: string | null }>`
    select count(*) as rows, md5(string_agg(t::text, '|' order by t::text)) as md5 from ${sql.table(table)} t
  `.execute(db);
  return { rows: Number(rows[0]?.rows ?? 0), md5: rows[0]?.md5 ?? null };
}

/** Names of Ruche's own tables (the `public` schema without Kysely's migration bookkeeping). */
export async function publicTables(db: Db): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select tablename::text as name from pg_tables
    where schemaname = 'public' and tablename not like 'kysely_migration%' order by tablename
  `.execute(db);
  return rows.map((row) => row.name);
}
