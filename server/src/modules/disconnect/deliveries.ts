import type { Executor, Tx } from "../../platform/db.ts";
import type { Runtime } from "../../runtime.ts";
import { deliveryChannels, type DeliveryChannel } from "../notifications/channels.ts";
import { claimDueDeliveries, hasUrgentOverride, insertDeliveries, lastReleases, markReleased, peopleWithDueDeliveries, postponeDeliveries, reachableRecipients, type DueDelivery } from "./repository.ts";
import { nextWorkingStart, scheduleOf } from "./working-time.ts";

/** A notification just written, and whom it is for. */
export interface NewNotification {
  id: string;
  userId: string;
}

/** How long after one delivery of a grouped notification the next may go: one message an hour at most. */
export const REGROUP_SPACING_MS = 3_600_000;

/**
 * Queues the email and push delivery of new notifications, each due at the start of its
 * recipient's next working period (now when they are at work; at once when urgent). Called in the
 * transaction that writes the notifications; people who get neither email nor push get no row.
 *
 * `regrouped` are unread notifications that gained someone ("A and 3 others reacted"). One whose
 * delivery still waits needs nothing more: it will say everyone. One already delivered is delivered
 * again, but not sooner than an hour after the last time, so a busy post sends a message an hour.
 */
export async function holdDeliveries(
  tx: Executor,
  input: { notifications: NewNotification[]; regrouped?: NewNotification[]; urgent: boolean; now: Date },
): Promise<void> {
  const regrouped = input.regrouped ?? [];
  if (input.notifications.length === 0 && regrouped.length === 0) return;
  const everyone = [...input.notifications, ...regrouped];
  const recipients = await reachableRecipients(tx, [...new Set(everyone.map((item) => item.userId))]);
  // Most people share a schedule (the organisation's, in its zone): compute each distinct one once.
  const bySchedule = new Map<string, Date>();
  const dueAt = new Map<string, Date>();
  for (const recipient of recipients) {
    const key = JSON.stringify(recipient.person);
    let due = input.urgent ? input.now : bySchedule.get(key);
    if (!due) {
      due = nextWorkingStart(scheduleOf(recipient.organisation, recipient.person), input.now);
      bySchedule.set(key, due);
    }
    dueAt.set(recipient.userId, due);
  }
  const released = await lastReleases(tx, regrouped.map((item) => item.id));
  const deliveries = everyone.flatMap((notification) => {
    const due = dueAt.get(notification.userId);
    if (!due) return [];
    const last = released.get(notification.id);
    const spaced = last && last.getTime() + REGROUP_SPACING_MS > due.getTime() ? new Date(last.getTime() + REGROUP_SPACING_MS) : due;
    return [{ userId: notification.userId, notificationId: notification.id, dueAt: spaced, urgent: input.urgent }];
  });
  await insertDeliveries(tx, deliveries, input.now);
}

/**
 * Locks a person's due deliveries and keeps those that may go now. A person who since went away
 * or narrowed their hours is not at work now: what is not urgent waits again for their next start.
 */
async function stillDue(tx: Tx, input: { userId: string; now: Date }): Promise<DueDelivery[]> {
  const due = await claimDueDeliveries(tx, input);
  const [recipient] = due.length > 0 ? await reachableRecipients(tx, [input.userId], { everyone: true }) : [];
  if (!recipient) return due;
  const next = nextWorkingStart(scheduleOf(recipient.organisation, recipient.person), input.now);
  if (next <= input.now) return due;
  await postponeDeliveries(tx, due.filter((item) => !item.urgent).map((item) => item.id), next);
  return due.filter((item) => item.urgent);
}

/** People released per run; the rest wait for the next minute. */
const PEOPLE_PER_RUN = 500;

export interface ReleaseOptions {
  now: Date;
  /** Tests pass recording channels; the worker uses every channel. */
  channels?: DeliveryChannel[];
}

/**
 * Releases the deliveries due at `now`: each person's at once, so that someone back at work gets
 * one summary email and one push, not one a notification. A person's deliveries are locked, handed
 * to each channel, and marked released in one transaction: when a channel fails, the transaction
 * rolls back and they are tried again at the next run (a channel that had succeeded may then send
 * again: held notifications are never dropped, at the cost of a rare duplicate).
 * Returns how many people were served, and the errors of those left for the next run.
 */
export async function releaseDueDeliveries(runtime: Runtime, options: ReleaseOptions): Promise<{ served: number; failures: unknown[] }> {
  const channels = options.channels ?? deliveryChannels;
  let served = 0;
  const failures: unknown[] = [];
  for (const userId of await peopleWithDueDeliveries(runtime.db, { now: options.now, limit: PEOPLE_PER_RUN })) {
    try {
      const released = await runtime.db.transaction().execute(async (tx) => {
        const due = await stillDue(tx, { userId, now: options.now });
        if (due.length === 0) return false;
        const input = { userId, notificationIds: due.map((item) => item.notificationId), deliveryIds: due.map((item) => item.id), urgent: due.some((item) => item.urgent) };
        for (const channel of channels) await channel.deliver(runtime, input);
        await markReleased(tx, due.map((item) => item.id), options.now);
        return true;
      });
      if (released) served += 1;
    } catch (error) {
      // Left unreleased for the next run; one person's failing channel must not hold back the others.
      failures.push(error);
    }
  }
  return { served, failures };
}

/** Whether an announcement was marked urgent, so that what it notifies goes out at once. */
export async function isUrgentPost(db: Executor, postId: string): Promise<boolean> {
  return hasUrgentOverride(db, postId);
}
