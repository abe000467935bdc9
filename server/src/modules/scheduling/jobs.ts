import type { Runtime } from "../../runtime.ts";

/** Background work of the scheduling module, registered by worker processes (being built). */
export async function registerSchedulingJobs(runtime: Runtime): Promise<void> {
  void runtime;
}
