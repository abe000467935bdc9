import { spawn, type ChildProcess } from "node:child_process";
import { chmod, mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isAlive } from "../src/platform/embedded-postgres.ts";

/** The repository root: `ruche` runs from there, as `npm start` runs it. */
export const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const rucheBin = path.join(repositoryRoot, "server/bin/ruche.mjs");

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === "string") throw new Error("no port");
  return address.port;
}

/** The pid on the first line of `dataDir/pg/postmaster.pid`, if the file exists. */
export async function postmasterPid(dataDir: string): Promise<number | undefined> {
  const text = await readFile(path.join(dataDir, "pg", "postmaster.pid"), "utf8").catch(() => undefined);
  const pid = Number(text?.split("\n")[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/**
 * A new DATA_DIR; mode 755 so an unprivileged embedded PostgreSQL (when tests run as root) can
 * enter it. `remove` also ends a PostgreSQL a failed test left running on it.
 */
export async function createDataDir(): Promise<{ path: string; remove(): Promise<void> }> {
  const directory = await mkdtemp(path.join(tmpdir(), "ruche-process-"));
  await chmod(directory, 0o755);
  return {
    path: directory,
    remove: async () => {
      const pid = await postmasterPid(directory);
      if (pid !== undefined && isAlive(pid)) process.kill(pid, "SIGQUIT");
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/**
 * The environment of a spawned `ruche`: this one without DATABASE_URL (so it runs the embedded
 * PostgreSQL in `dataDir/pg`) unless `env` sets it.
 */
function rucheEnvironment(dataDir: string, env: Record<string, string>): NodeJS.ProcessEnv {
  const dropped = new Set(["DATABASE_URL", "RUCHE_ADMIN_EMAIL", "RUCHE_ADMIN_PASSWORD", "SMTP_URL", "PORT", "RUCHE_ROLE"]);
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !dropped.has(name)));
  return { ...inherited, DATA_DIR: dataDir, HOST: "127.0.0.1", LOG_LEVEL: "warn", ...env };
}

/** A running `ruche start`, in its own process group (with its embedded PostgreSQL). */
export interface RucheProcess {
  pid: number;
  port: number;
  url: string;
  dataDir: string;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Sends `signal` to the ruche process alone (its PostgreSQL child is left running) and waits for it to exit. */
  kill(signal: NodeJS.Signals): Promise<ExitStatus>;
  /** SIGKILLs the whole process group at once: ruche and its PostgreSQL die together, as in a power cut. */
  killGroup(): Promise<void>;
  /** Sends SIGINT to the whole process group, as Ctrl-C in a terminal does, and waits for ruche to exit. */
  interruptGroup(): Promise<ExitStatus>;
  /** SIGTERM, then waits for it to exit. */
  stop(): Promise<ExitStatus>;
}

/** How a process ended. */
export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface StartOptions {
  dataDir: string;
  env?: Record<string, string>;
  /** The port to listen on (default: a free one), e.g. to set PUBLIC_URL before the start. */
  port?: number;
  /** How long to wait for /readyz (default 90 s: a first start runs initdb). */
  timeoutMs?: number;
}

/** Spawns `node server/bin/ruche.mjs start` on a free port and waits until /readyz answers 200. */
export async function startRuche(options: StartOptions): Promise<RucheProcess> {
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, [rucheBin, "start"], {
    cwd: repositoryRoot,
    env: rucheEnvironment(options.dataDir, { PORT: String(port), ...options.env }),
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error("ruche did not start");
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  const exited = exitOf(child);
  const url = `http://127.0.0.1:${port}`;
  const ruche: RucheProcess = {
    pid,
    port,
    url,
    dataDir: options.dataDir,
    output: () => output,
    kill: async (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
    killGroup: async () => {
      try {
        process.kill(-pid, "SIGKILL");
      } catch {
        // The group is already gone.
      }
      await exited;
    },
    interruptGroup: async () => {
      process.kill(-pid, "SIGINT");
      return exited;
    },
    stop: () => ruche.kill("SIGTERM"),
  };
  try {
    await waitForReady(url, exited, options.timeoutMs ?? 90_000);
  } catch (error) {
    await ruche.killGroup();
    throw new Error(`${(error as Error).message}\n--- ruche output ---\n${output}`);
  }
  return ruche;
}

function exitOf(child: ChildProcess): Promise<ExitStatus> {
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
}

async function waitForReady(url: string, exited: Promise<unknown>, timeoutMs: number): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (gone) throw new Error("ruche exited before it was ready");
    const ready = await fetch(`${url}/readyz`)
      .then((response) => response.ok)
      .catch(() => false);
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`ruche was not ready within ${timeoutMs} ms`);
}

/** What a one-shot `ruche` command printed, and how it exited. */
export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `ruche <args>` to completion on `dataDir` (embedded database unless `env` sets DATABASE_URL). */
export async function runRuche(args: string[], options: { dataDir: string; env?: Record<string, string> }): Promise<CommandResult> {
  const child = spawn(process.execPath, [rucheBin, ...args], {
    cwd: repositoryRoot,
    env: rucheEnvironment(options.dataDir, options.env ?? {}),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const { code } = await exitOf(child);
  return { code, stdout, stderr };
}
