import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { Runtime } from "../../runtime.ts";

/** HTTP routes for a community's charter, cover image and suggestions. */
export function communitySettingsRoutes(_runtime: Runtime): FastifyPluginAsyncTypebox {
  return async () => {};
}
