import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import {
  CommunitiesPage,
  Community,
  CommunityMembersPage,
  CommunityParams,
  CreateCommunityBody,
  ListCommunitiesQuery,
  PageQuery,
  UpdateCommunityBody,
} from "@ruche/contracts";
import { requireActor } from "../../platform/auth.ts";
import { failures, noContent } from "../../platform/http.ts";
import type { Runtime } from "../../runtime.ts";
import { listCommunities } from "./directory.ts";
import { joinCommunity, leaveCommunity, listCommunityMembers } from "./membership.ts";
import { createCommunity, deleteCommunity, getCommunity, restoreCommunity, setArchived, updateCommunity } from "./service.ts";

const tags = ["communities"];
const byId = { params: CommunityParams };

/** HTTP routes of the communities module: directory, settings, lifecycle and membership. */
export function communitiesRoutes(runtime: Runtime): FastifyPluginAsyncTypebox {
  const { db } = runtime;

  return async (app) => {
    app.post(
      "/api/v1/communities",
      { schema: { tags, summary: "Create a community; its creator becomes owner", body: CreateCommunityBody, response: { 201: Community, ...failures(400, 401, 403) } } },
      async (request, reply) => reply.code(201).send(await createCommunity(db, requireActor(request), request.body)),
    );

    app.get(
      "/api/v1/communities",
      {
        schema: {
          tags,
          summary: "The communities one may see: search, kind, mine; name order, keyset pagination",
          querystring: ListCommunitiesQuery,
          response: { 200: CommunitiesPage, ...failures(400, 401) },
        },
      },
      async (request) => listCommunities(db, requireActor(request), request.query),
    );

    app.get(
      "/api/v1/communities/:id",
      { schema: { tags, summary: "A community", ...byId, response: { 200: Community, ...failures(400, 401, 404) } } },
      async (request) => getCommunity(db, requireActor(request), request.params.id),
    );

    app.patch(
      "/api/v1/communities/:id",
      {
        schema: {
          tags,
          summary: "Edit a community's settings (owners, managers, admins; not while archived)",
          ...byId,
          body: UpdateCommunityBody,
          response: { 200: Community, ...failures(400, 401, 403, 404, 409) },
        },
      },
      async (request) => updateCommunity(db, requireActor(request), request.params.id, request.body),
    );

    for (const [action, archived] of [["archive", true], ["unarchive", false]] as const) {
      app.post(
        `/api/v1/communities/:id/${action}`,
        { schema: { tags, summary: `${archived ? "Archive" : "Unarchive"} a community`, ...byId, response: { 200: Community, ...failures(400, 401, 403, 404) } } },
        async (request) => setArchived(db, requireActor(request), request.params.id, archived),
      );
    }

    app.delete(
      "/api/v1/communities/:id",
      { schema: { tags, summary: "Delete a community (owners, admins); admins may restore it for 30 days", ...byId, response: { 204: noContent, ...failures(400, 401, 403, 404) } } },
      async (request, reply) => {
        await deleteCommunity(db, requireActor(request), request.params.id);
        return reply.code(204).send(null);
      },
    );

    app.post(
      "/api/v1/communities/:id/restore",
      { schema: { tags, summary: "Restore a deleted community (admins, within 30 days)", ...byId, response: { 200: Community, ...failures(400, 401, 403, 404, 409) } } },
      async (request) => restoreCommunity(db, requireActor(request), request.params.id),
    );

    app.post(
      "/api/v1/communities/:id/join",
      { schema: { tags, summary: "Join a public community", ...byId, response: { 200: Community, ...failures(400, 401, 403, 404, 409) } } },
      async (request) => joinCommunity(db, requireActor(request), request.params.id),
    );

    app.post(
      "/api/v1/communities/:id/leave",
      { schema: { tags, summary: "Leave a community (its last owner cannot)", ...byId, response: { 204: noContent, ...failures(400, 401, 403, 404, 409) } } },
      async (request, reply) => {
        await leaveCommunity(db, requireActor(request), request.params.id);
        return reply.code(204).send(null);
      },
    );

    app.get(
      "/api/v1/communities/:id/members",
      {
        schema: { tags, summary: "A community's members, for those who may read it", ...byId, querystring: PageQuery, response: { 200: CommunityMembersPage, ...failures(400, 401, 403, 404) } },
      },
      async (request) => listCommunityMembers(db, requireActor(request), request.params.id, request.query),
    );
  };
}
