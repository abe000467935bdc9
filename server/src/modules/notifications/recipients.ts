import { sql, type RawBuilder } from "kysely";
import type { Executor } from "../../platform/db.ts";
import type { NotificationKind } from "@ruche/contracts";
import { holdDeliveries, isUrgentPost } from "../disconnect/deliveries.ts";

/**
 * The SQL that turns one outbox event into notifications, for many people in one statement.
 *
 * Recipients are chosen in the database, never in a loop: an announcement in the company
 * community reaches every active non-guest. Each candidate must be active, not the actor, able to
 * read the content (the set-based form of the communities policy's `readableCommunities`, for every
 * person at once), and must not have silenced the community. Receipts make a retried event notify once.
 */

/** How much a person's level for the community must let through. */
export type LevelGate =
  /** No level applies: invitations and join requests always notify. */
  | "ungated"
  /** Mentions, announcements and activity on one's own content and followed posts: not "none". */
  | "highlights"
  /** Any new post: only "all". */
  | "all";

/** Who may be told: named people, or a community's members. */
export type Candidates =
  | { userIds: string[] }
  | { membersOf: string; roles?: ("owner" | "manager" | "member")[] };

export interface NotifyInput {
  eventId: string;
  kind: NotificationKind;
  actorId: string | null;
  candidates: Candidates;
  /** The community the content lives in; required to gate on levels and readability. */
  communityId: string | null;
  postId?: string | null;
  commentId?: string | null;
  reason?: string | null;
  gate: LevelGate;
  /** Reactions group while unread: one row a recipient and key. */
  groupKey?: string | null;
  /** Whether the recipient must be able to read the community's content (false for invitations and requests). */
  mustRead: boolean;
  /** When email and push deliveries are held from (the right to disconnect); tests fix it. Default: now. */
  now?: Date;
}

/** A new UUIDv7 computed by PostgreSQL 15+ (no uuidv7() before 18): the time in the first 48 bits, version 7. */
const uuidV7: RawBuilder<string> = sql<string>`encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
  placing substring(int8send(floor(extract(epoch from clock_timestamp()) * 1000)::bigint) from 3) from 1 for 6),
  52, 1), 53, 1), 'hex')::uuid`;

/**
 * Whether the `users` row in scope may read the community `c` in scope: `readableCommunities`
 * (communities/policy.ts) for every person at once. Admins read every live community; guests only
 * the external ones they belong to; others the public and company ones and those they belong to.
 */
export const readsCommunity: RawBuilder<boolean> = sql<boolean>`(c.deleted_at is null and (
  users.role = 'admin'
  or (users.role <> 'guest' and (c.visibility = 'public' or c.kind = 'company'))
  or ((users.role <> 'guest' or c.kind = 'external')
    and exists (select 1 from community_members m where m.community_id = c.id and m.user_id = users.id))
))`;

/** The level in force for the `users` row in scope and the community `c` in scope. */
const levelInForce = sql`coalesce(
  (select l.level from community_notification_levels l where l.user_id = users.id and l.community_id = c.id),
  (select s.default_level from notification_settings s where s.user_id = users.id),
  'highlights')`;

/** Whether the level in force for the `users` row and community `c` in scope lets `gate` through. */
export function gateCondition(gate: LevelGate): RawBuilder<boolean> {
  if (gate === "all") return sql<boolean>`${levelInForce} = 'all'`;
  if (gate === "highlights") return sql<boolean>`${levelInForce} <> 'none'`;
  return sql<boolean>`true`;
}

/**
 * For the "all" gate, the people who chose "all" for the community or by default, joined first:
 * they are few, and starting from them spares testing every member of a company-wide community.
 */
function gateSource(gate: LevelGate, communityId: string | null): RawBuilder<unknown> {
  if (gate !== "all" || !communityId) return sql``;
  return sql`join (
    select l.user_id from community_notification_levels l where l.community_id = ${communityId}::uuid and l.level = 'all'
    union select s.user_id from notification_settings s where s.default_level = 'all'
  ) chose_all on chose_all.user_id = users.id`;
}

function candidateCondition(candidates: Candidates): RawBuilder<boolean> {
  if ("userIds" in candidates) return sql<boolean>`users.id = any(${candidates.userIds}::uuid[])`;
  const roles = candidates.roles ?? ["owner", "manager", "member"];
  const explicit = sql<boolean>`exists (select 1 from community_members m where m.community_id = c.id
    and m.user_id = users.id and m.role = any(${roles}::text[]))`;
  // Company membership is implicit for every non-guest (communities/policy.ts roleOf).
  if (!roles.includes("member")) return explicit;
  return sql<boolean>`(${explicit} or (c.kind = 'company' and users.role <> 'guest'))`;
}

/** Live content only: a post or comment deleted before dispatch notifies nobody. */
function contentAlive(input: NotifyInput): RawBuilder<boolean> {
  const post = input.postId ? sql`exists (select 1 from posts p where p.id = ${input.postId} and p.deleted_at is null)` : sql`true`;
  const comment = input.commentId ? sql`exists (select 1 from comments k where k.id = ${input.commentId} and k.deleted_at is null)` : sql`true`;
  return sql<boolean>`(${post} and ${comment})`;
}

