import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
export const repositoryRoot = path.resolve(here, "../..");

/** A server under test, in its own process, so its memory and CPU are its own. */
export interface ServerProcess {
  name: string;
  url: string;
  pid: number;
  /** The most the process ever held in memory (VmHWM), in bytes; read before stopping it. */
  peakRss(): number;
  stop(): Promise<void>;
}

/** A port nobody listens on right now, for the next server to take. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** VmHWM from /proc: the process's peak resident set, which polling could miss. */
function readPeakRss(pid: number): number {
  try {
    const kilobytes = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kilobytes ? Number(kilobytes) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Polls `url` until it answers (any status: it listens), or fails with what the process printed if it exits or takes too long. */
async function waitUntilServing(child: ChildProcess, url: string, output: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${url} exited before serving:\n${output()}`);
    try {
      await fetch(url);
      return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within two minutes:\n${output()}`);
}

interface StartOptions {
  name: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  port: number;
}

/** Starts `node <args>` and waits until it serves; its last output is kept for error messages. */
export async function startServer(options: StartOptions): Promise<ServerProcess> {
  const child = spawn(process.execPath, options.args, { cwd: repositoryRoot, env: options.env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString("utf8")).slice(-4000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const url = `http://127.0.0.1:${options.port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill("SIGTERM");
    await exited;
  };
  try {
    await waitUntilServing(child, `${url}/healthz`, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { name: options.name, url, pid: child.pid ?? 0, peakRss: () => readPeakRss(child.pid ?? 0), stop };
}

/** The flags the root package.json's `start` script gives node, read from it so both stay the same. */
function startFlags(): string[] {
  const { scripts } = JSON.parse(readFileSync(path.join(repositoryRoot, "package.json"), "utf8")) as { scripts: Record<string, string> };
  const flags = /\bnode ((?:--\S+ )*)server\/dist\/ruche\.mjs start\b/.exec(scripts.start ?? "")?.[1];
  if (flags === undefined) throw new Error(`package.json's start script no longer runs server/dist/ruche.mjs: ${scripts.start}`);
  return flags.split(" ").filter(Boolean);
}

/**
 * Ruche itself, as `npm start` runs it: the compiled server (built first when its sources
 * changed), in production mode, warnings only in the log, its files in a temporary DATA_DIR
 * removed once it stops.
 */
export async function startRuche(databaseUrl: string): Promise<ServerProcess> {
  execFileSync(process.execPath, [path.join(repositoryRoot, "scripts/ensure-build.mjs")], { cwd: repositoryRoot, stdio: "inherit" });
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(tmpdir(), "ruche-bench-data-"));
  try {
    const server = await startServer({
      name: "ruche",
      args: [...startFlags(), path.join(repositoryRoot, "server/dist/ruche.mjs"), "start"],
      env: {
        ...process.env,
        NODE_ENV: "production",
        PORT: String(port),
        HOST: "127.0.0.1",
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        DATA_DIR: dataDir,
        DATABASE_URL: databaseUrl,
        LOG_LEVEL: "warn",
      },
      port,
    });
    return {
      ...server,
      stop: async () => {
        await server.stop();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/** One of the bench's own servers (`baseline.ts`, `ceiling.ts`), run through tsx (which compiles them once, at load). */
export async function startBenchServer(input: { name: string; file: string; databaseUrl?: string }): Promise<ServerProcess> {
  const port = await freePort();
  return startServer({
    name: input.name,
    args: ["--import", "tsx", path.join(here, input.file)],
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), ...(input.databaseUrl ? { DATABASE_URL: input.databaseUrl } : {}) },
    port,
  });
}
