import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import {
  CreatePostBody,
  MentionCandidates,
  MentionCandidatesQuery,
  Post,
  PostParams,
  PostRevisions,
  RenderedPreview,
  RenderPreviewBody,
  SharePostBody,
  UpdatePostBody,
} from "@ruche/contracts";
import type { FastifyRequest } from "fastify";
import { requireActor } from "../../platform/auth.ts";
import { failures, noContent } from "../../platform/http.ts";
import type { Runtime } from "../../runtime.ts";
import { readRecorder } from "../feeds/reads.ts";
import { listMentionCandidates } from "./mentions.ts";
import { deletePost, restorePost, setPinned } from "./moderation.ts";
import { createPost, getPost, getPostRevisions, previewBody, updatePost } from "./service.ts";
import { sharePost } from "./share.ts";
import { setPostBookmark, setPostFollowing } from "./subscriptions.ts";

const tags = ["posts"];
const byId = { params: PostParams };

// Posting is rate-limited per person: a runaway script or a flood cannot drown a community.
const perAuthor = {
  max: 60,
  timeWindow: "1 minute",
  keyGenerator: (request: FastifyRequest) => request.actor?.id ?? request.ip,
  hook: "preHandler" as const,
};

/** HTTP routes of the posts module: posting, reading, editing, moderation, sharing, bookmarks, follows and mentions. */
export function postsRoutes(runtime: Runtime): FastifyPluginAsyncTypebox {
  const { db } = runtime;
  const reads = readRecorder(runtime);

  return async (app) => {
    app.post(
      "/api/v1/posts",
      {
        schema: {
          tags,
          summary: "Post in a community (members; managers only where the posting policy says so; a required charter accepted)",
          body: CreatePostBody,
          response: { 201: Post, ...failures(400, 401, 403, 404, 409, 429) },
        },
        config: { rateLimit: perAuthor },
      },
      async (request, reply) => reply.code(201).send(await createPost(db, requireActor(request), request.body)),
    );

    app.post(
      "/api/v1/posts/preview",
      { schema: { tags, summary: "Render a body as it would be posted, without saving it", body: RenderPreviewBody, response: { 200: RenderedPreview, ...failures(400, 401, 404) } } },
      async (request) => previewBody(db, requireActor(request), request.body),
    );

    app.get(
      "/api/v1/posts/:id",
      { schema: { tags, summary: "A post (opening it records a read, once a day, for adoption statistics)", ...byId, response: { 200: Post, ...failures(400, 401, 404) } } },
      async (request) => {
        const viewer = requireActor(request);
        const post = await getPost(db, viewer, request.params.id);
        // Opening a post reads it, as a feed showing it does; an admin looking at a deleted one to restore it does not.
        if (post.deletedAt === null) reads.record(viewer.id, [post.id]);
        return post;
      },
    );

    app.patch(
      "/api/v1/posts/:id",
      {
        schema: { tags, summary: "Edit a post (its author); the previous body is kept as a revision", ...byId, body: UpdatePostBody, response: { 200: Post, ...failures(400, 401, 403, 404, 409) } },
      },
      async (request) => updatePost(db, requireActor(request), request.params.id, request.body),
    );

    app.get(
      "/api/v1/posts/:id/revisions",
      { schema: { tags, summary: "A post's earlier versions, newest first", ...byId, response: { 200: PostRevisions, ...failures(400, 401, 404) } } },
      async (request) => getPostRevisions(db, requireActor(request), request.params.id),
    );

    app.delete(
      "/api/v1/posts/:id",
      { schema: { tags, summary: "Delete a post (its author, managers, admins); admins may restore it", ...byId, response: { 204: noContent, ...failures(400, 401, 403, 404) } } },
      async (request, reply) => {
        await deletePost(db, requireActor(request), request.params.id);
        return reply.code(204).send(null);
      },
    );

    app.post(
      "/api/v1/posts/:id/restore",
      { schema: { tags, summary: "Restore a deleted post (admins)", ...byId, response: { 200: Post, ...failures(400, 401, 403, 404) } } },
      async (request) => restorePost(db, requireActor(request), request.params.id),
    );

    for (const [method, pinned] of [["post", true], ["delete", false]] as const) {
      app[method](
        "/api/v1/posts/:id/pin",
        { schema: { tags, summary: pinned ? "Pin a post in its community (managers, admins)" : "Unpin a post", ...byId, response: { 200: Post, ...failures(400, 401, 403, 404, 409) } } },
        async (request) => setPinned(db, requireActor(request), { id: request.params.id, pinned }),
      );
    }

    app.post(
      "/api/v1/posts/:id/share",
      {
        schema: {
          tags,
          summary: "Share a post into another community one may post in; the copy shows the original only to its readers",
          ...byId,
          body: SharePostBody,
          response: { 201: Post, ...failures(400, 401, 403, 404, 409, 429) },
        },
        config: { rateLimit: perAuthor },
      },
      async (request, reply) => reply.code(201).send(await sharePost(db, requireActor(request), request.params.id, request.body)),
    );

    for (const [method, on] of [["put", true], ["delete", false]] as const) {
      app[method](
        "/api/v1/posts/:id/bookmark",
        { schema: { tags, summary: on ? "Bookmark a post" : "Remove a bookmark", ...byId, response: { 204: noContent, ...failures(400, 401, 404) } } },
        async (request, reply) => {
          await setPostBookmark(db, requireActor(request), { id: request.params.id, bookmarked: on });
          return reply.code(204).send(null);
        },
      );
      app[method](
        "/api/v1/posts/:id/follow",
        { schema: { tags, summary: on ? "Follow a post: its new comments notify you" : "Stop following a post", ...byId, response: { 204: noContent, ...failures(400, 401, 404) } } },
        async (request, reply) => {
          await setPostFollowing(db, requireActor(request), { id: request.params.id, following: on });
          return reply.code(204).send(null);
        },
      );
    }

    app.get(
      "/api/v1/mentions",
      {
        schema: {
          tags,
          summary: "People one may mention, by name; with a community, whether each may read it",
          querystring: MentionCandidatesQuery,
          response: { 200: MentionCandidates, ...failures(400, 401, 404) },
        },
      },
      async (request) => listMentionCandidates(db, requireActor(request), request.query),
    );
  };
}
