/**
 * `npm run bench`: generates a dataset through Ruche's schema, then drives, in one run on the same
 * machine, a hello-world Fastify route (the HTTP ceiling), the baseline (the home feed's raw SQL
 * and nothing else) and a real Ruche process with autocannon; prints a table and writes
 * bench/results/<timestamp>-<engine>.json. See bench/README.md.
 */
import path from "node:path";
import { sql } from "kysely";
import { openBenchDatabase, type BenchDatabase } from "./database.ts";
import { generateDataset, rareWordsInUse, SCALES, type DatasetSummary, type Scale } from "./dataset.ts";
import { readOptions, USAGE, type BenchOptions } from "./options.ts";
import { repositoryRoot, startBenchServer, startRuche } from "./processes.ts";
import { checkTargets, formatReport, homeOverBaseline, machine, writeReport, type RunReport } from "./report.ts";
import { runScenario, SCENARIOS, type Scenario, type ScenarioResult, type SearchWords, type Target } from "./scenarios.ts";
import { fetchNextCursors, openSessions, type BenchSession } from "./sessions.ts";
import { checkDescriptorLimit, FANOUT_SIZES, runWsFanout } from "./ws-fanout.ts";

const CONNECTIONS = 50;
/** A small run is a quick check; the others are what figures are published from. */
const SECONDS: Record<Scale, { warmup: number; measured: number }> = {
  small: { warmup: 1, measured: 3 },
  default: { warmup: 3, measured: 10 },
  large: { warmup: 3, measured: 10 },
};
/** How many people the load is spread over (posting is limited to 60 a minute per person). */
const SESSIONS: Record<Scale, number> = { small: 400, default: 1_000, large: 2_000 };
/** How many of the first posts give `search-rare` its words. */
const RARE_WORDS_SEARCHED = 200;

const progress = (line: string) => console.error(`bench: ${line}`);

interface Run {
  options: BenchOptions;
  database: BenchDatabase;
  sessions: BenchSession[];
  words: SearchWords;
  results: ScenarioResult[];
  peakRssBytes: Partial<Record<Target, number>>;
}

/** Starts the server a group of scenarios drives, runs them in order, and stops it, noting its peak memory. */
async function drive(run: Run, target: Target, scenarios: Scenario[]): Promise<void> {
  if (scenarios.length === 0) return;
  progress(`starting ${target}`);
  const server =
    target === "ruche"
      ? await startRuche(run.database.url)
      : await startBenchServer({ name: target, file: `${target}.ts`, databaseUrl: run.database.url });
  try {
    if (scenarios.some((scenario) => scenario.name === "home-next")) await fetchNextCursors(server.url, run.sessions);
    for (const scenario of scenarios) {
      progress(`${scenario.name}: ${scenario.measures}`);
      for (const connections of scenario.alone ? [CONNECTIONS, 1] : [CONNECTIONS]) {
        run.results.push(await runScenario({ scenario, url: server.url, pid: server.pid, sessions: run.sessions, words: run.words, connections, seconds: SECONDS[run.options.scale] }));
      }
    }
    run.peakRssBytes[target] = server.peakRss();
  } finally {
    await server.stop();
  }
}

/** `ws-fanout` in a Ruche of its own, so that its peak memory is that of the open sockets. */
async function driveFanout(run: Run): Promise<void> {
  progress(`starting ruche for ws-fanout (${FANOUT_SIZES[run.options.scale].sockets} sockets)`);
  const server = await startRuche(run.database.url);
  try {
    run.results.push(await runWsFanout({ db: run.database.db, url: server.url, pid: server.pid, peakRss: server.peakRss, scale: run.options.scale, seed: run.options.seed, log: progress }));
  } finally {
    await server.stop();
  }
}

/** What a kept database says of itself, so that a later `--reuse` reports the same dataset. */
interface KeptDataset {
  scale: Scale;
  summary: DatasetSummary;
}

