import { sql } from "kysely";
import type { Executor } from "../../platform/db.ts";
import type { ScheduledPostsTable } from "../../platform/schema.ts";
import type { Selectable } from "kysely";
import { readsCommunity } from "../notifications/recipients.ts";
import type { OrganisationWorkingTime, PersonWorkingTime } from "../disconnect/working-time.ts";

export type ScheduledPostRow = Selectable<ScheduledPostsTable> & { community_name: string };

/** Most scheduled posts a person keeps listed: 90 days of waiting posts and what went out recently. */
const LIST_LIMIT = 500;

function withCommunity(db: Executor) {
  return db.selectFrom("scheduled_posts as s").innerJoin("communities as c", "c.id", "s.community_id").selectAll("s").select("c.name as community_name");
}

/** One of the author's scheduled posts; someone else's is undefined, like a missing one. */
export async function findOwnScheduledPost(db: Executor, input: { authorId: string; id: string; lock?: boolean }): Promise<ScheduledPostRow | undefined> {
  let query = withCommunity(db).where("s.id", "=", input.id).where("s.author_id", "=", input.authorId);
  if (input.lock) query = query.forUpdate("s");
  return query.executeTakeFirst();
}

/** The author's scheduled posts: waiting ones by send time, then those gone out or failed, newest first. */
export async function listOwnScheduledPosts(db: Executor, authorId: string): Promise<ScheduledPostRow[]> {
  return withCommunity(db)
    .where("s.author_id", "=", authorId)
    .orderBy(sql`s.status = 'scheduled'`, "desc")
    .orderBy(sql`case when s.status = 'scheduled' then s.send_at end`, "asc")
    .orderBy("s.send_at", "desc")
    .orderBy("s.id", "desc")
    .limit(LIST_LIMIT)
    .execute();
}

/**
 * Claims the scheduled posts due at `now`, locked for this transaction; another worker skips them
 * rather than waiting, so each goes out once.
 */
export async function claimDuePosts(db: Executor, input: { now: Date; limit: number }) {
  return db
    .selectFrom("scheduled_posts as s")
    .innerJoin("users as u", "u.id", "s.author_id")
    .select(["s.id", "s.author_id", "s.community_id", "s.body", "s.announcement", "u.role", "u.status as author_status"])
    .where("s.status", "=", "scheduled")
    .where("s.send_at", "<=", input.now)
    .orderBy("s.send_at")
    .limit(input.limit)
    .forUpdate("s")
    .skipLocked()
    .execute();
}

/** Who a post in the community would notify now: the set-based rules of notifications/events.ts. */
export async function wouldBeNotified(db: Executor, input: { communityId: string; authorId: string; announcement: boolean }): Promise<(PersonWorkingTime & { id: string })[]> {
  const level = sql`coalesce(
    (select l.level from community_notification_levels l where l.user_id = users.id and l.community_id = c.id),
    (select s.default_level from notification_settings s where s.user_id = users.id), 'highlights')`;
  const gate = input.announcement ? sql`${level} <> 'none'` : sql`${level} = 'all'`;
  const { rows } = await sql<{ id: string; timezone: string | null; working_hours: { day: number; start: string; end: string }[]; away_until: Date | null }>`
    select users.id, users.timezone, users.working_hours, users.away_until
    from users join communities c on c.id = ${input.communityId}::uuid
    where users.status = 'active' and users.id <> ${input.authorId}::uuid
      and (exists (select 1 from community_members m where m.community_id = c.id and m.user_id = users.id)
        or (c.kind = 'company' and users.role <> 'guest'))
      and ${readsCommunity} and ${gate}
  `.execute(db);
  return rows.map((row) => ({ id: row.id, timezone: row.timezone, workingHours: row.working_hours, awayUntil: row.away_until }));
}

/** The organisation's working days and hours. */
export async function organisationWorkingTime(db: Executor): Promise<OrganisationWorkingTime> {
  const row = await db.selectFrom("organisation").select(["working_days", "work_starts", "work_ends", "default_timezone"]).executeTakeFirstOrThrow();
  return { workingDays: row.working_days, workStarts: row.work_starts, workEnds: row.work_ends, defaultTimezone: row.default_timezone };
}
