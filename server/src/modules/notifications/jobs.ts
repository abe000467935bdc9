import type { Runtime } from "../../runtime.ts";
import { sendDigests } from "./digest.ts";

/** Background work of the notifications module, registered by worker processes: the email digests. */
export async function registerNotificationsJobs(runtime: Runtime): Promise<void> {
  await runtime.jobs.work("notifications.email_digests", async () => {
    await sendDigests(runtime, new Date());
  });
  // Every quarter hour: each person's digest goes within 15 minutes of the start of their working day.
  await runtime.jobs.schedule("notifications.email_digests", "*/15 * * * *");
}
