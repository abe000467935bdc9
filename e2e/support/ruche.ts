import path from "node:path";
import { createDataDir, freePort, startRuche as spawnRuche, type RucheProcess } from "../../server/test/process.ts";

/** A Ruche for one journey: embedded PostgreSQL, its own DATA_DIR, a free port, the built web app. */
export interface RunningRuche {
  /** Where it listens, also its PUBLIC_URL: the links it mails point back at it. */
  url: string;
  /** Where mail lands as .eml files (SMTP_URL is never set in the journeys). */
  mailDir: string;
  process: RucheProcess;
  /** Stops Ruche and removes its data directory. */
  stop(): Promise<void>;
}

/** Starts Ruche; `env` adds variables (e.g. RUCHE_ADMIN_EMAIL / RUCHE_ADMIN_PASSWORD). */
export async function startRuche(env: Record<string, string> = {}): Promise<RunningRuche> {
  const dataDir = await createDataDir();
  try {
    const port = await freePort();
    const ruche = await spawnRuche({ dataDir: dataDir.path, port, env: { PUBLIC_URL: `http://127.0.0.1:${port}`, ...env } });
    return {
      url: ruche.url,
      mailDir: path.join(dataDir.path, "mail"),
      process: ruche,
      stop: async () => {
        await ruche.stop();
        await dataDir.remove();
      },
    };
  } catch (error) {
    await dataDir.remove();
    throw error;
  }
}
