import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { CommentParams, PostParams, ReactionParams, ReactionsSummary, ReactorsPage, ReactorsQuery } from "@ruche/contracts";
import { requireActor } from "../../platform/auth.ts";
import { failures } from "../../platform/http.ts";
import type { Runtime } from "../../runtime.ts";
import type { ReactionTarget } from "./repository.ts";
import { listReactors, setReaction } from "./service.ts";

const tags = ["reactions"];

/** HTTP routes of reactions: the same four under `/posts/:id` and `/comments/:id`. */
export function reactionsRoutes(runtime: Runtime): FastifyPluginAsyncTypebox {
  const { db } = runtime;

  return async (app) => {
    for (const target of ["post", "comment"] as const satisfies readonly ReactionTarget[]) {
      const base = `/api/v1/${target}s/:id/reactions`;
      const what = target === "post" ? "a post" : "a comment";

      app.put(
        `${base}/:kind`,
        {
          schema: {
            tags,
            summary: `React to ${what} (once per kind; reacting again changes nothing)`,
            params: ReactionParams,
            response: { 200: ReactionsSummary, ...failures(400, 401, 403, 404, 409) },
          },
        },
        async (request) => setReaction(db, requireActor(request), { target, id: request.params.id, kind: request.params.kind, present: true }),
      );

      app.delete(
        `${base}/:kind`,
        {
          schema: {
            tags,
            summary: `Take back one's reaction to ${what} (taking back none changes nothing)`,
            params: ReactionParams,
            response: { 200: ReactionsSummary, ...failures(400, 401, 403, 404, 409) },
          },
        },
        async (request) => setReaction(db, requireActor(request), { target, id: request.params.id, kind: request.params.kind, present: false }),
      );

      app.get(
        base,
        {
          schema: {
            tags,
            summary: `Who reacted to ${what}, newest first (people one may see)`,
            params: target === "post" ? PostParams : CommentParams,
            querystring: ReactorsQuery,
            response: { 200: ReactorsPage, ...failures(400, 401, 404) },
          },
        },
        async (request) => listReactors(db, requireActor(request), { target, id: request.params.id, query: request.query }),
      );
    }
  };
}
