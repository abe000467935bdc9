import { mailJobId } from "../../platform/email-layout.ts";
import type { Runtime } from "../../runtime.ts";
import type { DeliveryChannel } from "./channels.ts";
import { composeNotificationMail } from "./email-message.ts";
import { findEmailRecipient, listMailableNotifications } from "./email-repository.ts";

/**
 * Mails a person the notifications now due to them, when they chose immediate email: one mail
 * whatever their number (a summary of several), about what is still unread and readable only.
 * Its job id is made of the person and the deliveries it serves (the notifications when none are
 * given), so a retried release mails nothing twice, while a grouped notification delivered again
 * ("A and 3 others reacted") is a new mail.
 */
export async function sendImmediateEmail(
  runtime: Pick<Runtime, "db" | "jobs" | "config">,
  input: { userId: string; notificationIds: string[]; deliveryIds?: string[] },
): Promise<boolean> {
  const recipient = await findEmailRecipient(runtime.db, input.userId);
  if (!recipient || recipient.frequency !== "immediate") return false;
  const { rows, total } = await listMailableNotifications(runtime.db, { viewer: recipient, ids: input.notificationIds });
  if (total === 0) return false;
  const message = await composeNotificationMail(runtime.db, { recipient, publicUrl: runtime.config.publicUrl, rows, total, kind: { type: "immediate" } });
  const key = `${recipient.id}:${[...(input.deliveryIds ?? input.notificationIds)].sort().join(",")}`;
  await runtime.jobs.send("mail.send", message, { id: mailJobId(key, "notification-email") });
  return true;
}

/** Notifications by email, for people who chose "immediate". */
export const emailChannel: DeliveryChannel = {
  name: "email",
  deliver: async (runtime, input) => {
    await sendImmediateEmail(runtime, input);
  },
};
