import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { Runtime } from "../../runtime.ts";

/** The realtime stream, `GET /api/v1/stream` (being built). */
export function realtimeRoutes(runtime: Runtime): FastifyPluginAsyncTypebox {
  void runtime;
  return async () => {};
}
