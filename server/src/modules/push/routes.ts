import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { Runtime } from "../../runtime.ts";

/** HTTP routes of the push module (being built). */
export function pushRoutes(runtime: Runtime): FastifyPluginAsyncTypebox {
  void runtime;
  return async () => {};
}
