import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../../platform/errors.ts";
import type { Runtime } from "../../runtime.ts";
import { StreamConnection, parseClientFrame } from "./connection.ts";
import { handleClientMessage } from "./subscriptions.ts";

/**
 * Refuses the upgrade of a request nobody signed in made (401), and of a cookie-authenticated one
 * from another site (403): a page elsewhere could otherwise open the stream with the visitor's cookie.
 */
function checkUpgrade(publicUrl: string) {
  const origin = new URL(publicUrl).origin;
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const actor = request.actor;
    if (!actor) {
      const error = new AppError("authentication_required");
      return reply.status(error.status).send({ error: { code: error.code, message: error.message } });
    }
    if (actor.via === "session" && request.headers.origin !== origin) {
      return reply.status(403).send({ error: { code: "forbidden", message: "The Origin header does not match this server" } });
    }
    return undefined;
  };
}

/** The realtime stream, `GET /api/v1/stream` upgraded to a WebSocket (protocol: contracts/src/realtime.ts). */
export function realtimeRoutes(runtime: Runtime): FastifyPluginAsyncTypebox {
  return async (app) => {
    const hub = runtime.hub;
    // A WebSocket is not an OpenAPI operation: the route stays out of the document.
    app.get("/api/v1/stream", { websocket: true, schema: { hide: true }, preValidation: checkUpgrade(runtime.config.publicUrl) }, (socket, request) => {
      const actor = request.actor;
      if (!actor) return socket.close(1008, "authentication required");
      const connection = new StreamConnection(socket, { userId: actor.id, via: actor.via, sessionHash: actor.sessionHash, tokenId: actor.tokenId });
      socket.on("pong", () => (connection.alive = true));
      socket.on("close", () => hub.unregister(connection));
      socket.on("message", (data, isBinary) => {
        connection.enqueue(async () => {
          const parsed = parseClientFrame(data, isBinary);
          if ("error" in parsed) return connection.send({ type: "error", ...parsed.error });
          await handleClientMessage(hub, connection, parsed.message);
        });
      });
      connection.enqueue(() => hub.register(connection));
    });
  };
}
