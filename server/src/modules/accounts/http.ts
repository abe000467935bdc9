import type { FastifyRequest } from "fastify";
import type { Client } from "./service.ts";

/** Where a sign-in comes from, recorded on the session. */
export function clientOf(request: FastifyRequest): Client {
  return { userAgent: request.headers["user-agent"], ip: request.ip };
}
