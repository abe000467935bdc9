import type { Runtime } from "../../runtime.ts";
import { publishDueComments, publishDuePosts } from "./publish.ts";

/** Background work of the scheduling module: every minute, the scheduled posts and comments that are due go out. */
export async function registerSchedulingJobs(runtime: Runtime): Promise<void> {
  await runtime.jobs.work("scheduling.publish_due", async () => {
    const now = new Date();
    await publishDuePosts(runtime.db, now);
    await publishDueComments(runtime.db, now);
  });
  await runtime.jobs.schedule("scheduling.publish_due", "* * * * *");
}
