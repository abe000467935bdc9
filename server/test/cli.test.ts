import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import type { ConnectionConfig } from "../src/platform/db.ts";
import { createDataDir, runRuche } from "./process.ts";
import { createScratchDatabase, type ScratchDatabase } from "./scratch.ts";

// The `ruche` command line, run as a real process against a scratch database of this test run.

let database: ScratchDatabase;
let dataDir: { path: string; remove(): Promise<void> };

/** A DATABASE_URL for a connection, Unix-socket ones included (`?host=/socket/dir`). */
function databaseUrl(connection: ConnectionConfig): string {
  if (connection.connectionString) return connection.connectionString;
  const socket = connection.host?.startsWith("/") ? `?host=${encodeURIComponent(connection.host)}` : "";
  const host = socket ? "localhost" : (connection.host ?? "localhost");
  return `postgres://${connection.user ?? "postgres"}@${host}:${connection.port ?? 5432}/${connection.database ?? ""}${socket}`;
}

beforeAll(async () => {
  expect(inject("testDatabase").template).toBeTruthy();
  database = await createScratchDatabase("cli");
  dataDir = await createDataDir();
});
afterAll(async () => {
  await database.drop();
  await dataDir.remove();
});

describe("the ruche command", { timeout: 60_000 }, () => {
  it("prints its usage when given no command", async () => {
    const result = await runRuche([], { dataDir: dataDir.path });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Usage: ruche <command>");
    expect(result.stdout).toContain("backup FILE");
  });

  it("prints its usage and fails on an unknown command", async () => {
    const result = await runRuche(["frobnicate"], { dataDir: dataDir.path });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain("Usage: ruche <command>");
  });

  it("refuses to create an admin with a short password, naming it, and writes nothing", async () => {
    const result = await runRuche(["create-admin", "--email", "chef@abeille.example", "--name", "Chef", "--password", "short"], {
      dataDir: dataDir.path,
      env: { DATABASE_URL: databaseUrl(database.connection) },
    });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/ruche: password: must have at least 10 characters/);
    expect(await database.db.selectFrom("users").select("id").execute()).toEqual([]);
  });

  it("creates an admin who can then be found in the database", async () => {
    const result = await runRuche(["create-admin", "--email", "Chef@Abeille.example", "--name", "Chef", "--password", "a long enough passphrase"], {
      dataDir: dataDir.path,
      env: { DATABASE_URL: databaseUrl(database.connection) },
    });
    expect(result.stdout).toContain("Administrator chef@abeille.example created.");
    expect(result.code).toBe(0);
    const admins = await database.db.selectFrom("users").select(["email", "role"]).execute();
    expect(admins).toEqual([{ email: "chef@abeille.example", role: "admin" }]);
  });

  it("seeds the demo around the administrator already there, and says how to sign in", async () => {
    const result = await runRuche(["demo"], { dataDir: dataDir.path, env: { DATABASE_URL: databaseUrl(database.connection) } });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Seeded the demo organisation "Ateliers Fontaine & Fils": 60 people and 2 guests');
    expect(result.stdout).toContain("password: bienvenue-chez-fontaine");
    expect(result.stdout).toContain("administrator: chef@abeille.example (yours, with the password it already had)");
    const admins = await database.db.selectFrom("users").select("email").where("role", "=", "admin").execute();
    expect(admins).toEqual([{ email: "chef@abeille.example" }]);
  });

  it("refuses to seed the demo into a network that holds content unless told --force", async () => {
    const posts = await database.db.selectFrom("posts").select("id").execute();
    const result = await runRuche(["demo"], { dataDir: dataDir.path, env: { DATABASE_URL: databaseUrl(database.connection) } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^ruche: this database already holds content \(\d+ posts, .*\); .*`ruche demo --force`/);
    expect(await database.db.selectFrom("posts").select("id").execute()).toHaveLength(posts.length);
  });

  it("exits with a clear message on a bad setting", async () => {
    const result = await runRuche(["migrate"], { dataDir: dataDir.path, env: { PORT: "eighty" } });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('ruche: PORT must be a whole number, got "eighty"');
  });
});
