import type { EventHandler } from "../../platform/outbox.ts";
import type { Runtime } from "../../runtime.ts";

/** Outbox handlers of the recovery module, by event type. */
export function recoveryEventHandlers(runtime: Runtime): Record<string, EventHandler[]> {
  void runtime;
  return {};
}
