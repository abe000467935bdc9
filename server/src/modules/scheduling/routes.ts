import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { Runtime } from "../../runtime.ts";

/** HTTP routes of the scheduling module (being built). */
export function schedulingRoutes(runtime: Runtime): FastifyPluginAsyncTypebox {
  void runtime;
  return async () => {};
}
