import { sql } from "kysely";
import type { Executor, Tx } from "../../platform/db.ts";
import type { NetworkRole, WorkingSpanRow } from "../../platform/schema.ts";
import type { OrganisationWorkingTime, PersonWorkingTime } from "../disconnect/working-time.ts";
import type { DigestFrequency } from "./digest-schedule.ts";

/** An active person who chose a digest, with what decides when it is due. */
export interface DigestCandidate {
  id: string;
  role: NetworkRole;
  email: string;
  frequency: DigestFrequency;
  /** When their last round ran, as read before any lock (re-checked under it). */
  lastRound: Date | null;
  organisation: OrganisationWorkingTime;
  person: PersonWorkingTime;
}

interface CandidateRow {
  id: string;
  role: NetworkRole;
  email: string;
  frequency: DigestFrequency;
  last_round_at: Date | null;
  timezone: string | null;
  working_hours: WorkingSpanRow[];
  away_until: Date | null;
  working_days: number[];
  work_starts: string;
  work_ends: string;
  default_timezone: string;
}

/**
 * Active people with a daily or weekly digest (daily when they never chose) whose last round is
 * old enough that another may be due; the exact instant is decided per person (digestDue).
 */
export async function listDigestCandidates(db: Executor, now: Date): Promise<DigestCandidate[]> {
  const { rows } = await sql<CandidateRow>`
    select u.id, u.role, u.email, coalesce(s.email, 'daily') as frequency, d.last_round_at, u.timezone, u.working_hours, u.away_until,
      o.working_days, o.work_starts::text as work_starts, o.work_ends::text as work_ends, o.default_timezone
    from users u
    cross join organisation o
    left join notification_settings s on s.user_id = u.id
    left join email_digests d on d.user_id = u.id
    where u.status = 'active'
      and coalesce(s.email, 'daily') in ('daily', 'weekly')
      and (d.last_round_at is null
        or d.last_round_at < ${now}::timestamptz - (case when coalesce(s.email, 'daily') = 'weekly' then interval '2 days' else interval '6 hours' end))
    order by u.id
  `.execute(db);
  return rows.map((row) => ({
    id: row.id,
    role: row.role,
    email: row.email,
    frequency: row.frequency,
    lastRound: row.last_round_at,
    organisation: { workingDays: row.working_days, workStarts: row.work_starts, workEnds: row.work_ends, defaultTimezone: row.default_timezone },
    person: { timezone: row.timezone, workingHours: row.working_hours, awayUntil: row.away_until },
  }));
}

/** A person's digest state, locked until the transaction ends (two workers never both send). */
export async function lockDigestState(tx: Tx, userId: string): Promise<{ last_round_at: Date | null; covered_until: Date | null }> {
  await tx.insertInto("email_digests").values({ user_id: userId }).onConflict((conflict) => conflict.column("user_id").doNothing()).execute();
  return tx.selectFrom("email_digests").select(["last_round_at", "covered_until"]).where("user_id", "=", userId).forUpdate().executeTakeFirstOrThrow();
}

/** Records a round: when it ran, what it covered, and when a mail went if one did. */
export async function recordDigestRound(tx: Tx, input: { userId: string; roundAt: Date; coveredUntil: Date; sentAt?: Date }): Promise<void> {
  await tx
    .updateTable("email_digests")
    .set({ last_round_at: input.roundAt, covered_until: input.coveredUntil, ...(input.sentAt ? { last_sent_at: input.sentAt } : {}) })
    .where("user_id", "=", input.userId)
    .execute();
}
