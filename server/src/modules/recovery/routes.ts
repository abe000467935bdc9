import type { FastifyPluginAsync } from "fastify";
import type { Runtime } from "../../runtime.ts";

/** HTTP routes of the recovery module. */
export function recoveryRoutes(runtime: Runtime): FastifyPluginAsync {
  return async (app) => {
    void app;
    void runtime;
  };
}
