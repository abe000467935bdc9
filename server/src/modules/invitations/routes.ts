import {
  AcceptInvitationBody,
  ErrorResponse,
  Invitation,
  InvitationParams,
  InvitationPreview,
  InvitationPreviewQuery,
  InvitationsPage,
  InviteBody,
  ListInvitationsQuery,
  SessionResponse,
} from "@ruche/contracts";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { FastifyRequest } from "fastify";
import { requireActor, setSessionCookie } from "../../platform/auth.ts";
import type { Runtime } from "../../runtime.ts";
import { getMe } from "../people/service.ts";
import { acceptInvitation, previewInvitation } from "./accept.ts";
import { inviteColleague, listInvitations, resendInvitation, revokeInvitation } from "./service.ts";
import { signupRoutes } from "./signup-routes.ts";

const problem = Type.Ref(ErrorResponse);
const tags = ["invitations"];

// Each invitation sends a mail: cap how many one person can send.
const perInviter = {
  max: 100,
  timeWindow: "1 hour",
  keyGenerator: (request: FastifyRequest) => `inviter:${request.actor?.id ?? request.ip}`,
  hook: "preHandler" as const,
};
const perClient = { max: 30, timeWindow: "15 minutes", hook: "preHandler" as const };

/** HTTP routes of the invitations module: invitations, their links, and self sign-up. */
export function invitationsRoutes(runtime: Runtime): FastifyPluginAsyncTypebox {
  const { db, config } = runtime;
  return async (app) => {
    app.post(
      "/api/v1/invitations",
      {
        config: { rateLimit: perInviter },
        schema: { tags, summary: "Invite someone by email", body: InviteBody, response: { 201: Invitation, "4xx": problem } },
      },
      async (request, reply) => reply.status(201).send(await inviteColleague(db, requireActor(request), request.body)),
    );

    app.get(
      "/api/v1/invitations",
      {
        schema: { tags, summary: "Invitations, newest first (admins: all; others: their own)", querystring: ListInvitationsQuery, response: { 200: InvitationsPage, "4xx": problem } },
      },
      async (request) => listInvitations(db, requireActor(request), request.query),
    );

    app.get(
      "/api/v1/invitations/preview",
      {
        config: { rateLimit: perClient },
        schema: { tags, summary: "What an invitation link is for, before accepting it", security: [], querystring: InvitationPreviewQuery, response: { 200: InvitationPreview, "4xx": problem } },
      },
      async (request) => previewInvitation(db, request.query.token),
    );

    app.post(
      "/api/v1/invitations/accept",
      {
        config: { csrf: false, rateLimit: perClient },
        schema: { tags, summary: "Create one's account from an invitation and sign in", security: [], body: AcceptInvitationBody, response: { 201: SessionResponse, "4xx": problem } },
      },
      async (request, reply) => {
        const accepted = await acceptInvitation(db, request.body, { userAgent: request.headers["user-agent"], ip: request.ip });
        setSessionCookie(reply, config, accepted.token);
        return reply.status(201).send({ user: await getMe(db, accepted.userId), csrfToken: accepted.csrfToken });
      },
    );

    app.delete(
      "/api/v1/invitations/:id",
      { schema: { tags, summary: "Revoke an invitation (admins, or its sender)", params: InvitationParams, response: { 204: Type.Null({ description: "Revoked" }), "4xx": problem } } },
      async (request, reply) => {
        await revokeInvitation(db, requireActor(request), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.post(
      "/api/v1/invitations/:id/resend",
      {
        config: { rateLimit: perInviter },
        schema: { tags, summary: "Mail a fresh link with a fresh expiry", params: InvitationParams, response: { 200: Invitation, "4xx": problem } },
      },
      async (request) => resendInvitation(db, requireActor(request), request.params.id),
    );

    await app.register(signupRoutes(runtime));
  };
}
