import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { Runtime } from "../../runtime.ts";

/** HTTP routes of the feeds module. */
export function feedsRoutes(_runtime: Runtime): FastifyPluginAsyncTypebox {
  return async () => {};
}
