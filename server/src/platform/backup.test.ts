import { migrations } from "../../migrations/index.ts";
import { readFile, readdir, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { sql } from "kysely";
import { create, extract } from "tar";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser } from "../../test/factories.ts";
import { populateEveryTable } from "../../test/populate.ts";
import {
  createScratchDatabase,
  createScratchDirectory,
  publicTables,
  tableFingerprint,
  type ScratchDatabase,
} from "../../test/scratch.ts";
import { backup, BackupError, restore } from "./backup.ts";

let source: ScratchDatabase;
let sourceDir: { path: string; remove(): Promise<void> };
let workDir: { path: string; remove(): Promise<void> };
let archive: string;
const cleanups: (() => Promise<void>)[] = [];

/** A fresh, migrated, empty target: database and data directory. */
async function freshTarget(label: string): Promise<{ database: ScratchDatabase; dataDir: string }> {
  const database = await createScratchDatabase(label);
  const directory = await createScratchDirectory(label);
  cleanups.push(database.drop, directory.remove);
  return { database, dataDir: directory.path };
}

async function fingerprints(database: ScratchDatabase): Promise<Record<string, { rows: number; md5: string | null }>> {
  const result: Record<string, { rows: number; md5: string | null }> = {};
  for (const table of await publicTables(database.db)) result[table] = await tableFingerprint(database.db, table);
  return result;
}

/** Every file under `directory`, by relative path, with its bytes. */
async function filesUnder(directory: string): Promise<Map<string, Buffer>> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true }).catch(() => []);
  const files = new Map<string, Buffer>();
  for (const entry of entries.filter((e) => e.isFile())) {
    const full = path.join(entry.parentPath, entry.name);
    files.set(path.relative(directory, full), await readFile(full));
  }
  return files;
}

beforeAll(async () => {
  source = await createScratchDatabase("backup_source");
  sourceDir = await createScratchDirectory("backup-source");
  workDir = await createScratchDirectory("backup-work");
  archive = path.join(workDir.path, "ruche.tar.gz");
  await populateEveryTable(source.db, sourceDir.path);
  await backup({ connection: source.connection, dataDir: sourceDir.path, file: archive });
});
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
  await source.drop();
  await sourceDir.remove();
  await workDir.remove();
});

