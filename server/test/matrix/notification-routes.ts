// Routes of notifications: each actor holds a notification about a post in the secret community,
// which only those who still read it may see, count or mark read.
import { newId } from "../../src/platform/ids.ts";
import { forbidden, onLive, roleIn, success, unauthenticated, type ActorKind, type Expected } from "./grid.ts";
import { idOf, seesSecret, signedIn, signedOut, type GlobalContext, type GlobalRoute } from "./global-kit.ts";
import { field, type CommunityRoute } from "./route-kit.ts";

/** Each context's notification id for each actor. */
const notified = new WeakMap<GlobalContext, Map<string, string>>();

/** The owner posts in the secret community and every actor (the setup admin too) is told of it. */
async function notifyEveryoneOfASecretPost(context: GlobalContext): Promise<void> {
  const postId = newId();
  const owner = context.people.ids.owner;
  await context.db
    .insertInto("posts")
    .values({ id: postId, community_id: context.secret.id, author_id: owner, body: "Secret news", body_html: "<p>Secret news</p>" })
    .execute();
  const byUser = new Map<string, string>();
  for (const userId of [...Object.values(context.people.ids), context.people.setupId]) byUser.set(userId, newId());
  await context.db
    .insertInto("notifications")
    .values(
      [...byUser].map(([userId, id]) => ({
        id,
        user_id: userId,
        kind: "mention",
        community_id: context.secret.id,
        post_id: postId,
        actor_ids: [owner],
        grouped_actor_ids: [owner],
        actor_count: 1,
        reason: null,
      })),
    )
    .execute();
  notified.set(context, byUser);
}

function notificationOf(context: GlobalContext, actor: ActorKind): string {
  const id = notified.get(context)?.get(idOf(context, actor));
  if (!id) throw new Error("no notification was prepared for this actor");
  return id;
}

/** Only those who still read the secret community see their notification about it. */
const aboutTheSecret = (status: number) => (actor: ActorKind): Expected => {
  if (signedOut(actor)) return unauthenticated;
  return seesSecret(actor) ? success(status) : { status: 404, code: "notification_not_found", sameAsUnknown: "id" };
};

export const notificationGlobalRoutes: Record<string, GlobalRoute> = {
  "GET /api/v1/notifications": {
    prepare: notifyEveryoneOfASecretPost,
    request: () => ({ query: "limit=100" }),
    expect: (actor) =>
      signedOut(actor)
        ? unauthenticated
        : success(200, (response) => {
            const items = field(response, (body) => body.items);
            const count = Array.isArray(items) ? items.length : -1;
            return count === (seesSecret(actor) ? 1 : 0) ? undefined : `lists ${count} notifications`;
          }),
  },
  "GET /api/v1/notifications/unread-count": {
    prepare: notifyEveryoneOfASecretPost,
    request: () => ({}),
    expect: (actor) =>
      signedOut(actor)
        ? unauthenticated
        : success(200, (response) => {
            const count = field(response, (body) => body.count);
            return count === (seesSecret(actor) ? 1 : 0) ? undefined : `counts ${String(count)} unread`;
          }),
  },
  "POST /api/v1/notifications/{id}/read": {
    prepare: notifyEveryoneOfASecretPost,
    request: (context, actor) => ({ params: { id: notificationOf(context, actor) } }),
    expect: aboutTheSecret(204),
  },
  "POST /api/v1/notifications/read-all": { request: () => ({}), expect: signedIn(204) },
  "GET /api/v1/me/notification-settings": { request: () => ({}), expect: signedIn(200) },
  "PATCH /api/v1/me/notification-settings": { request: () => ({ json: { email: "weekly" } }), expect: signedIn(200) },
};

export const notificationCommunityRoutes: Record<string, CommunityRoute> = {
  // Members choose their level, archived or not; an admin who does not belong has nothing to choose.
  "PUT /api/v1/communities/{id}/notification-level": {
    writes: true,
    request: () => ({ json: { level: "all" } }),
    expect: (cell) => onLive(cell, (live) => (roleIn(live) !== null ? success(200) : forbidden())),
  },
};
