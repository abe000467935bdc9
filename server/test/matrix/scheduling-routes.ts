// Routes of send later and the disconnect report: the secret community's owner schedules a post
// there; scheduled posts are their author's alone, and the report is for administrators.
import { adminsOnly, seesSecret, signedOut, type GlobalContext, type GlobalRoute } from "./global-kit.ts";
import { forbidden, success, unauthenticated, type ActorKind, type Expected } from "./grid.ts";
import { field } from "./route-kit.ts";
import { expectStatus, send } from "./world.ts";

const unknownCommunity: Expected = { status: 404, code: "community_not_found" };
/** Someone else's scheduled post is exactly an unknown one. */
const unknownScheduled: Expected = { status: 404, code: "scheduled_post_not_found", sameAsUnknown: "id" };
const unknownScheduledComment: Expected = { status: 404, code: "scheduled_comment_not_found", sameAsUnknown: "id" };
const unknownPost: Expected = { status: 404, code: "post_not_found" };

const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString();

/** The owner of the secret community schedules a post there; returns its id. */
async function ownersScheduledPost(context: GlobalContext): Promise<string> {
  const headers = { ...context.people.credentials.owner, "content-type": "application/json" };
  const payload = JSON.stringify({ communityId: context.secret.id, body: "Réunion demain", sendAt: tomorrow() });
  const response = await send(context.app, { method: "POST", url: "/api/v1/scheduled-posts", headers, payload });
  expectStatus(response, 201, "scheduling a post in the secret community");
  return response.json<{ id: string }>().id;
}

/** The owner posts in the secret community; returns the post's id. */
async function ownersPost(context: GlobalContext): Promise<string> {
  const headers = { ...context.people.credentials.owner, "content-type": "application/json" };
  const posted = await send(context.app, { method: "POST", url: "/api/v1/posts", headers, payload: JSON.stringify({ communityId: context.secret.id, body: "Ordre du jour" }) });
  expectStatus(posted, 201, "posting in the secret community");
  return posted.json<{ id: string }>().id;
}

/** The owner posts in the secret community and schedules a comment on it; returns both ids. */
async function ownersScheduledComment(context: GlobalContext): Promise<{ postId: string; id: string }> {
  const headers = { ...context.people.credentials.owner, "content-type": "application/json" };
  const postId = await ownersPost(context);
  const payload = JSON.stringify({ postId, body: "J'ajoute un point", sendAt: tomorrow() });
  const response = await send(context.app, { method: "POST", url: "/api/v1/scheduled-comments", headers, payload });
  expectStatus(response, 201, "scheduling a comment in the secret community");
  return { postId, id: response.json<{ id: string }>().id };
}

/** Only the owner, who scheduled it, reaches the scheduled post. */
const ownersOnly = (status: number) => (actor: ActorKind): Expected => (signedOut(actor) ? unauthenticated : actor === "owner" ? success(status) : unknownScheduled);

/** Only the owner, who scheduled it, reaches the scheduled comment. */
const commentOwnersOnly = (status: number) => (actor: ActorKind): Expected =>
  signedOut(actor) ? unauthenticated : actor === "owner" ? success(status) : unknownScheduledComment;

/** As commenting: the secret community's members; an admin who does not belong to it may read but not comment. */
const commentersOnly = (status: number) => (actor: ActorKind): Expected =>
  signedOut(actor) ? unauthenticated : !seesSecret(actor) ? unknownPost : actor === "admin" ? forbidden() : success(status);

/** A route on one scheduled comment made before its cells. */
function onSharedScheduledComment(input: { json?: Record<string, unknown>; status: number }): GlobalRoute {
  let id = "";
  return {
    prepare: async (context) => {
      id = (await ownersScheduledComment(context)).id;
    },
    request: () => ({ params: { id }, ...(input.json ? { json: input.json } : {}) }),
    expect: commentOwnersOnly(input.status),
  };
}

