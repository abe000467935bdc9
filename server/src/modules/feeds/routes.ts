import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { CommunityParams, FeedQuery, PersonParams, PinnedPosts, PostsPage, TopicParams } from "@ruche/contracts";
import { requireActor } from "../../platform/auth.ts";
import { failures } from "../../platform/http.ts";
import type { Runtime } from "../../runtime.ts";
import { topicsRoutes } from "../topics/routes.ts";
import { announcementRoutes } from "./announcement-routes.ts";
import { followRoutes } from "./follow-routes.ts";
import { readRecorder } from "./reads.ts";
import { listBookmarks, listCommunityFeed, listHomeFeed, listPersonFeed, listPinnedPosts, listTopicFeed, listUnreadAnnouncements, type FeedDeps } from "./service.ts";

const tags = ["feeds"];

/**
 * HTTP routes of the feeds module: home, community, topic, person, bookmarks and unread
 * announcements, all newest first with keyset pagination; with them, following people and
 * topics, and acknowledging announcements. The posts each feed serves are recorded as read.
 */
export function feedsRoutes(runtime: Runtime): FastifyPluginAsyncTypebox {
  return async (app) => {
    const reads = readRecorder(runtime);
    reads.onError = (error) => app.log.warn({ err: error }, "could not record post reads");
    app.addHook("onClose", async () => reads.close());
    const deps: FeedDeps = { db: runtime.db, reads };

    app.get(
      "/api/v1/feed",
      {
        schema: {
          tags,
          summary: "Home: posts of one's communities, and of people and topics one follows where one may read them; newest first",
          querystring: FeedQuery,
          response: { 200: PostsPage, ...failures(400, 401) },
        },
      },
      async (request) => listHomeFeed(deps, requireActor(request), request.query),
    );

    app.get(
      "/api/v1/feed/announcements",
      {
        schema: {
          tags,
          summary: "Announcements in one's communities not yet acknowledged; newest first",
          querystring: FeedQuery,
          response: { 200: PostsPage, ...failures(400, 401) },
        },
      },
      async (request) => listUnreadAnnouncements(deps, requireActor(request), request.query),
    );

    app.get(
      "/api/v1/communities/:id/posts",
      {
        schema: {
          tags,
          summary: "A community's posts, newest first (pinned ones are listed apart)",
          params: CommunityParams,
          querystring: FeedQuery,
          response: { 200: PostsPage, ...failures(400, 401, 403, 404) },
        },
      },
      async (request) => listCommunityFeed(deps, requireActor(request), { communityId: request.params.id, query: request.query }),
    );

    app.get(
      "/api/v1/communities/:id/pinned",
      {
        schema: { tags, summary: "A community's pinned posts, most recently pinned first", params: CommunityParams, response: { 200: PinnedPosts, ...failures(400, 401, 403, 404) } },
      },
      async (request) => listPinnedPosts(deps, requireActor(request), request.params.id),
    );

    app.get(
      "/api/v1/topics/:slug/posts",
      {
        schema: { tags, summary: "Posts with a topic that one may read; newest first", params: TopicParams, querystring: FeedQuery, response: { 200: PostsPage, ...failures(400, 401, 404) } },
      },
      async (request) => listTopicFeed(deps, requireActor(request), { slug: request.params.slug, query: request.query }),
    );

    app.get(
      "/api/v1/people/:id/posts",
      {
        schema: { tags, summary: "A person's posts that one may read; newest first", params: PersonParams, querystring: FeedQuery, response: { 200: PostsPage, ...failures(400, 401, 404) } },
      },
      async (request) => listPersonFeed(deps, requireActor(request), { personId: request.params.id, query: request.query }),
    );

    app.get(
      "/api/v1/me/bookmarks",
      { schema: { tags, summary: "One's bookmarks that one may still read; newest bookmark first", querystring: FeedQuery, response: { 200: PostsPage, ...failures(400, 401) } } },
      async (request) => listBookmarks(deps, requireActor(request), request.query),
    );

    await app.register(topicsRoutes(runtime));
    await app.register(followRoutes(runtime));
    await app.register(announcementRoutes(runtime));
  };
}
