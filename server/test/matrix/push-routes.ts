// Routes of web push: anyone signed in subscribes their own browsers; a browser someone else
// subscribed is, to them, an unknown one (covered in modules/push/subscriptions.test.ts).
import { newId } from "../../src/platform/ids.ts";
import { browserKeys } from "../../src/modules/push/testing.ts";
import { idOf, signedIn, type GlobalContext, type GlobalRoute } from "./global-kit.ts";
import type { ActorKind } from "./grid.ts";

/** A subscription of `actor`'s, stored directly, so that every actor has one of their own to remove. */
async function ownSubscription(context: GlobalContext, actor: ActorKind): Promise<string> {
  const endpoint = `https://push.example.org/matrix/${newId()}`;
  const keys = browserKeys();
  await context.db.insertInto("push_subscriptions").values({ id: newId(), user_id: idOf(context, actor), endpoint, p256dh: keys.p256dh, auth: keys.auth }).execute();
  return endpoint;
}

export const pushGlobalRoutes: Record<string, GlobalRoute> = {
  "GET /api/v1/push/key": { request: () => ({}), expect: signedIn(200) },
  "POST /api/v1/push/subscriptions": {
    request: () => {
      const keys = browserKeys();
      return { json: { endpoint: `https://push.example.org/matrix/${newId()}`, keys: { p256dh: keys.p256dh, auth: keys.auth } } };
    },
    expect: signedIn(204),
  },
  "DELETE /api/v1/push/subscriptions": {
    request: async (context, actor) => ({ json: { endpoint: await ownSubscription(context, actor) } }),
    expect: signedIn(204),
  },
};
