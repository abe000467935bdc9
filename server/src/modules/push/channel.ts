import type { Runtime } from "../../runtime.ts";
import type { DeliveryChannel } from "../notifications/channels.ts";
import { unreadNotificationsAmong } from "../notifications/service.ts";
import { pushPayloadOf } from "./message.ts";
import { deleteSubscription, findRecipient, listSubscriptions, recordOutcome } from "./repository.ts";
import { sendPush } from "./send.ts";
import { vapidKeys, vapidSubject } from "./vapid.ts";

/**
 * Pushes one message to each browser the person subscribed, summarising those of the due
 * notifications still unread and about content they may still read. A browser the push service
 * says is gone is forgotten; other failures are counted, and the next delivery tries again.
 */
export async function deliverPush(runtime: Runtime, input: { userId: string; notificationIds: string[]; urgent: boolean; now?: Date }): Promise<void> {
  const { db } = runtime;
  const subscriptions = await listSubscriptions(db, input.userId);
  if (subscriptions.length === 0) return;
  const recipient = await findRecipient(db, input.userId);
  if (!recipient || recipient.status !== "active") return;
  const notifications = await unreadNotificationsAmong(db, { id: recipient.id, role: recipient.role }, input.notificationIds);
  const payload = pushPayloadOf(notifications, recipient.language ?? recipient.default_language);
  if (!payload) return;
  const vapid = { ...(await vapidKeys(db)), subject: vapidSubject(runtime.config) };
  await Promise.all(
    subscriptions.map(async (subscription) => {
      const outcome = await sendPush({ subscription, payload, vapid, urgent: input.urgent, allowHosts: runtime.pushAllowHosts });
      if (outcome === "gone") return deleteSubscription(db, subscription.id);
      return recordOutcome(db, { id: subscription.id, success: outcome === "sent", at: input.now ?? new Date() });
    }),
  );
}

/** Notifications by web push, to the browsers a person subscribed. */
export const pushChannel: DeliveryChannel = {
  name: "push",
  deliver: (runtime, input) => deliverPush(runtime, input),
};
