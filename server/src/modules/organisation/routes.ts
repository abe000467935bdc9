import type { FastifyPluginAsync } from "fastify";
import type { Runtime } from "../../runtime.ts";

/** HTTP routes of the organisation module. */
export function organisationRoutes(runtime: Runtime): FastifyPluginAsync {
  return async (app) => {
    void app;
    void runtime;
  };
}
