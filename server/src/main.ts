import path from "node:path";
import { parseArgs } from "node:util";
import { buildApp } from "./app.ts";
import { createLogger, openMigratedDatabase } from "./boot.ts";
import { ConfigError, loadConfig, type Config, type Role } from "./config.ts";
import { createAdminAccount, ensureAdminFromEnvironment } from "./modules/accounts/admin-bootstrap.ts";
import { DemoRefused } from "./demo/refusal.ts";
import { describeDemo, seedDemo } from "./demo/seed.ts";
import { backup, BackupError, restore } from "./platform/backup.ts";
import { openDb, type ConnectionConfig, type Db } from "./platform/db.ts";
import { AppError } from "./platform/errors.ts";
import { createRuntime } from "./runtime.ts";

const usage = `Usage: ruche <command> [options]

Commands:
  start [--role all|web|worker] [--port N]   serve Ruche (default: every role, port 3000)
  migrate                                     apply pending database migrations and exit
  create-admin --email E --name N --password P   create an administrator
  backup FILE                                 write every row and file to FILE (.tar.gz)
  restore FILE                                restore FILE into an empty database and data directory
  demo [--force]                              seed a French-speaking demo organisation (refuses a network with content)
`;

async function start(config: Config): Promise<void> {
  const log = createLogger(config);
  const database = await openMigratedDatabase(config, log);
  const runtime = await createRuntime(config, database.connection, { work: config.role !== "web" });
  await ensureAdminFromEnvironment(runtime.db, config, log);
  const app = config.role === "worker" ? undefined : await buildApp(runtime, { logger: log });
  if (app) {
    await app.listen({ port: config.port, host: config.host });
    log.info(`Ruche is ready on ${config.publicUrl} (database: ${database.engine})`);
  } else {
    log.info("Ruche worker is running");
  }
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    database.embedded?.expectStop();
    log.info(`${signal} received, stopping`);
    await app?.close();
    await runtime.close();
    await database.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

/**
 * Runs a one-shot command on the migrated database, then lets go of it. On the embedded engine it
 * shares the server of a Ruche already running on the same DATA_DIR rather than stopping it.
 */
async function withDatabase(config: Config, task: (db: Db, connection: ConnectionConfig) => Promise<void>): Promise<void> {
  const log = createLogger({ ...config, logLevel: "warn" });
  const database = await openMigratedDatabase(config, log, { attachToRunning: true });
  const { db } = openDb(database.connection, 2);
  try {
    await task(db, database.connection);
  } finally {
    await db.destroy();
    await database.close();
  }
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      role: { type: "string" },
      port: { type: "string" },
      email: { type: "string" },
      name: { type: "string" },
      password: { type: "string" },
      force: { type: "boolean" },
    },
  });
  // `npm start` and `npm run ruche` run this inside server/; npm's INIT_CWD is where the operator
  // typed the command, so the default DATA_DIR is `./data` there (the repository root).
  const invokedFrom = process.env.INIT_CWD;
  const dataDir = !process.env.DATA_DIR && invokedFrom ? { DATA_DIR: path.join(invokedFrom, "data") } : {};
  const env = { ...process.env, ...dataDir, ...(values.role ? { RUCHE_ROLE: values.role as Role } : {}), ...(values.port ? { PORT: values.port } : {}) };
  const config = loadConfig(env);
  switch (command) {
    case "start":
      return start(config);
    case "migrate":
      return withDatabase(config, async () => {
        console.log("The database schema is up to date.");
      });
    case "create-admin": {
      const { email, name, password } = values;
      if (!email || !name || !password) throw new ConfigError("create-admin needs --email, --name and --password");
      return withDatabase(config, async (db) => {
        const admin = await createAdminAccount(db, { email, displayName: name, password });
        console.log(`Administrator ${admin.email} created.`);
      });
    }
    case "backup":
    case "restore": {
      const file = positionals[0];
      if (!file) throw new ConfigError(`${command} needs a FILE`);
      if (command === "backup") {
        return withDatabase(config, async (_db, connection) => {
          const summary = await backup({ connection, dataDir: config.dataDir, file });
          console.log(`Backed up ${summary.rows} rows in ${summary.tables} tables and ${summary.files} files to ${file}.`);
        });
      }
      return withDatabase(config, async (_db, connection) => {
        const summary = await restore({ connection, dataDir: config.dataDir, file });
        console.log(`Restored ${summary.rows} rows in ${summary.tables} tables and ${summary.files} files from ${file}.`);
      });
    }
    case "demo":
      return withDatabase(config, async (db) => {
        process.stdout.write(describeDemo(await seedDemo(db, { force: values.force ?? false })));
      });
    default:
      process.stdout.write(usage);
      if (command && command !== "help" && command !== "--help") process.exitCode = 2;
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof AppError || error instanceof BackupError || error instanceof DemoRefused) {
    console.error(`ruche: ${error.message}`);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
