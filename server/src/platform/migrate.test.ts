import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { dropDatabase } from "../../test/database.ts";
import { migrations } from "../../migrations/index.ts";
import { openDb, runOnce, withDatabase, type Db } from "./db.ts";
import { newId } from "./ids.ts";
import { migrateToLatest, pendingMigrations } from "./migrate.ts";

const { admin, prefix } = inject("testDatabase");
const name = `${prefix}_migrate_${randomBytes(4).toString("hex")}`;
let first: ReturnType<typeof openDb>;
let second: ReturnType<typeof openDb>;

beforeAll(async () => {
  await runOnce(admin, `create database ${name}`);
  first = openDb(withDatabase(admin, name), 2);
  second = openDb(withDatabase(admin, name), 2);
});
afterAll(async () => {
  await first.db.destroy();
  await second.db.destroy();
  await dropDatabase(admin, name);
});

describe("migrations", () => {
  it("lists every migration as pending on an empty database", async () => {
    expect(await pendingMigrations(first.db)).toEqual(Object.keys(migrations));
  });

  it("applies each migration once when two nodes migrate at the same time", async () => {
    const [a, b] = await Promise.all([migrateToLatest(first.db), migrateToLatest(second.db)]);
    // The advisory lock serialises them: one applies everything, the other finds nothing left.
    expect([...a, ...b].sort()).toEqual(Object.keys(migrations).sort());
    expect(await pendingMigrations(second.db)).toEqual([]);
  });

  it("seeds the single organisation row", async () => {
    const rows = await first.db.selectFrom("organisation").selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.default_language).toBe("fr");
  });

  it("folds accents and case in the SQL helper used by the directory", async () => {
    const { rows } = await sql<{ folded: string }>`select ruche_fold('Hélène DÉCONNEXION') as folded`.execute(first.db as Db);
    expect(rows[0]?.folded).toBe("helene deconnexion");
  });
});

describe("ids", () => {
  it("makes time-ordered UUIDv7 ids", () => {
    const ids = Array.from({ length: 50 }, () => newId());
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
  });
});
