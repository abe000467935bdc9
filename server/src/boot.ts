import pino, { type Logger } from "pino";
import type { Config } from "./config.ts";
import { openDatabase, type DatabaseHandle, type OpenDatabaseOptions } from "./platform/database.ts";
import { openDb } from "./platform/db.ts";
import { migrateToLatest } from "./platform/migrate.ts";

/** The process logger: JSON lines, one per event, at `LOG_LEVEL`. */
export function createLogger(config: Config): Logger {
  return pino({ level: config.logLevel });
}

/** Opens the configured database (starting the embedded one if needed) and migrates it. */
export async function openMigratedDatabase(config: Config, log: Logger, options: OpenDatabaseOptions = {}): Promise<DatabaseHandle> {
  const handle = await openDatabase(
    config,
    {
      info: (m) => log.info(m),
      error: (m) => log.error(m),
      debug: (m) => log.debug(m),
    },
    options,
  );
  try {
    const { db } = openDb(handle.connection, 1);
    try {
      const applied = await migrateToLatest(db);
      if (applied.length > 0) log.info({ applied }, "migrations applied");
    } finally {
      await db.destroy();
    }
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}
