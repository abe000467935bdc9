import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { Runtime } from "../../runtime.ts";

/** HTTP routes of the posts module. */
export function postsRoutes(_runtime: Runtime): FastifyPluginAsyncTypebox {
  return async () => {};
}
