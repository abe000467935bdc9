// Global routes of posts and mentions, around the secret community: its owner posts there, and
// each actor acts on that post (on a post of their own for the routes that change it).
import type { LightMyRequestResponse } from "fastify";
import { seesSecret, signedOut, type GlobalContext, type GlobalRoute } from "./global-kit.ts";
import { forbidden, success, unauthenticated, type ActorKind, type Expected } from "./grid.ts";
import { field } from "./route-kit.ts";
import { expectStatus, send } from "./world.ts";

/** To those who may not read the secret community, its posts are exactly unknown ones. */
const unknownPost: Expected = { status: 404, code: "post_not_found", sameAsUnknown: "id" };
/** The secret community named in a body: to those who may not read it, it is not found. */
const unknownCommunity: Expected = { status: 404, code: "community_not_found" };

/** The community's owner, managers, and admins (who manage every community). */
const manages = (actor: ActorKind) => ["owner", "manager", "admin"].includes(actor);

/** The signed-out get 401, those who may not read the secret community what an unknown post gets, the others `rule`. */
function onReadablePost(rule: (actor: ActorKind) => Expected) {
  return (actor: ActorKind): Expected => {
    if (signedOut(actor)) return unauthenticated;
    return seesSecret(actor) ? rule(actor) : unknownPost;
  };
}

/** The owner of the secret community posts there through the API; returns the post's id. */
async function ownersPost(context: GlobalContext): Promise<string> {
  const headers = { ...context.people.credentials.owner, "content-type": "application/json" };
  const payload = JSON.stringify({ communityId: context.secret.id, body: "Compte rendu du #Zèbre" });
  const response = await send(context.app, { method: "POST", url: "/api/v1/posts", headers, payload });
  expectStatus(response, 201, "posting in the secret community");
  return response.json<{ id: string }>().id;
}

/** A success that must return the post asked for. */
const isPost = (id: () => string) => (response: LightMyRequestResponse) => (field(response, (body) => body.id) === id() ? undefined : "the body is not this post");

/** A request body, which may depend on the route's world. */
type JsonBody = (context: GlobalContext) => Promise<unknown> | unknown;

const withJson = async (context: GlobalContext, json: JsonBody | undefined) => (json ? { json: await json(context) } : {});

/** A route on one post made before its cells, which every actor reads or changes idempotently. */
function onSharedPost(input: { json?: JsonBody; expect: (id: () => string) => (actor: ActorKind) => Expected }): GlobalRoute {
  let id = "";
  return {
    prepare: async (context) => {
      id = await ownersPost(context);
    },
    request: async (context) => ({ params: { id }, ...(await withJson(context, input.json)) }),
    expect: input.expect(() => id),
  };
}

/** A route that changes a post for good: each actor gets a post of their own, deleted first when `deleted`. */
function onOwnPost(input: { json?: JsonBody; deleted?: boolean; expect: (actor: ActorKind) => Expected }): GlobalRoute {
  return {
    request: async (context) => {
      const id = await ownersPost(context);
      if (input.deleted) {
        const deletion = await send(context.app, { method: "DELETE", url: `/api/v1/posts/${id}`, headers: context.people.credentials.owner });
        expectStatus(deletion, 204, "deleting the post");
      }
      return { params: { id }, ...(await withJson(context, input.json)) };
    },
    expect: input.expect,
  };
}

/** Posting in the secret community, or previewing for it: those who read it get `readers`; to others it is not found. */
function inTheSecret(body: string, readers: (actor: ActorKind) => Expected): GlobalRoute {
  return {
    request: (context) => ({ json: { communityId: context.secret.id, body } }),
    expect: (actor) => (signedOut(actor) ? unauthenticated : seesSecret(actor) ? readers(actor) : unknownCommunity),
  };
}

async function companyCommunity(context: GlobalContext): Promise<string> {
  const row = await context.db.selectFrom("communities").select("id").where("kind", "=", "company").orderBy("created_at").executeTakeFirstOrThrow();
  return row.id;
}

export const postRoutes: Record<string, GlobalRoute> = {
  // Its members post; an admin reads it without belonging to it, so may not.
  "POST /api/v1/posts": inTheSecret("Bonjour #Zèbre", (actor) => (actor === "admin" ? forbidden("post_not_allowed") : success(201))),
  "POST /api/v1/posts/preview": inTheSecret("Aperçu du #Zèbre", () => success(200)),
  "GET /api/v1/posts/{id}": onSharedPost({ expect: (id) => onReadablePost(() => success(200, isPost(id))) }),
  "GET /api/v1/posts/{id}/revisions": onSharedPost({ expect: () => onReadablePost(() => success(200)) }),
  // Only its author edits a post; its author, the managers and admins delete it; only admins still reach it to restore it.
  "PATCH /api/v1/posts/{id}": onOwnPost({ json: () => ({ body: "Compte rendu corrigé" }), expect: onReadablePost((actor) => (actor === "owner" ? success(200) : forbidden())) }),
  "DELETE /api/v1/posts/{id}": onOwnPost({ expect: onReadablePost((actor) => (manages(actor) ? success(204) : forbidden())) }),
  "POST /api/v1/posts/{id}/restore": onOwnPost({ deleted: true, expect: (actor) => (signedOut(actor) ? unauthenticated : actor === "admin" ? success(200) : unknownPost) }),
  "POST /api/v1/posts/{id}/pin": onSharedPost({ expect: (id) => onReadablePost((actor) => (manages(actor) ? success(200, isPost(id)) : forbidden())) }),
  "DELETE /api/v1/posts/{id}/pin": onSharedPost({ expect: (id) => onReadablePost((actor) => (manages(actor) ? success(200, isPost(id)) : forbidden())) }),
  // Shared into the company community, where every member and admin posts and no guest reads.
  "POST /api/v1/posts/{id}/share": onSharedPost({
    json: async (context) => ({ communityId: await companyCommunity(context), body: "À lire" }),
    expect: () => onReadablePost((actor) => (actor === "guestOfThis" ? unknownCommunity : success(201))),
  }),
  "PUT /api/v1/posts/{id}/bookmark": onSharedPost({ expect: () => onReadablePost(() => success(204)) }),
  "DELETE /api/v1/posts/{id}/bookmark": onSharedPost({ expect: () => onReadablePost(() => success(204)) }),
  "PUT /api/v1/posts/{id}/follow": onSharedPost({ expect: () => onReadablePost(() => success(204)) }),
  "DELETE /api/v1/posts/{id}/follow": onSharedPost({ expect: () => onReadablePost(() => success(204)) }),
  "GET /api/v1/mentions": {
    request: (context) => ({ query: `q=Around&communityId=${context.secret.id}` }),
    expect: (actor) => (signedOut(actor) ? unauthenticated : seesSecret(actor) ? success(200) : unknownCommunity),
  },
};
