import type { DeliveryChannel } from "./channels.ts";

/** Notifications by email, for people who chose "immediate" (being built). */
export const emailChannel: DeliveryChannel = {
  name: "email",
  deliver: async () => {},
};
