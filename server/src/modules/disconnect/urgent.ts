import type { Tx } from "../../platform/db.ts";
import { AppError, errors } from "../../platform/errors.ts";
import { appendEvent } from "../../platform/outbox.ts";
import type { Viewer } from "../people/policy.ts";
import { findWorkingTime, insertUrgentOverride } from "./repository.ts";

/** The urgent override asked for with a new post: a reason, checked non-blank. */
export interface UrgentRequest {
  reason: string;
}

/** Refuses an urgent override without an announcement or a real reason (400 naming the field). */
export function checkUrgentRequest(body: { urgent?: UrgentRequest; announcement?: boolean }): string | undefined {
  if (!body.urgent) return undefined;
  if (!body.announcement) throw errors.invalidField("urgent", "is only for announcements");
  const reason = body.urgent.reason.trim();
  if (!reason) throw errors.invalidField("urgent.reason", "must not be empty");
  return reason;
}

/**
 * Records that an announcement goes out at once despite the right to disconnect: admins may,
 * managers (who may announce) only when the organisation allows it. The row is the audit trail
 * (who, when, why); the notifications handler reads it to deliver without holding.
 */
export async function markUrgent(tx: Tx, input: { viewer: Viewer; postId: string; reason: string; now: Date }): Promise<void> {
  if (input.viewer.role !== "admin") {
    const organisation = await findWorkingTime(tx);
    if (!organisation.managers_may_urge) throw new AppError("urgent_not_allowed");
  }
  await insertUrgentOverride(tx, { postId: input.postId, actorId: input.viewer.id, reason: input.reason, now: input.now });
  await appendEvent(tx, { type: "post.marked_urgent", actorId: input.viewer.id, subjectId: input.postId, payload: { reason: input.reason } });
}
