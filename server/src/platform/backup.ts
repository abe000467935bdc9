import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, mkdtemp, readFile, readdir, rename, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { Type, type Static } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import * as tar from "tar";
import { describeTables, identitySequences, loadOrder, type TableInfo } from "./backup-catalogue.ts";
import type { ConnectionConfig } from "./db.ts";

/*
 * A backup is a .tar.gz holding:
 *   manifest.json          format, applied migrations, and each table's columns and row count
 *   tables/<table>.copy    every row of each table of the `public` schema, in COPY text format
 *   files/...              DATA_DIR/files as stored (avatars and other uploads)
 * Kysely's migration tables are not copied: the target must be migrated to the same migrations.
 * pg-boss's schema is not copied either: its jobs are transient (mail to send, retries), and
 * anything durable they stand for is in the outbox (`events`), which is.
 * COPY's text format reads back on any PostgreSQL from 15 on, so a backup moves between the
 * embedded server and an external one.
 */

const FORMAT = 1;

const TableManifest = Type.Object({ name: Type.String(), columns: Type.Array(Type.String()), rows: Type.Integer() });
const Manifest = Type.Object({
  format: Type.Literal(FORMAT),
  createdAt: Type.String(),
  postgresVersion: Type.String(),
  migrations: Type.Array(Type.String()),
  tables: Type.Array(TableManifest),
  files: Type.Integer(),
});
type Manifest = Static<typeof Manifest>;

/** What a backup or restore moved. */
export interface BackupSummary {
  tables: number;
  rows: number;
  files: number;
}

/** Where the rows and files are, and the archive to write or read. */
export interface BackupInput {
  connection: ConnectionConfig;
  dataDir: string;
  file: string;
}

/** A backup or restore that cannot proceed; its message tells the operator why. */
export class BackupError extends Error {}

