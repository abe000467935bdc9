import { parseArgs } from "node:util";
import { SCALES, type Scale } from "./dataset.ts";
import { SCENARIO_NAMES, type ScenarioName } from "./scenarios.ts";

export interface BenchOptions {
  /** `embedded`, or a postgres:// URL of the server to create the scratch database on. */
  database: string;
  scale: Scale;
  /** The scenarios to run (all when undefined). */
  only: ScenarioName[] | undefined;
  seed: string;
  /** Leave the scratch database on the external server, to measure it again with `reuse`. */
  keep: boolean;
  /** A database an earlier `--keep` run left on the external server: measured without generating. */
  reuse: string | undefined;
}

export const USAGE = `Usage: npm run bench -- [--database embedded|postgres://...] [--scale small|default|large] [--only SCENARIO] [--seed TEXT]

  --database  embedded (default): a throwaway embedded PostgreSQL 17; or a server's URL, where a
              scratch database ruche_bench_<timestamp> is created and dropped at the end
  --scale     small (a quick check), default (10,000 people, 1,000,000 posts), large (10x default)
  --only      one or several (comma-separated) of: ${SCENARIO_NAMES.join(", ")}
  --seed      the dataset's seed (default "ruche"): the same seed, the same dataset
  --keep      with a postgres:// URL: leave the scratch database in place (its name is printed)
  --reuse DB  with a postgres:// URL: measure database DB, left by an earlier --keep run, instead
              of generating a dataset (its scale, seed and load time are read from it)
`;

const isScale = (value: string): value is Scale => value in SCALES;
const isScenario = (value: string): value is ScenarioName => (SCENARIO_NAMES as readonly string[]).includes(value);
const isDatabase = (value: string) => value === "embedded" || /^postgres(ql)?:\/\//.test(value);

/**
 * `npm run bench --scale small` (no `--`) does not reach the script as written: npm keeps the
 * flag as `npm_config_scale=true` and passes `small` on as a bare word. Bare words are therefore
 * recognised by their form (a scale, a scenario, embedded or a URL) wherever they come.
 */
function fromBareWords(words: string[]): Partial<BenchOptions> {
  const found: Partial<BenchOptions> = {};
  for (const word of words) {
    if (isScale(word)) found.scale = word;
    else if (isScenario(word)) found.only = [...(found.only ?? []), word];
    else if (isDatabase(word)) found.database = word;
    else throw new Error(`unexpected argument "${word}"\n\n${USAGE}`);
  }
  return found;
}

/** An npm_config_* value npm set from a flag given with its value (`--scale=small`), not a bare `true`. */
function npmConfig(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[`npm_config_${name}`];
  return value && value !== "true" ? value : undefined;
}

/** Reads the options from the command line, then from what npm passed on; anything unknown is refused. */
export function readOptions(argv: string[], env: NodeJS.ProcessEnv): BenchOptions | "help" {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      database: { type: "string" },
      scale: { type: "string" },
      only: { type: "string" },
      seed: { type: "string" },
      keep: { type: "boolean" },
      reuse: { type: "string" },
      help: { type: "boolean" },
    },
  });
  if (values.help) return "help";
  const bare = fromBareWords(positionals);
  const database = values.database ?? bare.database ?? npmConfig(env, "database") ?? "embedded";
  const scale = values.scale ?? bare.scale ?? npmConfig(env, "scale") ?? "default";
  const named = values.only ?? npmConfig(env, "only");
  const only = named === undefined ? bare.only : named.split(",").map((name) => name.trim());
  const seed = values.seed ?? npmConfig(env, "seed") ?? "ruche";
  if (!isScale(scale)) throw new Error(`--scale must be small, default or large, got "${scale}"`);
  if (!isDatabase(database)) throw new Error(`--database must be embedded or a postgres:// URL, got "${database}"`);
  const unknown = only?.find((name) => !isScenario(name));
  if (unknown !== undefined) throw new Error(`--only takes names among ${SCENARIO_NAMES.join(", ")}, got "${unknown}"`);
  const reuse = values.reuse;
  if ((values.keep || reuse) && database === "embedded") throw new Error("--keep and --reuse need --database postgres://... (the embedded server is thrown away after each run)");
  if (reuse !== undefined && !/^ruche_bench_\d+$/.test(reuse)) throw new Error(`--reuse names a database left by --keep (ruche_bench_<digits>), got "${reuse}"`);
  return { database, scale, only: only as ScenarioName[] | undefined, seed, keep: values.keep ?? false, reuse };
}
