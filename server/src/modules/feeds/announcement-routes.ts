import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { AnnouncementReadersPage, AnnouncementReadersQuery, PostParams } from "@ruche/contracts";
import { requireActor } from "../../platform/auth.ts";
import { failures, noContent } from "../../platform/http.ts";
import type { Runtime } from "../../runtime.ts";
import { acknowledgeAnnouncement, listAnnouncementReaders } from "./announcements.ts";

const tags = ["announcements"];
const byId = { params: PostParams };

/** Acknowledging announcements, and who has read them. */
export function announcementRoutes(runtime: Runtime): FastifyPluginAsyncTypebox {
  const { db } = runtime;

  return async (app) => {
    app.post(
      "/api/v1/posts/:id/acknowledge",
      {
        schema: {
          tags,
          summary: "Acknowledge an announcement (members of its community): it leaves one's unread list and stops being pinned",
          ...byId,
          response: { 204: noContent, ...failures(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) => {
        await acknowledgeAnnouncement(db, requireActor(request), request.params.id);
        return reply.code(204).send(null);
      },
    );

    app.get(
      "/api/v1/posts/:id/readers",
      {
        schema: {
          tags,
          summary: "Who has and has not read an announcement (its author, the community's managers, admins); name order",
          ...byId,
          querystring: AnnouncementReadersQuery,
          response: { 200: AnnouncementReadersPage, ...failures(400, 401, 403, 404, 409) },
        },
      },
      async (request) => listAnnouncementReaders(db, requireActor(request), request.params.id, request.query),
    );
  };
}
