import { spawn } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScratchDirectory } from "../../test/scratch.ts";
import { runOnce } from "./db.ts";
import { EmbeddedPostgres } from "./embedded-postgres.ts";

// A server of its own, so these hold on whichever engine the rest of the suite runs.
let root: { path: string; remove(): Promise<void> };
let server: EmbeddedPostgres;
const notices: string[] = [];

async function show(setting: string): Promise<string> {
  const result = await runOnce({ ...server.connection, database: "postgres" }, `show ${setting}`);
  return String(result.rows[0]?.[setting]);
}

beforeAll(async () => {
  root = await createScratchDirectory("embedded");
  server = new EmbeddedPostgres({ dataDir: path.join(root.path, "pg"), onInfo: (message) => notices.push(message) });
  await server.start();
});
afterAll(async () => {
  await server.stop();
  await root.remove();
});

describe("the embedded PostgreSQL", () => {
  it("flushes every commit to disk: fsync, synchronous_commit and full_page_writes are on", async () => {
    expect(await show("fsync")).toBe("on");
    expect(await show("synchronous_commit")).toBe("on");
    expect(await show("full_page_writes")).toBe("on");
  });

  it("listens on no TCP port, only on a Unix socket in its data directory", async () => {
    expect(await show("listen_addresses")).toBe("");
    expect(await show("unix_socket_directories")).toBe(path.join(root.path, "pg"));
    expect(await show("unix_socket_permissions")).toBe("0700");
  });

  it("runs as an unprivileged user, even when Ruche runs as root", async () => {
    const postmaster = await server.serverPid();
    const status = await readFile(`/proc/${postmaster}/status`, "utf8");
    const uid = Number(/^Uid:\s+(\d+)/m.exec(status)?.[1]);
    expect(Number.isInteger(uid)).toBe(true);
    expect(uid).not.toBe(0);
  });

  it("gives the pid of its running server and forgets it once stopped", async () => {
    const pid = await server.serverPid();
    expect(pid).toBeGreaterThan(0);
    await server.stop();
    expect(await server.serverPid()).toBeUndefined();
    await server.start();
    expect(await server.serverPid()).not.toBe(pid);
  });

  it("starts after a reboot left a pid file naming a process that is not PostgreSQL", async () => {
    const pidFile = path.join(root.path, "pg", "postmaster.pid");
    await server.stop();
    const unrelated = spawn("sleep", ["30"]);
    try {
      await writeFile(pidFile, `${unrelated.pid}\n${path.join(root.path, "pg")}\n`);
      await server.start();
      expect(await show("fsync")).toBe("on");
      expect(notices.join("\n")).toContain(`removing a stale pid file naming pid ${unrelated.pid}`);
      expect(unrelated.exitCode).toBeNull();
    } finally {
      unrelated.kill();
    }
  });
});
