import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { Runtime } from "../../runtime.ts";

/** HTTP routes of the comments module. */
export function commentsRoutes(_runtime: Runtime): FastifyPluginAsyncTypebox {
  return async () => {};
}
