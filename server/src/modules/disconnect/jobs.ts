import type { Runtime } from "../../runtime.ts";

/** Background work of the disconnect module, registered by worker processes (being built). */
export async function registerDisconnectJobs(runtime: Runtime): Promise<void> {
  void runtime;
}