/** The actor as a one-element array, or an empty one (system events have no actor). */
function actorArray(actorId: string | null): RawBuilder<string[]> {
  return actorId ? sql<string[]>`array[${actorId}::uuid]` : sql<string[]>`'{}'::uuid[]`;
}

const GROUP_CAP = 3;

/** What happens when an unread row with the same group key exists: the actor moves to the front. */
function groupingClause(input: NotifyInput): RawBuilder<unknown> {
  if (!input.groupKey) return sql``;
  const actor = actorArray(input.actorId);
  return sql`on conflict (user_id, group_key) where read_at is null and group_key is not null do update set
    actor_ids = (array_prepend(excluded.actor_ids[1], array_remove(notifications.actor_ids, excluded.actor_ids[1])))[1:${GROUP_CAP}],
    grouped_actor_ids = case when excluded.actor_ids[1] = any(notifications.grouped_actor_ids) then notifications.grouped_actor_ids
      else notifications.grouped_actor_ids || ${actor} end,
    actor_count = case when excluded.actor_ids[1] = any(notifications.grouped_actor_ids) then notifications.actor_count
      else notifications.actor_count + 1 end,
    updated_at = now()`;
}

/**
 * The unread group rows the event may fold into, as they were before it: whether its actor is new
 * to a group is read from them. Empty without a group key.
 */
function priorGroups(input: NotifyInput): RawBuilder<unknown> {
  if (!input.groupKey) return sql`prior as (select null::uuid as user_id, null::uuid[] as grouped_actor_ids where false)`;
  return sql`prior as (
    select n.user_id, n.grouped_actor_ids from notifications n
    where n.group_key = ${input.groupKey} and n.read_at is null and n.user_id in (select user_id from receipts)
  )`;
}

/**
 * Notifies the eligible candidates of one event, once each however often the event is handled.
 * Returns the people whose notifications changed.
 */
export async function notify(tx: Executor, input: NotifyInput): Promise<string[]> {
  if ("userIds" in input.candidates && input.candidates.userIds.length === 0) return [];
  const communityId = input.communityId;
  const readable = input.mustRead && communityId ? readsCommunity : sql<boolean>`true`;
  const gated = communityId ? gateCondition(input.gate) : sql<boolean>`true`;
  const actor = actorArray(input.actorId);
  const { rows } = await sql<{ id: string; user_id: string; inserted: boolean; joined: boolean }>`
    with recipients as (
      select users.id from users
      left join communities c on c.id = ${communityId}::uuid
      ${gateSource(input.gate, communityId)}
      where users.status = 'active'
        and users.id is distinct from ${input.actorId}::uuid
        and ${candidateCondition(input.candidates)}
        and ${readable} and ${gated} and ${contentAlive(input)}
    ), receipts as (
      insert into notification_receipts (event_id, user_id)
      select ${input.eventId}::uuid, id from recipients
      on conflict do nothing
      returning user_id
    ), ${priorGroups(input)}, written as (
      insert into notifications (id, user_id, kind, group_key, community_id, post_id, comment_id, actor_ids, grouped_actor_ids, actor_count, reason)
      select ${uuidV7}, user_id, ${input.kind}, ${input.groupKey ?? null}, ${communityId}::uuid, ${input.postId ?? null}::uuid,
        ${input.commentId ?? null}::uuid, ${actor}, ${actor}, cardinality(${actor}), ${input.reason ?? null}
      from receipts
      ${groupingClause(input)}
      returning id, user_id, (xmax = 0) as inserted
    )
    select written.id, written.user_id, written.inserted,
      (not written.inserted and not coalesce((${actor})[1] = any(prior.grouped_actor_ids), true)) as joined
    from written left join prior on prior.user_id = written.user_id
  `.execute(tx);
  const created = rows.filter((row) => row.inserted).map((row) => ({ id: row.id, userId: row.user_id }));
  // Someone new in an unread group ("A and 3 others reacted") is worth telling again.
  const regrouped = rows.filter((row) => row.joined).map((row) => ({ id: row.id, userId: row.user_id }));
  // An announcement marked urgent goes out at once, with everything told about the post itself.
  const urgent = created.length > 0 && !input.commentId && !!input.postId && (await isUrgentPost(tx, input.postId));
  await holdDeliveries(tx, { notifications: created, regrouped, urgent, now: input.now ?? new Date() });
  return rows.map((row) => row.user_id);
}

/** The facts of a post that decide who hears of it; undefined once it is gone. */
export async function postFacts(db: Executor, postId: string): Promise<{ communityId: string; authorId: string | null; announcement: boolean } | undefined> {
  const row = await db
    .selectFrom("posts")
    .select(["community_id", "author_id", "announcement"])
    .where("id", "=", postId)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  return row && { communityId: row.community_id, authorId: row.author_id, announcement: row.announcement };
}

/** The author of a live comment (null once deleted or anonymised). */
export async function commentAuthor(db: Executor, commentId: string): Promise<string | null> {
  const row = await db.selectFrom("comments").select("author_id").where("id", "=", commentId).where("deleted_at", "is", null).executeTakeFirst();
  return row?.author_id ?? null;
}

/** Who follows a post (its author and commenters by default, unless they opted out). */
export async function postFollowers(db: Executor, postId: string): Promise<string[]> {
  const rows = await db.selectFrom("post_follows").select("user_id").where("post_id", "=", postId).where("following", "=", true).execute();
  return rows.map((row) => row.user_id);
}
