import type { DeliveryChannel } from "../notifications/channels.ts";

/** Notifications by web push, to the browsers a person subscribed (being built). */
export const pushChannel: DeliveryChannel = {
  name: "push",
  deliver: async () => {},
};
