import type { Migration } from "kysely";
import * as foundation from "./0001_foundation.ts";

/** Every migration, in order. Forward-only: add a new numbered file, never edit a landed one. */
export const migrations: Record<string, Migration> = {
  "0001_foundation": foundation,
};
