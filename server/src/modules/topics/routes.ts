import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { ListTopicsQuery, Topic, TopicParams, TopicsPage } from "@ruche/contracts";
import { requireActor } from "../../platform/auth.ts";
import { failures, noContent } from "../../platform/http.ts";
import type { Runtime } from "../../runtime.ts";
import { followTopic, getTopic, listTopics } from "./service.ts";

const tags = ["topics"];
const bySlug = { params: TopicParams };

/** HTTP routes of the topics module: list and autocomplete, a topic's header, follow. Its feed is with the other feeds. */
export function topicsRoutes(runtime: Runtime): FastifyPluginAsyncTypebox {
  const { db } = runtime;

  return async (app) => {
    app.get(
      "/api/v1/topics",
      {
        schema: {
          tags,
          summary: "Topics used in posts one may read (or followed): by prefix for autocomplete, or only followed ones",
          querystring: ListTopicsQuery,
          response: { 200: TopicsPage, ...failures(400, 401) },
        },
      },
      async (request) => listTopics(db, requireActor(request), request.query),
    );

    app.get(
      "/api/v1/topics/:slug",
      { schema: { tags, summary: "A topic, with how many posts one may read use it", ...bySlug, response: { 200: Topic, ...failures(400, 401, 404) } } },
      async (request) => getTopic(db, requireActor(request), request.params.slug),
    );

    for (const [method, following] of [["put", true], ["delete", false]] as const) {
      app[method](
        "/api/v1/topics/:slug/follow",
        {
          schema: {
            tags,
            summary: following ? "Follow a topic: its posts reach the home feed" : "Stop following a topic",
            ...bySlug,
            response: { 204: noContent, ...failures(400, 401, 404) },
          },
        },
        async (request, reply) => {
          await followTopic(db, requireActor(request), { slug: request.params.slug, following });
          return reply.code(204).send(null);
        },
      );
    }
  };
}
