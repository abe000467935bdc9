import type { Db } from "./db.ts";

export interface BackupSummary {
  tables: number;
  rows: number;
  files: number;
}

/** Writes every row of Ruche's tables and every stored file to a .tar.gz archive. */
export async function backup(_input: { db: Db; dataDir: string; file: string }): Promise<BackupSummary> {
  throw new Error("backup is not implemented yet");
}

/** Restores an archive made by `backup` into an empty database and data directory. */
export async function restore(_input: { db: Db; dataDir: string; file: string }): Promise<BackupSummary> {
  throw new Error("restore is not implemented yet");
}
