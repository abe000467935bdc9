import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import {
  CreateScheduledCommentBody,
  CreateScheduledPostBody,
  ScheduledComment,
  ScheduledComments,
  ScheduledPost,
  ScheduledPostParams,
  ScheduledPosts,
  SendCommentLaterSuggestionBody,
  SendLaterSuggestion,
  SendLaterSuggestionBody,
  UpdateScheduledCommentBody,
  UpdateScheduledPostBody,
} from "@ruche/contracts";
import type { FastifyRequest } from "fastify";
import { requireActor } from "../../platform/auth.ts";
import { failures, noContent } from "../../platform/http.ts";
import type { Runtime } from "../../runtime.ts";
import { disconnectReportRoutes } from "../disconnect/report-routes.ts";
import { cancelScheduledComment, createScheduledComment, getScheduledComment, listScheduledComments, updateScheduledComment } from "./comments.ts";
import { cancelScheduledPost, createScheduledPost, getScheduledPost, listScheduledPosts, updateScheduledPost } from "./service.ts";
import { suggestCommentSendTime, suggestSendTime } from "./suggestion.ts";

const tags = ["scheduling"];
const byId = { params: ScheduledPostParams };

// As posting: a runaway script cannot queue a flood that goes out later either.
const perAuthor = {
  max: 60,
  timeWindow: "1 minute",
  keyGenerator: (request: FastifyRequest) => request.actor?.id ?? request.ip,
  hook: "preHandler" as const,
};

/** HTTP routes of send later (scheduled posts and comments, the off-hours suggestion) and the HR disconnect report. */
export function schedulingRoutes(runtime: Runtime): FastifyPluginAsyncTypebox {
  const { db } = runtime;

  return async (app) => {
    app.post(
      "/api/v1/scheduled-posts",
      {
        schema: {
          tags,
          summary: "Schedule a post to go out later (at most 90 days ahead), checked as posting now is",
          body: CreateScheduledPostBody,
          response: { 201: ScheduledPost, ...failures(400, 401, 403, 404, 409, 429) },
        },
        config: { rateLimit: perAuthor },
      },
      async (request, reply) => reply.code(201).send(await createScheduledPost(db, requireActor(request), { body: request.body, now: new Date() })),
    );

    app.get(
      "/api/v1/scheduled-posts",
      { schema: { tags, summary: "One's own scheduled posts: waiting, then gone out or failed", response: { 200: ScheduledPosts, ...failures(401) } } },
      async (request) => listScheduledPosts(db, requireActor(request)),
    );

    app.post(
      "/api/v1/scheduled-posts/suggestion",
      {
        schema: {
          tags,
          summary: "How many people a post would notify outside their working time now, and when most of them start",
          body: SendLaterSuggestionBody,
          response: { 200: SendLaterSuggestion, ...failures(400, 401, 404) },
        },
      },
      async (request) => suggestSendTime(db, requireActor(request), { body: request.body, now: new Date() }),
    );

    app.get(
      "/api/v1/scheduled-posts/:id",
      { schema: { tags, summary: "One of one's own scheduled posts", ...byId, response: { 200: ScheduledPost, ...failures(400, 401, 404) } } },
      async (request) => getScheduledPost(db, requireActor(request), request.params.id),
    );

    app.patch(
      "/api/v1/scheduled-posts/:id",
      {
        schema: { tags, summary: "Change the body or time of a post still waiting", ...byId, body: UpdateScheduledPostBody, response: { 200: ScheduledPost, ...failures(400, 401, 404, 409) } },
      },
      async (request) => updateScheduledPost(db, requireActor(request), { id: request.params.id, body: request.body, now: new Date() }),
    );

    app.delete(
      "/api/v1/scheduled-posts/:id",
      { schema: { tags, summary: "Cancel a post still waiting (or dismiss one that failed)", ...byId, response: { 204: noContent, ...failures(400, 401, 404, 409) } } },
      async (request, reply) => {
        await cancelScheduledPost(db, requireActor(request), request.params.id);
        return reply.code(204).send(null);
      },
    );

    app.post(
      "/api/v1/scheduled-comments",
      {
        schema: {
          tags,
          summary: "Schedule a comment or reply to go out later (at most 90 days ahead), checked as commenting now is",
          body: CreateScheduledCommentBody,
          response: { 201: ScheduledComment, ...failures(400, 401, 403, 404, 409, 429) },
        },
        config: { rateLimit: perAuthor },
      },
      async (request, reply) => reply.code(201).send(await createScheduledComment(db, requireActor(request), { body: request.body, now: new Date() })),
    );

    app.get(
      "/api/v1/scheduled-comments",
      { schema: { tags, summary: "One's own scheduled comments: waiting, then gone out or failed", response: { 200: ScheduledComments, ...failures(401) } } },
      async (request) => listScheduledComments(db, requireActor(request)),
    );

    app.post(
      "/api/v1/scheduled-comments/suggestion",
      {
        schema: {
          tags,
          summary: "How many people a comment or reply would notify outside their working time now, and when most of them start",
          body: SendCommentLaterSuggestionBody,
          response: { 200: SendLaterSuggestion, ...failures(400, 401, 403, 404, 409) },
        },
      },
      async (request) => suggestCommentSendTime(db, requireActor(request), { body: request.body, now: new Date() }),
    );

    app.get(
      "/api/v1/scheduled-comments/:id",
      { schema: { tags, summary: "One of one's own scheduled comments", ...byId, response: { 200: ScheduledComment, ...failures(400, 401, 404) } } },
      async (request) => getScheduledComment(db, requireActor(request), request.params.id),
    );

    app.patch(
      "/api/v1/scheduled-comments/:id",
      {
        schema: { tags, summary: "Change the body or time of a comment still waiting", ...byId, body: UpdateScheduledCommentBody, response: { 200: ScheduledComment, ...failures(400, 401, 404, 409) } },
      },
      async (request) => updateScheduledComment(db, requireActor(request), { id: request.params.id, body: request.body, now: new Date() }),
    );

    app.delete(
      "/api/v1/scheduled-comments/:id",
      { schema: { tags, summary: "Cancel a comment still waiting (or dismiss one that failed)", ...byId, response: { 204: noContent, ...failures(400, 401, 404, 409) } } },
      async (request, reply) => {
        await cancelScheduledComment(db, requireActor(request), request.params.id);
        return reply.code(204).send(null);
      },
    );

    await app.register(disconnectReportRoutes(runtime));
  };
}
