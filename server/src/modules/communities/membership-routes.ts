import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { Runtime } from "../../runtime.ts";

/** HTTP routes for requests to join, invitations, and members' roles and removal. */
export function communityMembershipRoutes(_runtime: Runtime): FastifyPluginAsyncTypebox {
  return async () => {};
}