describe("backup and restore", () => {
  it("has rows in every table, so the round trip below covers them all", async () => {
    const empty = Object.entries(await fingerprints(source)).filter(([, print]) => print.rows === 0);
    expect(empty.map(([table]) => table), "add rows for these tables to test/populate.ts").toEqual([]);
  });

  it("restores every row and every file of a backup into an empty Ruche", async () => {
    const target = await freshTarget("backup_target");
    const summary = await restore({ connection: target.database.connection, dataDir: target.dataDir, file: archive });

    expect(await fingerprints(target.database)).toEqual(await fingerprints(source));
    const restoredFiles = await filesUnder(path.join(target.dataDir, "files"));
    const originalFiles = await filesUnder(path.join(sourceDir.path, "files"));
    // populate stores one file on disk for each row of the files table.
    const storedFiles = (await source.db.selectFrom("files").select("id").execute()).length;
    expect(storedFiles).toBeGreaterThan(2);
    expect(restoredFiles.size).toBe(storedFiles);
    expect(restoredFiles).toEqual(originalFiles);
    expect(summary.files).toBe(storedFiles);
    expect(summary.tables).toBe((await publicTables(source.db)).length);
  });

  it("continues identity columns after the restored rows", async () => {
    const target = await freshTarget("backup_identity");
    await restore({ connection: target.database.connection, dataDir: target.dataDir, file: archive });
    const user = await target.database.db.selectFrom("users").select("id").executeTakeFirstOrThrow();

    const inserted = await target.database.db.insertInto("login_failures").values({ user_id: user.id }).returning("id").executeTakeFirstOrThrow();
    const highest = await source.db.selectFrom("login_failures").select((eb) => eb.fn.max("id").as("id")).executeTakeFirstOrThrow();
    expect(BigInt(inserted.id)).toBe(BigInt(highest.id) + 1n);
  });

  it("writes a manifest naming the migrations and each table's columns and row count", async () => {
    const target = await createScratchDirectory("backup-manifest");
    cleanups.push(target.remove);
    await extract({ file: archive, cwd: target.path });
    const manifest = JSON.parse(await readFile(path.join(target.path, "manifest.json"), "utf8"));

    expect(manifest.format).toBe(1);
    expect(manifest.migrations).toEqual(Object.keys(migrations));
    const users = manifest.tables.find((t: { name: string }) => t.name === "users");
    expect(users.rows).toBe(4);
    expect(users.columns).toContain("manager_id");
    expect(manifest.tables.map((t: { name: string }) => t.name)).not.toContain("kysely_migration");
  });

  it("refuses to restore into a database that has users, and changes nothing", async () => {
    const target = await freshTarget("backup_busy");
    await buildUser(target.database.db, { display_name: "Already here" });
    const before = await fingerprints(target.database);

    const attempt = restore({ connection: target.database.connection, dataDir: target.dataDir, file: archive });
    await expect(attempt).rejects.toThrow(BackupError);
    await expect(attempt).rejects.toThrow(/empty target.*1 users/);
    expect(await fingerprints(target.database)).toEqual(before);
    expect((await filesUnder(path.join(target.dataDir, "files"))).size).toBe(0);
  });

  it("refuses to restore into a data directory that already holds files, and changes nothing", async () => {
    const target = await freshTarget("backup_files");
    await mkdir(path.join(target.dataDir, "files", "avatar"), { recursive: true });
    await writeFile(path.join(target.dataDir, "files", "avatar", "someone.webp"), "bytes");
    const before = await fingerprints(target.database);

    await expect(restore({ connection: target.database.connection, dataDir: target.dataDir, file: archive })).rejects.toThrow(
      /already holds 1 files/,
    );
    expect(await fingerprints(target.database)).toEqual(before);
    expect([...(await filesUnder(path.join(target.dataDir, "files"))).keys()]).toEqual([path.join("avatar", "someone.webp")]);
  });

  it("refuses a database migrated differently from the backup", async () => {
    const target = await freshTarget("backup_migrations");
    await sql`insert into kysely_migration (name, timestamp) values ('9999_from_the_future', now())`.execute(target.database.db);

    await expect(restore({ connection: target.database.connection, dataDir: target.dataDir, file: archive })).rejects.toThrow(
      /but this database is at 9999_from_the_future/,
    );
    expect(await target.database.db.selectFrom("organisation").select("name").executeTakeFirst()).toEqual({ name: "Ruche" });
  });

  it("refuses a file that is not a Ruche backup", async () => {
    const target = await freshTarget("backup_garbage");
    const garbage = path.join(workDir.path, "not-a-backup.tar.gz");
    await writeFile(garbage, "this is not gzip");

    await expect(restore({ connection: target.database.connection, dataDir: target.dataDir, file: garbage })).rejects.toThrow(
      /not-a-backup.tar.gz is not a readable .tar.gz backup/,
    );
    expect(await target.database.db.selectFrom("organisation").select("name").executeTakeFirst()).toEqual({ name: "Ruche" });
  });

  it("refuses an archive that has no Ruche manifest", async () => {
    const target = await freshTarget("backup_foreign");
    const folder = await createScratchDirectory("backup-foreign");
    cleanups.push(folder.remove);
    await writeFile(path.join(folder.path, "notes.txt"), "holiday photos");
    const foreign = path.join(workDir.path, "photos.tar.gz");
    await create({ gzip: true, file: foreign, cwd: folder.path }, ["notes.txt"]);

    await expect(restore({ connection: target.database.connection, dataDir: target.dataDir, file: foreign })).rejects.toThrow(
      "this file is not a Ruche backup of format 1",
    );
    expect(await target.database.db.selectFrom("users").select("id").execute()).toEqual([]);
  });
});
