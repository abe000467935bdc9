import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import {
  ChangeMemberRoleBody,
  Community,
  CommunityInvitation,
  CommunityInvitationParams,
  CommunityInvitationsPage,
  CommunityMember,
  CommunityMemberParams,
  CommunityParams,
  CreateCommunityInvitationBody,
  CreateJoinRequestBody,
  JoinRequest,
  JoinRequestParams,
  JoinRequestsPage,
  ListJoinRequestsQuery,
  PageQuery,
  RefuseJoinRequestBody,
  TransferOwnershipBody,
} from "@ruche/contracts";
import type { FastifyRequest } from "fastify";
import { requireActor } from "../../platform/auth.ts";
import { failures, noContent } from "../../platform/http.ts";
import type { Runtime } from "../../runtime.ts";
import {
  acceptCommunityInvitation,
  declineCommunityInvitation,
  inviteToCommunity,
  listCommunityInvitations,
  revokeCommunityInvitation,
} from "./invitations.ts";
import { changeMemberRole, removeMember, transferOwnership } from "./members.ts";
import { approveJoinRequest, listJoinRequests, refuseJoinRequest, requestToJoin, withdrawJoinRequest } from "./requests.ts";

const tags = ["communities"];
const byId = { params: CommunityParams };

// An invitation by address may send a mail: cap how many one person can send.
const perInviter = {
  max: 100,
  timeWindow: "1 hour",
  keyGenerator: (request: FastifyRequest) => `community-inviter:${request.actor?.id ?? request.ip}`,
  hook: "preHandler" as const,
};

