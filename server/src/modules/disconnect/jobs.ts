import type { Runtime } from "../../runtime.ts";
import { releaseDueDeliveries } from "./deliveries.ts";

/**
 * Background work of the disconnect module: every minute (pg-boss schedules are cron minutes),
 * the email and push deliveries held outside working time that are now due go out.
 */
export async function registerDisconnectJobs(runtime: Runtime): Promise<void> {
  await runtime.jobs.work("disconnect.release_due", async () => {
    const { failures } = await releaseDueDeliveries(runtime, { now: new Date() });
    // Failed people stay due and are retried next minute; failing the job records why.
    if (failures.length > 0) throw new AggregateError(failures, `${failures.length} held deliveries could not be released`);
  });
  await runtime.jobs.schedule("disconnect.release_due", "* * * * *");
}
