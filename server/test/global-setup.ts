import type { TestProject } from "vitest/node";
import type { ConnectionConfig } from "../src/platform/db.ts";
import { createTemplate, dropDatabase, startTestServer } from "./database.ts";

declare module "vitest" {
  export interface ProvidedContext {
    testDatabase: { admin: ConnectionConfig; template: string; prefix: string };
  }
}

/** Starts the test server once per run and migrates the template each test file copies. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startTestServer();
  const template = await createTemplate(server);
  project.provide("testDatabase", { admin: server.admin, template, prefix: server.prefix });
  return async () => {
    await dropDatabase(server.admin, template);
    await server.stop();
  };
}
