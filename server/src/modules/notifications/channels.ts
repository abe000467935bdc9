import type { Runtime } from "../../runtime.ts";
import { emailChannel } from "./email-channel.ts";
import { pushChannel } from "../push/channel.ts";

/** A person's deliveries due now, and the notifications they carry. */
export interface DeliveryInput {
  userId: string;
  notificationIds: string[];
  /** The `notification_deliveries` rows being released: what makes a retried release idempotent. */
  deliveryIds: string[];
  urgent: boolean;
}

/**
 * A way notifications leave the app: email, web push. The right to disconnect holds deliveries
 * outside a person's working time (modules/disconnect); when they are due, each channel is asked
 * to deliver the person's due notifications as one message, and decides whether it applies to
 * that person (their email frequency, whether they subscribed a browser to push).
 */
export interface DeliveryChannel {
  name: "email" | "push";
  deliver(runtime: Runtime, input: DeliveryInput): Promise<void>;
}

/** Every channel, in the order they are tried. */
export const deliveryChannels: DeliveryChannel[] = [emailChannel, pushChannel];
