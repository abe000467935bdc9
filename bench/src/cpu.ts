import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

/**
 * Where a scenario's CPU went, in milliseconds of CPU a request: the server under test, the
 * PostgreSQL processes, the load generator (this process: autocannon runs in it), and what the
 * machine left idle. Read from /proc, so on Linux only. A figure that does not depend on how fast
 * the machine is as much as req/s does: it tells which process a scenario is bound by.
 */
export interface CpuPerRequest {
  server: number;
  /** Server-side kernel time (system calls: sockets, files), included in `server`. */
  serverKernel: number;
  /** Every process named `postgres` on the machine: the bench's database must be the only busy one. */
  postgres: number;
  loadGenerator: number;
  idle: number;
}

interface Snapshot {
  serverUser: number;
  serverKernel: number;
  postgres: number;
  loadGenerator: number;
  idle: number;
}

/** Clock ticks a second of /proc's CPU times (100 on every usual Linux). */
const ticksPerSecond = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/**
 * A process's user and kernel CPU ticks so far, and those of its children it has waited for, or
 * zeros once it is gone.
 */
function processTicks(pid: number | string): { user: number; kernel: number; children: number } {
  try {
    // The command name (in parentheses) may hold spaces: the fields are counted after it.
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return { user: Number(fields[11] ?? 0), kernel: Number(fields[12] ?? 0), children: Number(fields[13] ?? 0) + Number(fields[14] ?? 0) };
  } catch {
    return { user: 0, kernel: 0, children: 0 };
  }
}

/**
 * The CPU of every PostgreSQL process, including those that ended meanwhile (a closed connection's
 * backend): the postmaster, which waits for them, holds their time among its children's.
 */
function postgresTicks(): number {
  let sum = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, "utf8").trim() !== "postgres") continue;
    } catch {
      continue;
    }
    const ticks = processTicks(entry);
    sum += ticks.user + ticks.kernel + ticks.children;
  }
  return sum;
}

/** Idle and I/O-wait ticks of the whole machine, summed over its cores. */
function idleTicks(): number {
  const fields = readFileSync("/proc/stat", "utf8").split("\n")[0]?.trim().split(/\s+/) ?? [];
  return Number(fields[4] ?? 0) + Number(fields[5] ?? 0);
}

/** The CPU counters now, or null where /proc cannot be read (not Linux). */
export function cpuSnapshot(serverPid: number): Snapshot | null {
  try {
    const server = processTicks(serverPid);
    const self = processTicks(process.pid);
    return { serverUser: server.user, serverKernel: server.kernel, postgres: postgresTicks(), loadGenerator: self.user + self.kernel, idle: idleTicks() };
  } catch {
    return null;
  }
}

/** The CPU spent between two snapshots, shared over the requests answered in between. */
export function cpuPerRequest(before: Snapshot | null, after: Snapshot | null, requests: number): CpuPerRequest | undefined {
  if (!before || !after || requests <= 0) return undefined;
  const perRequest = (ticks: number) => Math.round(((ticks * 1000) / ticksPerSecond / requests) * 100) / 100;
  return {
    server: perRequest(after.serverUser + after.serverKernel - before.serverUser - before.serverKernel),
    serverKernel: perRequest(after.serverKernel - before.serverKernel),
    postgres: perRequest(after.postgres - before.postgres),
    loadGenerator: perRequest(after.loadGenerator - before.loadGenerator),
    idle: perRequest(after.idle - before.idle),
  };
}
