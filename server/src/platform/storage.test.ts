import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalDiskStorage, newStorageKey } from "./storage.ts";

let root: string;
let storage: LocalDiskStorage;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "ruche-storage-"));
  storage = new LocalDiskStorage(root);
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe("local disk storage", () => {
  it("keeps bytes under a fresh key and gives them back", async () => {
    const key = newStorageKey("avatar", "webp");
    await storage.put(key, Buffer.from("bytes"));
    expect((await storage.get(key))?.toString()).toBe("bytes");
    expect(await readdir(path.join(root, "avatar"))).toEqual([path.basename(key)]);
  });

  it("answers undefined for a key with nothing stored", async () => {
    expect(await storage.get(newStorageKey("avatar", "webp"))).toBeUndefined();
  });

  it("deletes, and deleting twice is not an error", async () => {
    const key = newStorageKey("logo", "webp");
    await storage.put(key, Buffer.from("logo"));
    await storage.delete(key);
    await storage.delete(key);
    expect(await storage.get(key)).toBeUndefined();
  });

  it("refuses anything that is not a key it made, such as a path", async () => {
    for (const key of ["../secret", "avatar/../../etc/passwd", "/etc/passwd", "avatar/photo.webp", "Avatar/0190f5c2-0000-7000-8000-000000000000.webp"]) {
      await expect(storage.get(key)).rejects.toThrow(/not a storage key/);
      await expect(storage.put(key, Buffer.from("x"))).rejects.toThrow(/not a storage key/);
    }
  });
});
