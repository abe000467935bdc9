import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { Runtime } from "../../runtime.ts";

/** HTTP routes of the notifications module (being built). */
export function notificationsRoutes(runtime: Runtime): FastifyPluginAsyncTypebox {
  void runtime;
  return async () => {};
}