/** HTTP routes for requests to join, invitations, and members' roles and removal. */
export function communityMembershipRoutes(runtime: Runtime): FastifyPluginAsyncTypebox {
  const { db } = runtime;

  return async (app) => {
    app.post(
      "/api/v1/communities/:id/requests",
      {
        schema: {
          tags,
          summary: "Ask to join a closed community (201; 200 with the pending request when already asked; an invitee joins at once)",
          ...byId,
          body: CreateJoinRequestBody,
          response: { 200: JoinRequest, 201: JoinRequest, ...failures(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) => {
        const outcome = await requestToJoin(db, requireActor(request), request.params.id, request.body);
        return reply.code(outcome.created ? 201 : 200).send(outcome.request);
      },
    );

    app.get(
      "/api/v1/communities/:id/requests",
      {
        schema: {
          tags,
          summary: "Requests to join, pending by default, oldest first (owners, managers, admins)",
          ...byId,
          querystring: ListJoinRequestsQuery,
          response: { 200: JoinRequestsPage, ...failures(400, 401, 403, 404) },
        },
      },
      async (request) => listJoinRequests(db, requireActor(request), request.params.id, request.query),
    );

    app.post(
      "/api/v1/communities/:id/requests/:requestId/approve",
      {
        schema: { tags, summary: "Approve a request to join: the requester becomes a member", params: JoinRequestParams, response: { 200: JoinRequest, ...failures(400, 401, 403, 404, 409) } },
      },
      async (request) => approveJoinRequest(db, requireActor(request), { communityId: request.params.id, requestId: request.params.requestId }),
    );

    app.post(
      "/api/v1/communities/:id/requests/:requestId/refuse",
      {
        schema: {
          tags,
          summary: "Refuse a request to join, with an optional reason shown to the requester",
          params: JoinRequestParams,
          body: RefuseJoinRequestBody,
          response: { 200: JoinRequest, ...failures(400, 401, 403, 404, 409) },
        },
      },
      async (request) =>
        refuseJoinRequest(db, requireActor(request), { communityId: request.params.id, requestId: request.params.requestId, reason: request.body.reason ?? null }),
    );

    app.delete(
      "/api/v1/communities/:id/requests/:requestId",
      { schema: { tags, summary: "Withdraw one's own pending request to join", params: JoinRequestParams, response: { 204: noContent, ...failures(400, 401, 404, 409) } } },
      async (request, reply) => {
        await withdrawJoinRequest(db, requireActor(request), { communityId: request.params.id, requestId: request.params.requestId });
        return reply.code(204).send(null);
      },
    );

    app.post(
      "/api/v1/communities/:id/invitations",
      {
        config: { rateLimit: perInviter },
        schema: {
          tags,
          summary: "Invite a person by account or by email (an address with no account becomes a guest, external communities only)",
          ...byId,
          body: CreateCommunityInvitationBody,
          response: { 201: CommunityInvitation, ...failures(400, 401, 403, 404, 409, 429) },
        },
      },
      async (request, reply) => reply.code(201).send(await inviteToCommunity(db, requireActor(request), request.params.id, request.body)),
    );

    app.get(
      "/api/v1/communities/:id/invitations",
      {
        schema: {
          tags,
          summary: "Pending invitations, oldest first (owners, managers, admins)",
          ...byId,
          querystring: PageQuery,
          response: { 200: CommunityInvitationsPage, ...failures(400, 401, 403, 404) },
        },
      },
      async (request) => listCommunityInvitations(db, requireActor(request), request.params.id, request.query),
    );

    app.post(
      "/api/v1/communities/:id/invitations/:invitationId/accept",
      {
        schema: { tags, summary: "Accept one's invitation: join with the invited role", params: CommunityInvitationParams, response: { 200: Community, ...failures(400, 401, 404, 409) } },
      },
      async (request) => acceptCommunityInvitation(db, requireActor(request), { communityId: request.params.id, invitationId: request.params.invitationId }),
    );

    app.post(
      "/api/v1/communities/:id/invitations/:invitationId/decline",
      { schema: { tags, summary: "Decline one's invitation", params: CommunityInvitationParams, response: { 204: noContent, ...failures(400, 401, 404, 409) } } },
      async (request, reply) => {
        await declineCommunityInvitation(db, requireActor(request), { communityId: request.params.id, invitationId: request.params.invitationId });
        return reply.code(204).send(null);
      },
    );

    app.delete(
      "/api/v1/communities/:id/invitations/:invitationId",
      {
        schema: { tags, summary: "Revoke a pending invitation (owners, managers, admins)", params: CommunityInvitationParams, response: { 204: noContent, ...failures(400, 401, 403, 404, 409) } },
      },
      async (request, reply) => {
        await revokeCommunityInvitation(db, requireActor(request), { communityId: request.params.id, invitationId: request.params.invitationId });
        return reply.code(204).send(null);
      },
    );

    app.patch(
      "/api/v1/communities/:id/members/:userId",
      {
        schema: {
          tags,
          summary: "Change a member's role (managers: member and manager; owners and admins: owner too)",
          params: CommunityMemberParams,
          body: ChangeMemberRoleBody,
          response: { 200: CommunityMember, ...failures(400, 401, 403, 404, 409) },
        },
      },
      async (request) => changeMemberRole(db, requireActor(request), { communityId: request.params.id, userId: request.params.userId, role: request.body.role }),
    );

    app.delete(
      "/api/v1/communities/:id/members/:userId",
      {
        schema: { tags, summary: "Remove a member (removing oneself is leaving)", params: CommunityMemberParams, response: { 204: noContent, ...failures(400, 401, 403, 404, 409) } },
      },
      async (request, reply) => {
        await removeMember(db, requireActor(request), { communityId: request.params.id, userId: request.params.userId });
        return reply.code(204).send(null);
      },
    );

    app.post(
      "/api/v1/communities/:id/transfer-ownership",
      {
        schema: {
          tags,
          summary: "Hand ownership to a member; the owner handing it over becomes a manager",
          ...byId,
          body: TransferOwnershipBody,
          response: { 200: Community, ...failures(400, 401, 403, 404, 409) },
        },
      },
      async (request) => transferOwnership(db, requireActor(request), { communityId: request.params.id, userId: request.body.userId }),
    );
  };
}
