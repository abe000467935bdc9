import type { EventHandler } from "../../platform/outbox.ts";
import type { Runtime } from "../../runtime.ts";

/** Outbox handlers of the invitations module, by event type. */
export function invitationsEventHandlers(runtime: Runtime): Record<string, EventHandler[]> {
  void runtime;
  return {};
}
