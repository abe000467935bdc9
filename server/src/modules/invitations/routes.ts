import type { FastifyPluginAsync } from "fastify";
import type { Runtime } from "../../runtime.ts";

/** HTTP routes of the invitations module. */
export function invitationsRoutes(runtime: Runtime): FastifyPluginAsync {
  return async (app) => {
    void app;
    void runtime;
  };
}
