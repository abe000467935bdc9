import { sql, type RawBuilder } from "kysely";
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

/**
 * The people a draft mentions, as a suggestion may count them: whoever is active and may read the
 * community. Anyone can be named in a draft, so nothing private of theirs may show in the answer:
 * not their level for the community (they count even if they silenced it), nor an absence (only
 * their public working hours count). `told` is the set the draft reaches otherwise, in full.
 */
function withMentioned(told: RawBuilder<boolean>, mentions: string[]) {
  return {
    reached: sql<boolean>`(${told} or users.id = any(${mentions}::uuid[]))`,
    awayUntil: sql<Date | null>`case when ${told} then users.away_until end`,
  };
}

/**
 * Who a post in the community would notify now: the set-based rules of notifications/events.ts,
 * and the people it mentions (see `withMentioned`).
 */
export async function wouldBeNotified(db: Executor, input: { communityId: string; authorId: string; announcement: boolean; mentions: string[] }): Promise<NotifiedPerson[]> {
  // An announcement reaches every member who did not silence the community; any other post, those who asked for all.
  const gate = gateCondition(input.announcement ? "highlights" : "all");
  const members = sql<boolean>`((exists (select 1 from community_members m where m.community_id = c.id and m.user_id = users.id)
    or (c.kind = 'company' and users.role <> 'guest')) and ${gate})`;
  const { reached, awayUntil } = withMentioned(members, input.mentions);
  const { rows } = await sql<NotifiedPersonRow>`
    select users.id, users.timezone, users.working_hours, ${awayUntil} as away_until
    from users join communities c on c.id = ${input.communityId}::uuid
    where users.status = 'active' and users.id <> ${input.authorId}::uuid and ${readsCommunity} and ${reached}
  `.execute(db);
  return rows.map(notifiedPerson);
}

/**
 * Who a comment on the post (a reply when `parentId` is set) would notify now: `commentCreated` in
 * notifications/events.ts, set-based. The post's followers (its author and commenters, unless they
 * unfollowed it) and the parent comment's author, if active, not the commenter, able to read the
 * community and not having silenced it; and the people it mentions (see `withMentioned`).
 */
export async function wouldBeNotifiedOfComment(db: Executor, input: { postId: string; parentId: string | null; commenterId: string; mentions: string[] }): Promise<NotifiedPerson[]> {
  const followers = sql<boolean>`(followers.user_id is not null and ${gateCondition("highlights")})`;
  const { reached, awayUntil } = withMentioned(followers, input.mentions);
  const { rows } = await sql<NotifiedPersonRow>`
    with followers as (
      select f.user_id from post_follows f where f.post_id = ${input.postId}::uuid and f.following
      union
      select k.author_id from comments k where k.id = ${input.parentId}::uuid and k.post_id = ${input.postId}::uuid and k.deleted_at is null
    ), candidates as (
      select user_id from followers union select unnest(${input.mentions}::uuid[])
    )
    select users.id, users.timezone, users.working_hours, ${awayUntil} as away_until
    from candidates
    join users on users.id = candidates.user_id
    left join followers on followers.user_id = users.id
    join posts p on p.id = ${input.postId}::uuid
    join communities c on c.id = p.community_id
    where users.status = 'active' and users.id <> ${input.commenterId}::uuid and ${readsCommunity} and ${reached}
  `.execute(db);
  return rows.map(notifiedPerson);
}

/** The organisation's working days and hours. */
export async function organisationWorkingTime(db: Executor): Promise<OrganisationWorkingTime> {
  const row = await db.selectFrom("organisation").select(["working_days", "work_starts", "work_ends", "default_timezone"]).executeTakeFirstOrThrow();
  return { workingDays: row.working_days, workStarts: row.work_starts, workEnds: row.work_ends, defaultTimezone: row.default_timezone };
}
