// Routes of feeds, topics, follows and announcements: community feeds on the grid, the others
// around the secret community, where its owner has posted what each route reads.
import type { LightMyRequestResponse } from "fastify";
import { sql } from "kysely";
import { newId } from "../../src/platform/ids.ts";
import { forbidden, onLive, reads, refused, success, unauthenticated, type ActorKind, type Expected } from "./grid.ts";
import { seesSecret, signedOut, type GlobalContext, type GlobalRoute } from "./global-kit.ts";
import { field, type CommunityRoute } from "./route-kit.ts";

/** A community's posts and pinned posts: for those who read it; 403 to those who only see it. */
const readersOfTheCommunity = (): CommunityRoute => ({
  writes: false,
  request: () => ({}),
  expect: (cell) => onLive(cell, (live) => (reads(live) ? success(200) : forbidden())),
});

export const feedCommunityRoutes: Record<string, CommunityRoute> = {
  "GET /api/v1/communities/{id}/posts": readersOfTheCommunity(),
  "GET /api/v1/communities/{id}/pinned": readersOfTheCommunity(),
};

const TOPIC = "zebre";
const posted = new WeakMap<GlobalContext, string>();

/** The owner of the secret community posts there, with the topic #Zèbre, as an announcement when asked; everyone in the context has it bookmarked. */
function postInSecret(input: { announcement: boolean }) {
  return async (context: GlobalContext): Promise<void> => {
    const id = newId();
    const owner = context.people.ids.owner;
    await context.db
      .insertInto("posts")
      .values({ id, community_id: context.secret.id, author_id: owner, body: "Sur la #Zèbre", body_html: "<p>Sur la #Zèbre</p>", announcement: input.announcement })
      .execute();
    await sql`insert into topics (id, slug, name) values (${newId()}, ${TOPIC}, 'Zèbre') on conflict (slug) do nothing`.execute(context.db);
    const topic = await context.db.selectFrom("topics").select("id").where("slug", "=", TOPIC).executeTakeFirstOrThrow();
    await context.db.insertInto("post_topics").values({ topic_id: topic.id, post_id: id, community_id: context.secret.id, created_at: new Date() }).execute();
    await context.db
      .insertInto("bookmarks")
      .values(Object.values(context.people.ids).map((userId) => ({ user_id: userId, post_id: id })))
      .execute();
    posted.set(context, id);
  };
}

function postedIn(context: GlobalContext): string {
  const id = posted.get(context);
  if (!id) throw new Error("nothing was posted for this route");
  return id;
}

/** The people with a role in the secret community (the admin reads it without belonging). */
const belongs = (actor: ActorKind) => ["member", "manager", "owner", "guestOfThis"].includes(actor);

/** A success whose list holds `wanted` (by `key` of each item) exactly when `shown` says so. */
function listing(shown: boolean, wanted: () => string, key: (item: Record<string, unknown>) => unknown = (item) => item.id) {
  return (response: LightMyRequestResponse) => {
    const items = field(response, (body) => body.items);
    const found = Array.isArray(items) && items.some((item) => key(item as Record<string, unknown>) === wanted());
    return found === shown ? undefined : `the list ${shown ? "lacks" : "shows"} ${wanted()}`;
  };
}

/** A post made in the secret community before the route's cells, and a way for its checks to name it. */
function secretPostFor(announcement: boolean): { prepare(context: GlobalContext): Promise<void>; id(): string } {
  let id = "";
  return {
    prepare: async (context) => {
      await postInSecret({ announcement })(context);
      id = postedIn(context);
    },
    id: () => id,
  };
}

/** A list route around the secret post: everyone signed in gets 200, with the post only where `shown`. */
function listOfPosts(input: { announcement?: boolean; shown: (actor: ActorKind) => boolean }): GlobalRoute {
  const post = secretPostFor(input.announcement ?? false);
  return {
    prepare: post.prepare,
    request: () => ({ query: "limit=100" }),
    expect: (actor) => (signedOut(actor) ? unauthenticated : success(200, listing(input.shown(actor), post.id))),
  };
}

