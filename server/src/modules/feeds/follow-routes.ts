import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { FollowState, PersonParams } from "@ruche/contracts";
import { requireActor } from "../../platform/auth.ts";
import { failures, noContent } from "../../platform/http.ts";
import type { Runtime } from "../../runtime.ts";
import { followPerson, followState, unfollowPerson } from "./follows.ts";

const tags = ["follows"];
const byId = { params: PersonParams };

/** Following people: their posts reach one's home feed. */
export function followRoutes(runtime: Runtime): FastifyPluginAsyncTypebox {
  const { db } = runtime;

  return async (app) => {
    app.get(
      "/api/v1/people/:id/follow",
      { schema: { tags, summary: "Whether one follows a person", ...byId, response: { 200: FollowState, ...failures(400, 401, 404) } } },
      async (request) => followState(db, requireActor(request), request.params.id),
    );

    app.put(
      "/api/v1/people/:id/follow",
      { schema: { tags, summary: "Follow a person: their posts reach one's home feed", ...byId, response: { 204: noContent, ...failures(400, 401, 404) } } },
      async (request, reply) => {
        await followPerson(db, requireActor(request), request.params.id);
        return reply.code(204).send(null);
      },
    );

    app.delete(
      "/api/v1/people/:id/follow",
      { schema: { tags, summary: "Stop following a person", ...byId, response: { 204: noContent, ...failures(400, 401, 404) } } },
      async (request, reply) => {
        await unfollowPerson(db, requireActor(request), request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
