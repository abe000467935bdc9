import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../src/platform/ids.ts";
import { createDataDir, runRuche, startRuche, type RucheProcess } from "./process.ts";

// `ruche backup` and `ruche restore` as an operator runs them, on embedded data directories.

const ADMIN = { email: "sauvegarde@abeille.example", password: "a long enough passphrase" };
const avatarKey = `avatar/${newId()}.webp`;
const avatarBytes = Buffer.from("RIFF\u0000\u0000\u0000\u0000WEBPVP8 fake but binary \u00ff\u0000", "latin1");

let source: { path: string; remove(): Promise<void> };
let target: { path: string; remove(): Promise<void> };
let archive: string;
const running: RucheProcess[] = [];

beforeAll(async () => {
  source = await createDataDir();
  target = await createDataDir();
  archive = path.join(source.path, "..", `${path.basename(source.path)}.tar.gz`);
});
afterAll(async () => {
  for (const ruche of running) await ruche.killGroup();
  await source.remove();
  await target.remove();
  await rm(archive, { force: true });
});

describe("ruche backup and ruche restore", { timeout: 120_000 }, () => {
  it("backs up a running Ruche without stopping it", async () => {
    const live = await startRuche({ dataDir: source.path, env: { RUCHE_ADMIN_EMAIL: ADMIN.email, RUCHE_ADMIN_PASSWORD: ADMIN.password } });
    running.push(live);
    await mkdir(path.join(source.path, "files", "avatar"), { recursive: true });
    await writeFile(path.join(source.path, "files", avatarKey), avatarBytes);

    const result = await runRuche(["backup", archive], { dataDir: source.path });
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/^Backed up \d+ rows in \d+ tables and 1 files to /);
    expect(result.code).toBe(0);
    expect((await fetch(`${live.url}/readyz`)).status).toBe(200);
    expect(await live.stop()).toEqual({ code: 0, signal: null });
  });

  it("restores into an empty data directory, where the admin can sign in and the file is back", async () => {
    const result = await runRuche(["restore", archive], { dataDir: target.path });
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/^Restored \d+ rows in \d+ tables and 1 files from /);
    expect(result.code).toBe(0);
    expect(await readFile(path.join(target.path, "files", avatarKey))).toEqual(avatarBytes);

    const restored = await startRuche({ dataDir: target.path });
    running.push(restored);
    const login = await fetch(`${restored.url}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(ADMIN),
    });
    expect(login.status).toBe(200);
    expect(((await login.json()) as { user: { email: string } }).user.email).toBe(ADMIN.email);
    await restored.stop();
  });

  it("refuses to restore over data, with a message saying why", async () => {
    const result = await runRuche(["restore", archive], { dataDir: target.path });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe("ruche: restore needs an empty target, but this database already has 1 users");
  });
});
