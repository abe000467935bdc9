import type { EventHandler } from "../../platform/outbox.ts";
import type { Runtime } from "../../runtime.ts";

/** Outbox handlers that turn events into notifications (being built). */
export function notificationsEventHandlers(runtime: Runtime): Record<string, EventHandler[]> {
  void runtime;
  return {};
}
