import { SCHEDULE_MAX_DAYS } from "@ruche/contracts";
import { errors } from "../../platform/errors.ts";

const DAY_MS = 86_400_000;

/** The instant something scheduled goes out: in the future, at most 90 days ahead. */
export function checkedSendAt(sendAt: string, now: Date): Date {
  const instant = new Date(sendAt);
  if (instant.getTime() <= now.getTime()) throw errors.invalidField("sendAt", "must be in the future");
  if (instant.getTime() > now.getTime() + SCHEDULE_MAX_DAYS * DAY_MS) throw errors.invalidField("sendAt", `must be at most ${SCHEDULE_MAX_DAYS} days ahead`);
  return instant;
}

/** A body as it will go out: trimmed, and not empty. */
export function checkedBody(source: string): string {
  const body = source.trim();
  if (!body) throw errors.invalidField("body", "must not be empty");
  return body;
}
