import { randomBytes } from "node:crypto";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { inject } from "vitest";
import { buildApp } from "../src/app.ts";
import { loadConfig, type Config } from "../src/config.ts";
import type { Db } from "../src/platform/db.ts";
import { createRuntime, type Runtime } from "../src/runtime.ts";
import { createDatabaseFromTemplate, dropDatabase } from "./database.ts";

/** One test file's world: its own database copied from the template, its own data directory, the app. */
export interface TestContext {
  app: FastifyInstance;
  runtime: Runtime;
  db: Db;
  config: Config;
  close(): Promise<void>;
}

export interface TestContextOptions {
  config?: Partial<Config>;
  /** Run jobs and the outbox dispatcher in this context (default true). */
  work?: boolean;
  /** A built web app to serve at `/` instead of web/dist. */
  webRoot?: string;
  /** Local servers (`127.0.0.1:port`) link previews may fetch from. */
  linkPreviewAllowHosts?: string[];
  /** Local push endpoints (`127.0.0.1:port`) browsers may subscribe with. */
  pushAllowHosts?: string[];
}

/** Builds a fresh Ruche on a fresh database, for `app.inject()`. */
export async function createTestContext(options: TestContextOptions = {}): Promise<TestContext> {
  const { admin, template, prefix } = inject("testDatabase");
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  const connection = await createDatabaseFromTemplate(admin, template, name);
  const dataDir = await mkdtemp(path.join(tmpdir(), "ruche-data-"));
  await chmod(dataDir, 0o755);
  const config = loadConfig({ LOG_LEVEL: "silent" }, { dataDir, publicUrl: "http://localhost:3000", ...options.config });
  const runtime = await createRuntime(config, connection, {
    work: options.work ?? true,
    pollingIntervalSeconds: 0.5,
    ...(options.linkPreviewAllowHosts ? { linkPreviewAllowHosts: options.linkPreviewAllowHosts } : {}),
    ...(options.pushAllowHosts ? { pushAllowHosts: options.pushAllowHosts } : {}),
  });
  const app = await buildApp(runtime, { logger: false, ...(options.webRoot ? { webRoot: options.webRoot } : {}) });
  await app.ready();
  return {
    app,
    runtime,
    db: runtime.db,
    config,
    close: async () => {
      await app.close();
      await runtime.close();
      await dropDatabase(admin, name);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Polls `check` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
