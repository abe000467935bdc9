import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runOnce } from "../src/platform/db.ts";
import { isAlive } from "../src/platform/embedded-postgres.ts";
import { createDataDir, postmasterPid, startRuche, type RucheProcess } from "./process.ts";

// These tests run real `ruche` processes on the embedded PostgreSQL, whatever engine the suite uses.

let dataDir: { path: string; remove(): Promise<void> };
const running: RucheProcess[] = [];

async function start(env: Record<string, string> = {}): Promise<RucheProcess> {
  const ruche = await startRuche({ dataDir: dataDir.path, env });
  running.push(ruche);
  return ruche;
}

/** Reads straight from the embedded server through its Unix socket, as the operator could. */
async function adminEmails(): Promise<string[]> {
  const connection = { host: path.join(dataDir.path, "pg"), port: 5432, user: "postgres", database: "ruche" };
  const result = await runOnce(connection, "select email from users where role = 'admin' order by email");
  return result.rows.map((row: { email: string }) => row.email);
}

beforeAll(async () => {
  dataDir = await createDataDir();
});
afterAll(async () => {
  for (const ruche of running) await ruche.killGroup();
  await dataDir.remove();
});

// Real processes on a shared two-core machine: allow for a slow start.
describe("a Ruche that crashed", { timeout: 120_000 }, () => {
  it("stops the PostgreSQL it left behind and comes back with its data", async () => {
    const first = await start({ RUCHE_ADMIN_EMAIL: "admin@abeille.example", RUCHE_ADMIN_PASSWORD: "a long enough passphrase" });
    const leftover = await postmasterPid(dataDir.path);
    expect(leftover).toBeDefined();

    await first.kill("SIGKILL");
    // Its PostgreSQL child outlives it: this is the server the next start must deal with.
    expect(isAlive(leftover ?? 0)).toBe(true);

    const second = await start({ LOG_LEVEL: "info" });
    expect(isAlive(leftover ?? 0)).toBe(false);
    expect(await postmasterPid(dataDir.path)).not.toBe(leftover);
    expect(second.output()).toContain(`found a PostgreSQL server left running by an earlier Ruche (pid ${leftover})`);
    expect(await adminEmails()).toEqual(["admin@abeille.example"]);
    await second.stop();
  });

  it("refuses to start beside a live Ruche on the same data directory, leaving it serving", async () => {
    const live = await start();
    const serverBefore = await postmasterPid(dataDir.path);

    await expect(startRuche({ dataDir: dataDir.path, timeoutMs: 60_000 })).rejects.toThrow(/another Ruche \(pid \d+\) is running/);
    expect(await postmasterPid(dataDir.path)).toBe(serverBefore);
    expect((await fetch(`${live.url}/readyz`)).status).toBe(200);
    await live.stop();
  });

  it("exits cleanly on Ctrl-C, which reaches its PostgreSQL too", async () => {
    const ruche = await start();
    const server = await postmasterPid(dataDir.path);

    expect(await ruche.interruptGroup()).toEqual({ code: 0, signal: null });
    expect(ruche.output()).not.toContain("stopped unexpectedly");
    expect(isAlive(server ?? 0)).toBe(false);
  });

  it("stops its PostgreSQL on SIGTERM and exits cleanly", async () => {
    const ruche = await start();
    const server = await postmasterPid(dataDir.path);

    expect(await ruche.stop()).toEqual({ code: 0, signal: null });
    expect(isAlive(server ?? 0)).toBe(false);
    expect(await postmasterPid(dataDir.path)).toBeUndefined();
  });
});
