import type { Runtime } from "../../runtime.ts";
import { emailChannel } from "./email-channel.ts";
import { pushChannel } from "../push/channel.ts";

/**
 * A way notifications leave the app: email, web push. The right to disconnect holds deliveries
 * outside a person's working time (modules/disconnect); when they are due, each channel is asked
 * to deliver the person's due notifications as one message, and decides whether it applies to
 * that person (their email frequency, whether they subscribed a browser to push).
 */
export interface DeliveryChannel {
  name: "email" | "push";
  deliver(runtime: Runtime, input: { userId: string; notificationIds: string[]; urgent: boolean }): Promise<void>;
}

/** Every channel, in the order they are tried. */
export const deliveryChannels: DeliveryChannel[] = [emailChannel, pushChannel];
