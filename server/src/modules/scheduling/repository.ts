import { sql } from "kysely";
import type { Executor } from "../../platform/db.ts";
import type { ScheduledPostsTable } from "../../platform/schema.ts";
import type { Selectable } from "kysely";
import { gateCondition, readsCommunity } from "../notifications/recipients.ts";
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
    .select(["s.id", "s.author_id", "s.community_id", "s.body", "s.announcement", "s.must_read", "s.poll", "u.role", "u.status as author_status"])
    .where("s.status", "=", "scheduled")
    .where("s.send_at", "<=", input.now)
    .orderBy("s.send_at")
    .limit(input.limit)
    .forUpdate("s")
    .skipLocked()
    .execute();
}

/** Someone a post or comment would notify, with what decides whether they are at work. */
export type NotifiedPerson = PersonWorkingTime & { id: string };

type NotifiedPersonRow = { id: string; timezone: string | null; working_hours: PersonWorkingTime["workingHours"]; away_until: Date | null };

function notifiedPerson(row: NotifiedPersonRow): NotifiedPerson {
  return { id: row.id, timezone: row.timezone, workingHours: row.working_hours, awayUntil: row.away_until };
}

/** Who a post in the community would notify now: the set-based rules of notifications/events.ts. */
export async function wouldBeNotified(db: Executor, input: { communityId: string; authorId: string; announcement: boolean }): Promise<NotifiedPerson[]> {
  // An announcement reaches every member who did not silence the community; any other post, those who asked for all.
  const gate = gateCondition(input.announcement ? "highlights" : "all");
  const { rows } = await sql<NotifiedPersonRow>`
    select users.id, users.timezone, users.working_hours, users.away_until
    from users join communities c on c.id = ${input.communityId}::uuid
    where users.status = 'active' and users.id <> ${input.authorId}::uuid
      and (exists (select 1 from community_members m where m.community_id = c.id and m.user_id = users.id)
        or (c.kind = 'company' and users.role <> 'guest'))
      and ${readsCommunity} and ${gate}
  `.execute(db);
  return rows.map(notifiedPerson);
}

/**
 * Who a comment on the post (a reply when `parentId` is set) would notify now: `commentCreated` in
 * notifications/events.ts, set-based. The post's followers (its author and commenters, unless they
 * unfollowed it) and the parent comment's author, if active, not the commenter, able to read the
 * community and not having silenced it. The people the comment will mention are left out: the
 * suggestion is asked while the comment is being written, before its mentions are known.
 */
export async function wouldBeNotifiedOfComment(db: Executor, input: { postId: string; parentId: string | null; commenterId: string }): Promise<NotifiedPerson[]> {
  const { rows } = await sql<NotifiedPersonRow>`
    with told as (
      select f.user_id from post_follows f where f.post_id = ${input.postId}::uuid and f.following
      union
      select k.author_id from comments k where k.id = ${input.parentId}::uuid and k.post_id = ${input.postId}::uuid and k.deleted_at is null
    )
    select users.id, users.timezone, users.working_hours, users.away_until
    from told
    join users on users.id = told.user_id
    join posts p on p.id = ${input.postId}::uuid
    join communities c on c.id = p.community_id
    where users.status = 'active' and users.id <> ${input.commenterId}::uuid
      and ${readsCommunity} and ${gateCondition("highlights")}
  `.execute(db);
  return rows.map(notifiedPerson);
}

/** The organisation's working days and hours. */
export async function organisationWorkingTime(db: Executor): Promise<OrganisationWorkingTime> {
  const row = await db.selectFrom("organisation").select(["working_days", "work_starts", "work_ends", "default_timezone"]).executeTakeFirstOrThrow();
  return { workingDays: row.working_days, workStarts: row.work_starts, workEnds: row.work_ends, defaultTimezone: row.default_timezone };
}
