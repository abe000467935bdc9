import type { Runtime } from "../../runtime.ts";

/** Background work of the notifications module, registered by worker processes (being built). */
export async function registerNotificationsJobs(runtime: Runtime): Promise<void> {
  void runtime;
}
