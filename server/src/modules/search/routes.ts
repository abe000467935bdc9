import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { SearchPage, SearchQuery, Suggestions, SuggestionsQuery } from "@ruche/contracts";
import type { FastifyRequest } from "fastify";
import { requireActor } from "../../platform/auth.ts";
import { failures } from "../../platform/http.ts";
import type { Runtime } from "../../runtime.ts";
import { search, suggestions } from "./service.ts";

const tags = ["search"];

/** Per person: a search box typed into fast stays well under it; a script scraping the index does not. */
const perSearcher = {
  max: 300,
  timeWindow: "1 minute",
  keyGenerator: (request: FastifyRequest) => request.actor?.id ?? request.ip,
  hook: "preHandler" as const,
};

/** Search across posts, comments, files, communities, people and topics, and the header's suggestions. */
export function searchRoutes(runtime: Runtime): FastifyPluginAsyncTypebox {
  const { db } = runtime;
  return async (app) => {
    app.get(
      "/api/v1/search",
      {
        schema: { tags, summary: "Search what I may read, best first, with highlighted excerpts", querystring: SearchQuery, response: { 200: SearchPage, ...failures(400, 401, 429) } },
        config: { rateLimit: perSearcher },
      },
      async (request) => search(db, requireActor(request), request.query),
    );

    app.get(
      "/api/v1/search/suggestions",
      {
        schema: { tags, summary: "People, communities and topics whose names begin with what was typed", querystring: SuggestionsQuery, response: { 200: Suggestions, ...failures(400, 401, 429) } },
        config: { rateLimit: perSearcher },
      },
      async (request) => suggestions(db, requireActor(request), request.query),
    );
  };
}
