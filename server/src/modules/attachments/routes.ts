import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { Runtime } from "../../runtime.ts";

/** HTTP routes of the attachments module. */
export function attachmentsRoutes(_runtime: Runtime): FastifyPluginAsyncTypebox {
  return async () => {};
}
