import { createDataDir, startRuche as spawnRuche, type RucheProcess } from "../../server/test/process.ts";

/** A Ruche for one journey: embedded PostgreSQL, its own DATA_DIR, a free port, the built web app. */
export interface RunningRuche {
  url: string;
  process: RucheProcess;
  /** Stops Ruche and removes its data directory. */
  stop(): Promise<void>;
}

/** Starts Ruche; `env` adds variables (e.g. RUCHE_ADMIN_EMAIL / RUCHE_ADMIN_PASSWORD). */
export async function startRuche(env: Record<string, string> = {}): Promise<RunningRuche> {
  const dataDir = await createDataDir();
  try {
    const ruche = await spawnRuche({ dataDir: dataDir.path, env });
    return {
      url: ruche.url,
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
