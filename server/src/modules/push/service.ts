import type { PushKey, PushSubscriptionBody } from "@ruche/contracts";
import type { Db, Executor } from "../../platform/db.ts";
import { AppError } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import type { Viewer } from "../people/policy.ts";
import { checkSubscription } from "./endpoint.ts";
import { deleteOwnSubscription, trimSubscriptions, upsertSubscription } from "./repository.ts";
import { vapidKeys } from "./vapid.ts";

/** The public key browsers subscribe with. */
export async function pushKey(db: Executor): Promise<PushKey> {
  return { publicKey: (await vapidKeys(db)).publicKey };
}

/** Browsers one person may have subscribed at once; subscribing one more forgets the oldest. */
export const MAX_SUBSCRIPTIONS_PER_PERSON = 20;

/**
 * Subscribes the viewer's browser; one already subscribed by someone else becomes the viewer's.
 * `body.replaces`, the endpoint the push service rotated away from, is forgotten in the same
 * transaction when it is one of the viewer's; someone else's is left alone, and nothing says so.
 */
export async function subscribeBrowser(
  db: Db,
  viewer: Viewer,
  input: { body: PushSubscriptionBody; userAgent: string | undefined; allowHosts: string[] },
): Promise<void> {
  checkSubscription(input.body, input.allowHosts);
  const { endpoint, keys, replaces } = input.body;
  await db.transaction().execute(async (tx) => {
    if (replaces !== undefined) await deleteOwnSubscription(tx, { userId: viewer.id, endpoint: replaces });
    await upsertSubscription(tx, { id: newId(), userId: viewer.id, endpoint, p256dh: keys.p256dh, auth: keys.auth, userAgent: input.userAgent?.slice(0, 500) ?? null });
    await trimSubscriptions(tx, { userId: viewer.id, keep: MAX_SUBSCRIPTIONS_PER_PERSON });
  });
}

/** Stops pushing to one of the viewer's browsers; someone else's answers 404 like an unknown one. */
export async function unsubscribeBrowser(db: Executor, viewer: Viewer, endpoint: string): Promise<void> {
  if (!(await deleteOwnSubscription(db, { userId: viewer.id, endpoint }))) throw new AppError("push_subscription_not_found");
}
