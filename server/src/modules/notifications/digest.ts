import { mailJobId } from "../../platform/email-layout.ts";
import type { Runtime } from "../../runtime.ts";
import { scheduleOf } from "../disconnect/working-time.ts";
import { listDigestCandidates, lockDigestState, recordDigestRound, type DigestCandidate } from "./digest-repository.ts";
import { DIGEST_PERIOD_MS, digestDue } from "./digest-schedule.ts";
import { composeNotificationMail } from "./email-message.ts";
import { lastActivity, listMailableNotifications } from "./email-repository.ts";

type DigestRuntime = Pick<Runtime, "db" | "jobs" | "config">;

/**
 * Sends the daily and weekly digests due at `now` (the job passes the clock; tests fix it). A digest
 * goes to a person whose day (or week) has begun, who has not used the app since their last one,
 * and holds only what changed since then and is still unread and readable. Returns who was mailed.
 */
export async function sendDigests(runtime: DigestRuntime, now: Date): Promise<{ mailed: string[] }> {
  const mailed: string[] = [];
  for (const candidate of await listDigestCandidates(runtime.db, now)) {
    // Most candidates are not due yet (a weekend, an absence): decide that without a transaction.
    const schedule = scheduleOf(candidate.organisation, candidate.person);
    if (digestDue({ frequency: candidate.frequency, schedule, lastRound: candidate.lastRound, now }) > now) continue;
    if (await digestOne(runtime, candidate, now)) mailed.push(candidate.id);
  }
  return { mailed };
}

/**
 * One person's round, in one transaction with their state locked: the mail job and the record of
 * the round commit together, so a re-run or a second worker sends nothing twice.
 */
async function digestOne(runtime: DigestRuntime, candidate: DigestCandidate, now: Date): Promise<boolean> {
  return runtime.db.transaction().execute(async (tx) => {
    const state = await lockDigestState(tx, candidate.id);
    const schedule = scheduleOf(candidate.organisation, candidate.person);
    const due = digestDue({ frequency: candidate.frequency, schedule, lastRound: state.last_round_at, now });
    if (due > now) return false;
    const since = state.covered_until ?? new Date(due.getTime() - DIGEST_PERIOD_MS[candidate.frequency]);
    const active = await lastActivity(tx, candidate.id);
    if (active && active > since) {
      // They have been in the app and seen what came before: the next digest starts from there.
      await recordDigestRound(tx, { userId: candidate.id, roundAt: now, coveredUntil: active });
      return false;
    }
    const { rows, total } = await listMailableNotifications(tx, { viewer: candidate, after: since, until: now });
    if (total === 0) {
      await recordDigestRound(tx, { userId: candidate.id, roundAt: now, coveredUntil: now });
      return false;
    }
    const kind = { type: "digest", frequency: candidate.frequency } as const;
    const message = await composeNotificationMail(tx, { recipient: candidate, publicUrl: runtime.config.publicUrl, rows, total, kind });
    await runtime.jobs.send("mail.send", message, { id: mailJobId(`${candidate.id}:${now.toISOString()}`, "digest") }, tx);
    await recordDigestRound(tx, { userId: candidate.id, roundAt: now, coveredUntil: now, sentAt: now });
    return true;
  });
}