/** Writes every row of Ruche's tables and every stored file to a .tar.gz archive. */
export async function backup(input: BackupInput): Promise<BackupSummary> {
  const file = path.resolve(input.file);
  const staging = await mkdtemp(path.join(path.dirname(file), ".ruche-backup-"));
  // Written aside, then renamed: a backup that fails halfway never looks like a good one.
  const partial = `${file}.partial`;
  try {
    const manifest = await dumpTables(input.connection, path.join(staging, "tables"));
    // Files are read after the rows' snapshot: on a busy server, a file replaced in between can
    // be missing while its row is there (uploads are new keys, so nothing is ever half-written).
    const filesDir = path.join(input.dataDir, "files");
    manifest.files = await countFiles(filesDir);
    const entries = ["manifest.json", "tables"];
    if (manifest.files > 0) {
      // A link instead of a copy: `follow` archives what it points to, without doubling the disk used.
      await symlink(filesDir, path.join(staging, "files"), "dir");
      entries.push("files");
    }
    await writeFile(path.join(staging, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
    await tar.create({ gzip: true, file: partial, cwd: staging, follow: true, portable: true }, entries);
    await rename(partial, file);
    return summarise(manifest);
  } finally {
    await rm(staging, { recursive: true, force: true });
    await rm(partial, { force: true });
  }
}

/** Copies every table inside one repeatable-read transaction, so the rows form one consistent snapshot. */
async function dumpTables(connection: ConnectionConfig, directory: string): Promise<Manifest> {
  await mkdir(directory, { recursive: true });
  const client = new pg.Client(connection);
  await client.connect();
  try {
    await client.query("begin isolation level repeatable read read only");
    const manifest: Manifest = {
      format: FORMAT,
      createdAt: new Date().toISOString(),
      postgresVersion: (await client.query<{ server_version: string }>("show server_version")).rows[0]?.server_version ?? "",
      migrations: await appliedMigrations(client),
      tables: [],
      files: 0,
    };
    for (const table of await describeTables(client)) {
      const stream = client.query(copyTo(`copy (${selectAll(table)}) to stdout`));
      await pipeline(stream, createWriteStream(path.join(directory, `${table.name}.copy`)));
      manifest.tables.push({ name: table.name, columns: table.columns, rows: stream.rowCount });
    }
    await client.query("commit");
    return manifest;
  } finally {
    await client.end();
  }
}

function selectAll(table: TableInfo): string {
  const columns = table.columns.map((c) => pg.escapeIdentifier(c)).join(", ");
  // Primary-key order makes two backups of the same data identical, and diffs readable.
  const order = table.primaryKey.length > 0 ? ` order by ${table.primaryKey.map((c) => pg.escapeIdentifier(c)).join(", ")}` : "";
  return `select ${columns} from ${pg.escapeIdentifier(table.name)}${order}`;
}

async function appliedMigrations(client: pg.ClientBase): Promise<string[]> {
  const result = await client.query<{ name: string }>("select name from kysely_migration order by name");
  return result.rows.map((row) => row.name);
}

/**
 * Restores an archive made by `backup` into an empty, migrated database and an empty `files`
 * directory. Every row loads in one transaction: a restore that fails leaves the target as it was.
 */
export async function restore(input: BackupInput): Promise<BackupSummary> {
  await mkdir(input.dataDir, { recursive: true });
  // Unpacked inside the data directory, so the files move into place with a rename.
  const staging = await mkdtemp(path.join(input.dataDir, ".ruche-restore-"));
  try {
    await tar.extract({ file: path.resolve(input.file), cwd: staging, strict: true, preserveOwner: false }).catch((error: unknown) => {
      throw new BackupError(`${input.file} is not a readable .tar.gz backup (${error instanceof Error ? error.message : String(error)})`);
    });
    const manifest = await readManifest(staging);
    await loadDatabase(input, manifest, staging);
    return summarise(manifest);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function readManifest(staging: string): Promise<Manifest> {
  const text = await readFile(path.join(staging, "manifest.json"), "utf8").catch(() => undefined);
  let parsed: unknown;
  try {
    parsed = text === undefined ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (!Value.Check(Manifest, parsed)) {
    throw new BackupError(`this file is not a Ruche backup of format ${FORMAT} (manifest.json missing or not understood)`);
  }
  return parsed;
}

async function loadDatabase(input: BackupInput, manifest: Manifest, staging: string): Promise<void> {
  const client = new pg.Client(input.connection);
  await client.connect();
  const filesDir = path.join(input.dataDir, "files");
  let filesPlaced = false;
  try {
    await client.query("begin");
    const tables = await checkTarget(client, manifest);
    await checkNoFiles(filesDir);
    await client.query("set constraints all deferred");
    // Counters kept by triggers (communities.guest_count) arrive already counted in the backup.
    await client.query("set local ruche.restoring = 'on'");
    // The migrations seed rows (the organisation); the backup's rows replace them.
    for (const table of [...tables].reverse()) await client.query(`delete from ${pg.escapeIdentifier(table.name)}`);
    for (const table of tables) await copyTable(client, manifest, table, staging);
    await resetSequences(client);
    filesPlaced = await placeFiles(path.join(staging, "files"), filesDir);
    await client.query("commit");
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    if (filesPlaced) await rm(filesDir, { recursive: true, force: true });
    throw error;
  } finally {
    await client.end();
  }
}

/** Refuses a target on other migrations, with other tables, or holding data; returns tables in load order. */
async function checkTarget(client: pg.ClientBase, manifest: Manifest): Promise<TableInfo[]> {
  const migrations = await appliedMigrations(client);
  if (migrations.join("\n") !== manifest.migrations.join("\n")) {
    throw new BackupError(
      `the backup was made at migration ${manifest.migrations.at(-1) ?? "(none)"} but this database is at ` +
        `${migrations.at(-1) ?? "(none)"}: restore with the same Ruche version that made the backup`,
    );
  }
  const tables = await describeTables(client);
  const expected = new Map(manifest.tables.map((t) => [t.name, [...t.columns].sort().join(",")]));
  const differing = tables.filter((t) => expected.get(t.name) !== [...t.columns].sort().join(","));
  if (differing.length > 0 || tables.length !== manifest.tables.length) {
    throw new BackupError(`the database's tables differ from the backup's (${differing.map((t) => t.name).join(", ") || "table list"})`);
  }
  await client.query(`lock table ${tables.map((t) => pg.escapeIdentifier(t.name)).join(", ")} in access exclusive mode`);
  const users = await client.query<{ count: string }>("select count(*) from users");
  if (Number(users.rows[0]?.count) > 0) {
    throw new BackupError(`restore needs an empty target, but this database already has ${users.rows[0]?.count} users`);
  }
  return loadOrder(tables);
}

async function checkNoFiles(filesDir: string): Promise<void> {
  const count = await countFiles(filesDir);
  if (count > 0) throw new BackupError(`restore needs an empty target, but ${filesDir} already holds ${count} files`);
}

async function copyTable(client: pg.ClientBase, manifest: Manifest, table: TableInfo, staging: string): Promise<void> {
  const entry = manifest.tables.find((t) => t.name === table.name);
  if (!entry) throw new BackupError(`the backup has no table ${table.name}`);
  const columns = entry.columns.map((c) => pg.escapeIdentifier(c)).join(", ");
  const stream = client.query(copyFrom(`copy ${pg.escapeIdentifier(table.name)} (${columns}) from stdin`));
  await pipeline(createReadStream(path.join(staging, "tables", `${table.name}.copy`)), stream);
  if (stream.rowCount !== entry.rows) {
    throw new BackupError(`table ${table.name}: the backup lists ${entry.rows} rows but holds ${stream.rowCount}`);
  }
}

/** Identity and serial columns continue after the highest restored value. */
async function resetSequences(client: pg.ClientBase): Promise<void> {
  for (const { table, column, sequence } of await identitySequences(client)) {
    const max = `(select max(${pg.escapeIdentifier(column)}) from ${pg.escapeIdentifier(table)})`;
    await client.query(`select setval($1, coalesce(${max}, 0) + 1, false)`, [sequence]);
  }
}

/** Moves the unpacked files into the data directory; says whether there were any. */
async function placeFiles(unpacked: string, filesDir: string): Promise<boolean> {
  if ((await countFiles(unpacked)) === 0) return false;
  // checkNoFiles found no file in it: only empty folders, if anything, are in the way.
  await rm(filesDir, { recursive: true, force: true });
  await rename(unpacked, filesDir);
  return true;
}

async function countFiles(directory: string): Promise<number> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  return entries.filter((entry) => entry.isFile()).length;
}

function summarise(manifest: Manifest): BackupSummary {
  return {
    tables: manifest.tables.length,
    rows: manifest.tables.reduce((sum, table) => sum + table.rows, 0),
    files: manifest.files,
  };
}
