import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Poll, PostParams, VoteBody } from "@ruche/contracts";
import { requireActor } from "../../platform/auth.ts";
import { failures, noContent } from "../../platform/http.ts";
import type { Runtime } from "../../runtime.ts";
import { retractVote, vote } from "./service.ts";

const tags = ["polls"];

/** HTTP routes of polls: voting and taking a vote back (the poll itself comes with its post). */
export function pollsRoutes(runtime: Runtime): FastifyPluginAsyncTypebox {
  const { db } = runtime;

  return async (app) => {
    app.post(
      "/api/v1/posts/:id/poll/votes",
      {
        schema: {
          tags,
          summary: "Vote in a post's poll (voting again replaces one's choice); answers the poll as the voter now sees it",
          params: PostParams,
          body: VoteBody,
          response: { 200: Poll, ...failures(400, 401, 403, 404, 409) },
        },
      },
      async (request) => vote(db, requireActor(request), { postId: request.params.id, optionIds: request.body.optionIds }),
    );

    app.delete(
      "/api/v1/posts/:id/poll/votes",
      {
        schema: { tags, summary: "Take back one's vote before the poll closes", params: PostParams, response: { 204: noContent, ...failures(400, 401, 403, 404, 409) } },
      },
      async (request, reply) => {
        await retractVote(db, requireActor(request), request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
