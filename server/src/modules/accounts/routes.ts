import { ChangePasswordBody, LoginBody, SessionResponse, SetupBody, SetupStatus } from "@ruche/contracts";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { FastifyReply, FastifyRequest } from "fastify";
import { requireActor, sessionCookieName, setSessionCookie, clearSessionCookie } from "../../platform/auth.ts";
import type { Runtime } from "../../runtime.ts";
import { failures, noContent } from "../../platform/http.ts";
import { clientOf } from "./http.ts";
import { changePassword, logIn, logOut, sessionResponse, type OpenedSession } from "./service.ts";
import { completeSetup, setupStatus } from "./setup.ts";
import { tokenRoutes } from "./token-routes.ts";

const perIp = (max: number, timeWindow: string) => ({
  max,
  timeWindow,
  keyGenerator: (request: FastifyRequest) => request.ip,
  hook: "preHandler" as const,
});

/** HTTP routes of the accounts module: setup, sign-in, sessions, password, access tokens. */
export function accountsRoutes(runtime: Runtime): FastifyPluginAsyncTypebox {
  const { db, config } = runtime;
  const cookieName = sessionCookieName(config);

  async function signedIn(reply: FastifyReply, session: OpenedSession): Promise<SessionResponse> {
    setSessionCookie(reply, config, session.token);
    return sessionResponse(db, session.userId, session.csrfToken);
  }

  return async (app) => {
    app.get(
      "/api/v1/setup",
      { schema: { tags: ["auth"], summary: "Whether first-run setup is still open", security: [], response: { 200: SetupStatus } } },
      async () => setupStatus(db),
    );

    app.post(
      "/api/v1/setup",
      {
        config: { csrf: false, rateLimit: perIp(10, "1 hour") },
        schema: {
          tags: ["auth"],
          summary: "Name the organisation, create the first administrator and sign them in",
          security: [],
          body: SetupBody,
          response: { 201: SessionResponse, ...failures(400, 409, 413, 429) },
        },
      },
      async (request, reply) => {
        const session = await completeSetup(db, { body: request.body, client: clientOf(request) });
        reply.code(201);
        return signedIn(reply, session);
      },
    );

    app.post(
      "/api/v1/auth/login",
      {
        config: { csrf: false, rateLimit: perIp(25, "5 minutes") },
        schema: {
          tags: ["auth"],
          summary: "Sign in with an email and password",
          security: [],
          body: LoginBody,
          response: { 200: SessionResponse, ...failures(400, 401, 403, 413, 429) },
        },
      },
      async (request, reply) => {
        const session = await logIn(db, {
          email: request.body.email,
          password: request.body.password,
          presentedSessionToken: request.cookies[cookieName],
          client: clientOf(request),
        });
        return signedIn(reply, session);
      },
    );

    app.post(
      "/api/v1/auth/logout",
      { schema: { tags: ["auth"], summary: "End this browser session", response: { 204: noContent, ...failures(401, 403) } } },
      async (request, reply) => {
        await logOut(db, requireActor(request));
        clearSessionCookie(reply, config);
        return reply.code(204).send(null);
      },
    );

    app.get(
      "/api/v1/auth/session",
      { schema: { tags: ["auth"], summary: "Who is signed in, and the CSRF token", response: { 200: SessionResponse, ...failures(401) } } },
      async (request) => {
        const actor = requireActor(request);
        return sessionResponse(db, actor.id, actor.via === "session" ? (actor.csrfToken ?? "") : "");
      },
    );

    app.post(
      "/api/v1/auth/password",
      {
        // Guessing the current password from a stolen session must stay slow.
        config: { rateLimit: { ...perIp(10, "15 minutes"), keyGenerator: (request: FastifyRequest) => request.actor?.id ?? request.ip } },
        schema: {
          tags: ["auth"],
          summary: "Change your password; every other session ends",
          body: ChangePasswordBody,
          response: { 200: SessionResponse, ...failures(400, 401, 403, 413, 429) },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const session = await changePassword(db, { actor, ...request.body, client: clientOf(request) });
        if (session) return signedIn(reply, session);
        return sessionResponse(db, actor.id, "");
      },
    );

    await app.register(tokenRoutes(runtime));
  };
}