/** The secret community's topic, post or people: to anyone else, exactly what an unknown one is. */
const throughTheSecret = (code: "topic_not_found" | "post_not_found", param: string, status: number) => (actor: ActorKind): Expected => {
  if (signedOut(actor)) return unauthenticated;
  return seesSecret(actor) ? success(status) : { status: 404, code, sameAsUnknown: param };
};

const topicRoute = (status: number): GlobalRoute => ({
  prepare: postInSecret({ announcement: false }),
  request: () => ({ params: { slug: TOPIC } }),
  expect: throughTheSecret("topic_not_found", "slug", status),
});

/** A guest sees only co-members: anyone else is, to them, an unknown person. */
const aboutTheOwner = (status: (actor: ActorKind) => Expected): GlobalRoute => ({
  request: (context) => ({ params: { id: context.people.ids.owner } }),
  expect: (actor) => {
    if (signedOut(actor)) return unauthenticated;
    return actor === "guestOfOther" ? { status: 404, code: "user_not_found", sameAsUnknown: "id" } : status(actor);
  },
});

const announcementRoute = (expect: (actor: ActorKind) => Expected): GlobalRoute => ({
  prepare: postInSecret({ announcement: true }),
  request: (context) => ({ params: { id: postedIn(context) } }),
  expect: (actor) => (signedOut(actor) || !seesSecret(actor) ? throughTheSecret("post_not_found", "id", 200)(actor) : expect(actor)),
});

/** The owner's posts: the secret one only to those who read the secret community. */
function ownersPosts(): GlobalRoute {
  const post = secretPostFor(false);
  return { ...aboutTheOwner((actor) => success(200, listing(seesSecret(actor), post.id))), prepare: post.prepare, request: (context) => ({ params: { id: context.people.ids.owner }, query: "limit=100" }) };
}

export const feedGlobalRoutes: Record<string, GlobalRoute> = {
  "GET /api/v1/feed": listOfPosts({ shown: belongs }),
  "GET /api/v1/feed/announcements": listOfPosts({ announcement: true, shown: (actor) => belongs(actor) && actor !== "owner" }),
  "GET /api/v1/me/bookmarks": listOfPosts({ shown: seesSecret }),
  "GET /api/v1/topics": {
    prepare: postInSecret({ announcement: false }),
    request: () => ({ query: "limit=100" }),
    expect: (actor) => (signedOut(actor) ? unauthenticated : success(200, listing(seesSecret(actor), () => TOPIC, (item) => item.slug))),
  },
  "GET /api/v1/topics/{slug}": topicRoute(200),
  "GET /api/v1/topics/{slug}/posts": topicRoute(200),
  "PUT /api/v1/topics/{slug}/follow": topicRoute(204),
  "DELETE /api/v1/topics/{slug}/follow": topicRoute(204),
  "GET /api/v1/people/{id}/posts": ownersPosts(),
  "GET /api/v1/people/{id}/follow": aboutTheOwner(() => success(200)),
  // Following oneself is refused; unfollowing oneself has nothing to undo.
  "PUT /api/v1/people/{id}/follow": aboutTheOwner((actor) => (actor === "owner" ? refused(400, "validation_failed") : success(204))),
  "DELETE /api/v1/people/{id}/follow": aboutTheOwner(() => success(204)),
  // Members acknowledge; the admin reads the community without belonging to it.
  "POST /api/v1/posts/{id}/acknowledge": announcementRoute((actor) => (belongs(actor) ? success(204) : forbidden())),
  // The author (the owner), the managers and admins see who has read it.
  "GET /api/v1/posts/{id}/readers": announcementRoute((actor) => (["owner", "manager", "admin"].includes(actor) ? success(200) : forbidden())),
};
