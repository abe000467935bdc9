import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { Runtime } from "../../runtime.ts";

/** HTTP routes of the disconnect module (being built). */
export function disconnectRoutes(runtime: Runtime): FastifyPluginAsyncTypebox {
  void runtime;
  return async () => {};
}
