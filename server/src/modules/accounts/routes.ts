import type { FastifyPluginAsync } from "fastify";
import type { Runtime } from "../../runtime.ts";

/** HTTP routes of the accounts module. */
export function accountsRoutes(runtime: Runtime): FastifyPluginAsync {
  return async (app) => {
    void app;
    void runtime;
  };
}
