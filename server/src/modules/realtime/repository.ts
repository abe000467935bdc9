import { sql } from "kysely";
import type { Executor } from "../../platform/db.ts";
import type { CommunityKind, CommunityRole, CommunityVisibility, EventRow, NetworkRole } from "../../platform/schema.ts";

/** What the policies need to know of a connected person, kept in memory while they are connected. */
export interface UserState {
  id: string;
  role: NetworkRole;
  active: boolean;
  /** Explicit memberships: community id -> role. Company membership is implicit (see `roleOf`). */
  memberships: Map<string, CommunityRole>;
  followedPeople: Set<string>;
  followedTopics: Set<string>;
}

/** A community's facts that do not depend on the viewer. */
export interface CommunityState {
  kind: CommunityKind;
  visibility: CommunityVisibility;
  archived: boolean;
  deleted: boolean;
}

/** A post's facts the stream needs: where it lives, who wrote it, which topics it carries. */
export interface PostState {
  communityId: string;
  authorId: string | null;
  deleted: boolean;
  topicIds: string[];
}

/** Loads the policy state of the given people (missing ids are absent from the map). */
export async function loadUsers(db: Executor, ids: string[]): Promise<Map<string, UserState>> {
  const result = new Map<string, UserState>();
  if (ids.length === 0) return result;
  const users = await db.selectFrom("users").select(["id", "role", "status"]).where("id", "in", ids).execute();
  for (const user of users) {
    result.set(user.id, { id: user.id, role: user.role, active: user.status === "active", memberships: new Map(), followedPeople: new Set(), followedTopics: new Set() });
  }
  const [members, people, topics] = await Promise.all([
    db.selectFrom("community_members").select(["user_id", "community_id", "role"]).where("user_id", "in", ids).execute(),
    db.selectFrom("person_follows").select(["follower_id", "followed_id"]).where("follower_id", "in", ids).execute(),
    db.selectFrom("topic_follows").select(["user_id", "topic_id"]).where("user_id", "in", ids).execute(),
  ]);
  for (const row of members) result.get(row.user_id)?.memberships.set(row.community_id, row.role);
  for (const row of people) result.get(row.follower_id)?.followedPeople.add(row.followed_id);
  for (const row of topics) result.get(row.user_id)?.followedTopics.add(row.topic_id);
  return result;
}

/** Loads communities' viewer-independent facts. */
export async function loadCommunities(db: Executor, ids: string[]): Promise<Map<string, CommunityState>> {
  const result = new Map<string, CommunityState>();
  if (ids.length === 0) return result;
  const rows = await db.selectFrom("communities").select(["id", "kind", "visibility", "archived_at", "deleted_at"]).where("id", "in", ids).execute();
  for (const row of rows) {
    result.set(row.id, { kind: row.kind, visibility: row.visibility, archived: row.archived_at !== null, deleted: row.deleted_at !== null });
  }
  return result;
}

/** Loads posts' facts, with their topics. */
export async function loadPosts(db: Executor, ids: string[]): Promise<Map<string, PostState>> {
  const result = new Map<string, PostState>();
  if (ids.length === 0) return result;
  const [rows, topics] = await Promise.all([
    db.selectFrom("posts").select(["id", "community_id", "author_id", "deleted_at"]).where("id", "in", ids).execute(),
    db.selectFrom("post_topics").select(["post_id", "topic_id"]).where("post_id", "in", ids).execute(),
  ]);
  for (const row of rows) result.set(row.id, { communityId: row.community_id, authorId: row.author_id, deleted: row.deleted_at !== null, topicIds: [] });
  for (const row of topics) result.get(row.post_id)?.topicIds.push(row.topic_id);
  return result;
}

/** Outbox events by id, in id (time) order. */
export async function loadEvents(db: Executor, ids: string[]): Promise<EventRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom("events").selectAll().where("id", "in", ids).orderBy("id").execute();
}

/** Whether an event id exists (a resume point the server knows). */
export async function eventExists(db: Executor, id: string): Promise<boolean> {
  const row = await db.selectFrom("events").select("id").where("id", "=", id).executeTakeFirst();
  return row !== undefined;
}

/**
 * How long after its id an event may still commit: ids are made inside the transaction, so an
 * event committed late has a smaller id than events committed before it.
 */
export const LATE_COMMIT_MS = 5000;

/** The smallest UUIDv7 of the millisecond `time`: ids compare as their bytes, time first. */
export function idAtTime(time: number): string {
  const hex = Math.max(0, time).toString(16).padStart(12, "0");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-0000-0000-000000000000`;
}

/** The millisecond a UUIDv7 was made at. */
export function timeOfId(id: string): number {
  return Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}

/** The last (up to `limit`) events of the given types made less than `marginMs` before `before`, in id order. */
export async function eventsShortlyBefore(db: Executor, input: { before: string; marginMs: number; types: string[]; limit: number }): Promise<EventRow[]> {
  const rows = await db
    .selectFrom("events")
    .selectAll()
    .where("id", ">=", idAtTime(timeOfId(input.before) - input.marginMs))
    .where("id", "<", input.before)
    .where("type", "in", input.types)
    .orderBy("id", "desc")
    .limit(input.limit)
    .execute();
  return rows.reverse();
}

/** Up to `limit` events of the given types after `after`, in id order. */
export async function eventsAfter(db: Executor, input: { after: string; types: string[]; limit: number }): Promise<EventRow[]> {
  return db
    .selectFrom("events")
    .selectAll()
    .where("id", ">", input.after)
    .where("type", "in", input.types)
    .orderBy("id")
    .limit(input.limit)
    .execute();
}

/** Of the given session hashes, those still signed in (row present, not expired, user active). */
export async function liveSessions(db: Executor, hashes: string[]): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  const rows = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select("sessions.id_hash")
    .where("sessions.id_hash", "in", hashes)
    .where("sessions.expires_at", ">", sql<Date>`now()`)
    .where("users.status", "=", "active")
    .execute();
  return new Set(rows.map((row) => row.id_hash));
}

/** Of the given access token ids, those still usable (not revoked, not expired, user active). */
export async function liveTokens(db: Executor, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom("access_tokens")
    .innerJoin("users", "users.id", "access_tokens.user_id")
    .select("access_tokens.id")
    .where("access_tokens.id", "in", ids)
    .where("access_tokens.revoked_at", "is", null)
    .where((eb) => eb.or([eb("access_tokens.expires_at", "is", null), eb("access_tokens.expires_at", ">", sql<Date>`now()`)]))
    .where("users.status", "=", "active")
    .execute();
  return new Set(rows.map((row) => row.id));
}