/** A route on one scheduled post made before its cells. */
function onSharedScheduledPost(input: { json?: Record<string, unknown>; status: number }): GlobalRoute {
  let id = "";
  return {
    prepare: async (context) => {
      id = await ownersScheduledPost(context);
    },
    request: () => ({ params: { id }, ...(input.json ? { json: input.json } : {}) }),
    expect: ownersOnly(input.status),
  };
}

export const schedulingRoutes: Record<string, GlobalRoute> = {
  // As posting: its readers schedule there, except an admin who does not belong to it.
  "POST /api/v1/scheduled-posts": {
    request: (context) => ({ json: { communityId: context.secret.id, body: "Plus tard", sendAt: tomorrow() } }),
    expect: (actor) => (signedOut(actor) ? unauthenticated : !seesSecret(actor) ? unknownCommunity : actor === "admin" ? forbidden("post_not_allowed") : success(201)),
  },
  "GET /api/v1/scheduled-posts": {
    prepare: async (context) => {
      await ownersScheduledPost(context);
    },
    request: () => ({}),
    expect: (actor) =>
      signedOut(actor)
        ? unauthenticated
        : success(200, (response) => {
            const items = field(response, (body) => body.items);
            const count = Array.isArray(items) ? items.length : -1;
            return (actor === "owner" ? count >= 1 : count === 0) ? undefined : `lists ${count} scheduled posts`;
          }),
  },
  "POST /api/v1/scheduled-posts/suggestion": {
    request: (context) => ({ json: { communityId: context.secret.id } }),
    expect: (actor) => (signedOut(actor) ? unauthenticated : seesSecret(actor) ? success(200) : unknownCommunity),
  },
  "GET /api/v1/scheduled-posts/{id}": onSharedScheduledPost({ status: 200 }),
  "PATCH /api/v1/scheduled-posts/{id}": onSharedScheduledPost({ json: { body: "Réunion après-demain" }, status: 200 }),
  "DELETE /api/v1/scheduled-posts/{id}": {
    request: async (context) => ({ params: { id: await ownersScheduledPost(context) } }),
    expect: ownersOnly(204),
  },
  // As commenting: its members comment; an admin who does not belong to it may not.
  "POST /api/v1/scheduled-comments": (() => {
    let postId = "";
    return {
      prepare: async (context: GlobalContext) => {
        postId = (await ownersScheduledComment(context)).postId;
      },
      request: () => ({ json: { postId, body: "Plus tard", sendAt: tomorrow() } }),
      expect: commentersOnly(201),
    };
  })(),
  "GET /api/v1/scheduled-comments": {
    prepare: async (context) => {
      await ownersScheduledComment(context);
    },
    request: () => ({}),
    expect: (actor) =>
      signedOut(actor)
        ? unauthenticated
        : success(200, (response) => {
            const items = field(response, (body) => body.items);
            const count = Array.isArray(items) ? items.length : -1;
            return (actor === "owner" ? count >= 1 : count === 0) ? undefined : `lists ${count} scheduled comments`;
          }),
  },
  // As commenting: who may not comment learns nothing of who the comment would reach.
  "POST /api/v1/scheduled-comments/suggestion": (() => {
    let postId = "";
    return {
      prepare: async (context: GlobalContext) => {
        postId = await ownersPost(context);
      },
      request: () => ({ json: { postId } }),
      expect: commentersOnly(200),
    };
  })(),
  "GET /api/v1/scheduled-comments/{id}": onSharedScheduledComment({ status: 200 }),
  "PATCH /api/v1/scheduled-comments/{id}": onSharedScheduledComment({ json: { body: "Deux points" }, status: 200 }),
  "DELETE /api/v1/scheduled-comments/{id}": {
    request: async (context) => ({ params: { id: (await ownersScheduledComment(context)).id } }),
    expect: commentOwnersOnly(204),
  },
  "GET /api/v1/admin/reports/disconnect": { request: () => ({ query: "from=2026-01&to=2026-12" }), expect: adminsOnly(200) },
};
