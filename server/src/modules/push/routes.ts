import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { PushKey, PushSubscriptionBody, PushUnsubscribeBody } from "@ruche/contracts";
import { requireActor } from "../../platform/auth.ts";
import { failures, noContent } from "../../platform/http.ts";
import type { Runtime } from "../../runtime.ts";
import { pushKey, subscribeBrowser, unsubscribeBrowser } from "./service.ts";

const tags = ["push"];

/** Web push: the server's public key, and subscribing or unsubscribing a browser. */
export function pushRoutes(runtime: Runtime): FastifyPluginAsyncTypebox {
  const { db } = runtime;

  return async (app) => {
    app.get(
      "/api/v1/push/key",
      { schema: { tags, summary: "The VAPID public key to subscribe a browser with", response: { 200: PushKey, ...failures(401) } } },
      async (request) => {
        requireActor(request);
        return pushKey(db);
      },
    );

    app.post(
      "/api/v1/push/subscriptions",
      { schema: { tags, summary: "Push my notifications to this browser, in place of the subscription it `replaces` if any", body: PushSubscriptionBody, response: { 204: noContent, ...failures(400, 401) } } },
      async (request, reply) => {
        const viewer = requireActor(request);
        await subscribeBrowser(db, viewer, { body: request.body, userAgent: request.headers["user-agent"], allowHosts: runtime.pushAllowHosts });
        return reply.code(204).send(null);
      },
    );

    app.delete(
      "/api/v1/push/subscriptions",
      { schema: { tags, summary: "Stop pushing to this browser", body: PushUnsubscribeBody, response: { 204: noContent, ...failures(400, 401, 404) } } },
      async (request, reply) => {
        await unsubscribeBrowser(db, requireActor(request), request.body.endpoint);
        return reply.code(204).send(null);
      },
    );
  };
}