/** Generates the dataset, or reads back the one a `--keep` run left (refusing another scale or seed). */
async function prepareDataset(options: BenchOptions, database: BenchDatabase): Promise<DatasetSummary> {
  if (options.reuse) {
    const { rows } = await sql<{ description: string | null }>`select shobj_description(oid, 'pg_database') as description from pg_database where datname = current_database()`.execute(database.db);
    const kept = JSON.parse(rows[0]?.description ?? "null") as KeptDataset | null;
    if (!kept) throw new Error(`${options.reuse} was not left by a --keep run of npm run bench`);
    if (kept.scale !== options.scale || kept.summary.seed !== options.seed) {
      throw new Error(`${options.reuse} holds the ${kept.scale} dataset of seed "${kept.summary.seed}": give --scale ${kept.scale} --seed ${kept.summary.seed}`);
    }
    progress(`reusing the ${options.scale} dataset in ${options.reuse} (loaded in ${kept.summary.loadSeconds} s)`);
    return kept.summary;
  }
  progress(`generating the ${options.scale} dataset on ${database.engine}`);
  const summary = await generateDataset(database.db, { size: SCALES[options.scale], seed: options.seed, log: (line) => progress(`  ${line}`) });
  if (options.keep) {
    const kept: KeptDataset = { scale: options.scale, summary };
    await sql`${sql.raw(`comment on database ${database.name} is `)}${sql.lit(JSON.stringify(kept))}`.execute(database.db);
    progress(`keeping database ${database.name}: measure it again with --reuse ${database.name}`);
  }
  return summary;
}

async function measure(options: BenchOptions, database: BenchDatabase): Promise<RunReport> {
  const startedAt = new Date().toISOString();
  const fanout = options.only === undefined || options.only.includes("ws-fanout");
  // Refused before the dataset loads, not after minutes of it.
  if (fanout) checkDescriptorLimit(FANOUT_SIZES[options.scale].sockets);
  const size = SCALES[options.scale];
  const dataset = await prepareDataset(options, database);
  const sessions = await openSessions(database.db, { count: SESSIONS[options.scale], seed: options.seed });
  const words: SearchWords = { rare: await rareWordsInUse(database.db, { seed: options.seed, size, count: RARE_WORDS_SEARCHED }) };
  const run: Run = { options, database, sessions, words, results: [], peakRssBytes: {} };
  const chosen = SCENARIOS.filter((scenario) => options.only === undefined || options.only.includes(scenario.name));
  for (const target of ["ceiling", "baseline", "ruche"] as const) {
    await drive(run, target, chosen.filter((scenario) => scenario.target === target));
  }
  if (fanout) await driveFanout(run);
  const report = {
    startedAt,
    engine: database.engine,
    postgres: database.version,
    scale: options.scale,
    size,
    dataset,
    machine: machine(),
    connections: CONNECTIONS,
    seconds: SECONDS[options.scale],
    scenarios: run.results,
    homeOverBaseline: homeOverBaseline(run.results),
    peakRssBytes: run.peakRssBytes,
  };
  return { ...report, targets: checkTargets(report) };
}

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2), process.env);
  if (options === "help") {
    process.stdout.write(USAGE);
    return;
  }
  const database = await openBenchDatabase(options.database, { keep: options.keep, ...(options.reuse ? { reuse: options.reuse } : {}) });
  let report: RunReport;
  try {
    report = await measure(options, database);
  } finally {
    await database.close();
  }
  console.log(formatReport(report));
  const file = await writeReport(path.join(repositoryRoot, "bench/results"), report);
  console.log(`\nwritten to ${path.relative(repositoryRoot, file)}`);
  // Timings never fail a run; a failed request does (CI runs the small scale as a smoke test).
  const failed = report.scenarios.filter((result) => result.errors + result.non2xx > 0);
  if (failed.length > 0) {
    console.error(`failed requests in: ${failed.map((result) => `${result.scenario} (${JSON.stringify(result.statusCodes)}, ${result.errors} errors)`).join(", ")}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
