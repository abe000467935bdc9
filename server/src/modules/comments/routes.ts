import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Comment, CommentParams, CommentsPage, CreateCommentBody, ListCommentsQuery, PostParams, UpdateCommentBody } from "@ruche/contracts";
import type { FastifyRequest } from "fastify";
import { requireActor } from "../../platform/auth.ts";
import { failures, noContent } from "../../platform/http.ts";
import type { Runtime } from "../../runtime.ts";
import { pollsRoutes } from "../polls/routes.ts";
import { reactionsRoutes } from "../reactions/routes.ts";
import { createComment, deleteComment, getComment, listComments, updateComment } from "./service.ts";

const tags = ["comments"];

// Far more than anyone types, few enough that a script cannot flood a discussion.
const perCommenter = {
  max: 60,
  timeWindow: "1 minute",
  keyGenerator: (request: FastifyRequest) => `commenter:${request.actor?.id ?? request.ip}`,
  hook: "preHandler" as const,
};

/** HTTP routes of comments, and of the reactions and polls that live under posts and comments. */
export function commentsRoutes(runtime: Runtime): FastifyPluginAsyncTypebox {
  const { db } = runtime;

  return async (app) => {
    await app.register(reactionsRoutes(runtime));
    await app.register(pollsRoutes(runtime));

    app.get(
      "/api/v1/posts/:id/comments",
      {
        schema: {
          tags,
          summary: "A post's top-level comments, or one comment's replies (parentId), oldest first",
          params: PostParams,
          querystring: ListCommentsQuery,
          response: { 200: CommentsPage, ...failures(400, 401, 404) },
        },
      },
      async (request) => listComments(db, requireActor(request), request.params.id, request.query),
    );

    app.post(
      "/api/v1/posts/:id/comments",
      {
        config: { rateLimit: perCommenter },
        schema: {
          tags,
          summary: "Comment on a post, or reply to a top-level comment (parentId); the commenter follows the post",
          params: PostParams,
          body: CreateCommentBody,
          response: { 201: Comment, ...failures(400, 401, 403, 404, 409, 429) },
        },
      },
      async (request, reply) => reply.code(201).send(await createComment(db, requireActor(request), request.params.id, request.body)),
    );

    app.get(
      "/api/v1/comments/:id",
      {
        schema: {
          tags,
          summary: "One comment (its post and parent), on a post the viewer may read; a deleted one is not found",
          params: CommentParams,
          response: { 200: Comment, ...failures(400, 401, 404) },
        },
      },
      async (request) => getComment(db, requireActor(request), request.params.id),
    );

    app.patch(
      "/api/v1/comments/:id",
      {
        schema: {
          tags,
          summary: "Edit one's comment (not in an archived community)",
          params: CommentParams,
          body: UpdateCommentBody,
          response: { 200: Comment, ...failures(400, 401, 403, 404, 409) },
        },
      },
      async (request) => updateComment(db, requireActor(request), request.params.id, request.body.body),
    );

    app.delete(
      "/api/v1/comments/:id",
      {
        schema: {
          tags,
          summary: "Delete a comment (its author, the community's managers, admins); one with replies stays as a placeholder",
          params: CommentParams,
          response: { 204: noContent, ...failures(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        await deleteComment(db, requireActor(request), request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
