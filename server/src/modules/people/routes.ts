import type { FastifyPluginAsync } from "fastify";
import type { Runtime } from "../../runtime.ts";

/** HTTP routes of the people module. */
export function peopleRoutes(runtime: Runtime): FastifyPluginAsync {
  return async (app) => {
    void app;
    void runtime;
  };
}
