import { AccessTokenPage, CreateAccessTokenBody, CreatedAccessToken, IdParams, PageQuery } from "@ruche/contracts";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { requireActor } from "../../platform/auth.ts";
import type { Runtime } from "../../runtime.ts";
import { failures, noContent } from "../../platform/http.ts";
import { createToken, listTokens, revokeToken } from "./tokens.ts";

/** Personal access tokens: `Authorization: Bearer <secret>` for scripts and integrations. */
export function tokenRoutes(runtime: Runtime): FastifyPluginAsyncTypebox {
  const { db } = runtime;
  return async (app) => {
    app.get(
      "/api/v1/me/tokens",
      {
        schema: {
          tags: ["tokens"],
          summary: "Your access tokens that are not revoked, newest first",
          querystring: PageQuery,
          response: { 200: AccessTokenPage, ...failures(400, 401) },
        },
      },
      async (request) => listTokens(db, requireActor(request), request.query),
    );

    app.post(
      "/api/v1/me/tokens",
      {
        schema: {
          tags: ["tokens"],
          summary: "Create an access token; its secret is shown in this answer only",
          body: CreateAccessTokenBody,
          response: { 201: CreatedAccessToken, ...failures(400, 401, 403, 413) },
        },
      },
      async (request, reply) => {
        const created = await createToken(db, requireActor(request), request.body);
        return reply.code(201).send(created);
      },
    );

    app.delete(
      "/api/v1/me/tokens/:id",
      {
        schema: {
          tags: ["tokens"],
          summary: "Revoke one of your access tokens; it stops working at once",
          params: IdParams,
          response: { 204: noContent, ...failures(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        await revokeToken(db, requireActor(request), request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
