import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Config } from "../config.ts";
import { newId } from "./ids.ts";

/** Where uploaded files live. Keys come from `newStorageKey`, never from a user. */
export interface Storage {
  /** Writes `data` under `key`, replacing nothing: keys are fresh. */
  put(key: string, data: Buffer): Promise<void>;
  /** The bytes under `key`, or undefined when there are none. */
  get(key: string): Promise<Buffer | undefined>;
  /** Removes `key`; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
}

// `avatar/0190f5c2-....webp`: a purpose folder, a UUID, an extension. Nothing else is ever a key.
const KEY = /^[a-z][a-z0-9-]{0,30}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[a-z0-9]{1,8}$/;

/** A fresh storage key for a file of `purpose` (e.g. "avatar") with `extension` (e.g. "webp"). */
export function newStorageKey(purpose: string, extension: string): string {
  const key = `${purpose}/${newId()}.${extension}`;
  assertKey(key);
  return key;
}

function assertKey(key: string): void {
  if (!KEY.test(key)) throw new Error(`not a storage key: ${JSON.stringify(key)}`);
}

/** Stores files on local disk under one root directory (`DATA_DIR/files` by default). */
export class LocalDiskStorage implements Storage {
  constructor(private readonly root: string) {}

  async put(key: string, data: Buffer): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    // Write then rename, so a reader never sees half a file and a crash leaves no partial one under the key.
    const partial = `${target}.${newId()}.partial`;
    try {
      await writeFile(partial, data, { flag: "wx" });
      await rename(partial, target);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Buffer | undefined> {
    try {
      return await readFile(this.pathOf(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    assertKey(key);
    return path.join(this.root, key);
  }
}

/** The configured storage: local disk under `DATA_DIR/files`. */
export function createStorage(config: Pick<Config, "dataDir">): Storage {
  return new LocalDiskStorage(path.join(config.dataDir, "files"));
}
