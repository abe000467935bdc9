import { sql, type ExpressionBuilder } from "kysely";
import type { Executor } from "../../platform/db.ts";
import type { Cursor } from "../../platform/pagination.ts";
import { cursorTimestamp } from "../../platform/pagination.ts";
import type { Database, NotificationLevelValue } from "../../platform/schema.ts";
import { readableCommunities, visibleCommunities } from "../communities/policy.ts";
import { visiblePeople, type Viewer } from "../people/policy.ts";
import { summaryColumns, type SummaryRow } from "../people/present.ts";
import { readablePosts } from "../posts/policy.ts";

/**
 * The viewer's notifications that still make sense to them: about a post they may still read (not
 * deleted, in a community they still read), a comment not deleted, or a community they still see.
 */
export function stillReadable(viewer: Viewer) {
  return (eb: ExpressionBuilder<Database, "notifications">) =>
    eb.and([
      eb("notifications.user_id", "=", viewer.id),
      eb.or([
        eb("notifications.post_id", "is", null),
        eb("notifications.post_id", "in", eb.selectFrom("posts").select("posts.id").where(readablePosts(viewer))),
      ]),
      eb.or([
        eb("notifications.comment_id", "is", null),
        eb("notifications.comment_id", "in", eb.selectFrom("comments").select("comments.id").where("comments.deleted_at", "is", null)),
      ]),
      eb.or([
        eb("notifications.community_id", "is", null),
        eb("notifications.community_id", "in", eb.selectFrom("communities").select("communities.id").where(visibleCommunities(viewer))),
      ]),
    ]);
}

export interface NotificationRow {
  id: string;
  kind: string;
  read_at: Date | null;
  updated_at: Date;
  cursor_key: string;
  actor_ids: string[];
  actor_count: number;
  reason: string | null;
  community_id: string | null;
  community_name: string | null;
  post_id: string | null;
  post_html: string | null;
  comment_id: string | null;
  comment_html: string | null;
}

/** A page of the viewer's notifications, most recently changed first, unread only when asked. */
export async function listNotifications(
  db: Executor,
  input: { viewer: Viewer; unread: boolean; after: Cursor | undefined; limit: number; ids?: string[] },
): Promise<NotificationRow[]> {
  let query = db
    .selectFrom("notifications")
    .leftJoin("communities", "communities.id", "notifications.community_id")
    .leftJoin("posts", "posts.id", "notifications.post_id")
    .leftJoin("comments", "comments.id", "notifications.comment_id")
    .select([
      "notifications.id",
      "notifications.kind",
      "notifications.read_at",
      "notifications.updated_at",
      cursorTimestamp("notifications.updated_at").as("cursor_key"),
      "notifications.actor_ids",
      "notifications.actor_count",
      "notifications.reason",
      "notifications.community_id",
      "communities.name as community_name",
      "notifications.post_id",
      "posts.body_html as post_html",
      "notifications.comment_id",
      "comments.body_html as comment_html",
    ])
    .where(stillReadable(input.viewer));
  if (input.unread) query = query.where("notifications.read_at", "is", null);
  // Delivery channels (push, email) ask about the notifications that fell due, by id (never none).
  if (input.ids) query = query.where("notifications.id", "in", input.ids);
  if (input.after) {
    query = query.where(sql<boolean>`(notifications.updated_at, notifications.id) < (${input.after.key}::timestamptz, ${input.after.id}::uuid)`);
  }
  return query.orderBy("notifications.updated_at", "desc").orderBy("notifications.id", "desc").limit(input.limit + 1).execute();
}

/** How many unread notifications the viewer would see listed. */
export async function countUnread(db: Executor, viewer: Viewer): Promise<number> {
  const row = await db
    .selectFrom("notifications")
    .select((eb) => eb.fn.countAll<string>().as("count"))
    .where(stillReadable(viewer))
    .where("notifications.read_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** The people behind a page's notifications whom the viewer may see, by id. */
export async function actorsById(db: Executor, viewer: Viewer, ids: string[]): Promise<Map<string, SummaryRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom("users").select(summaryColumns).where("users.id", "in", ids).where(visiblePeople(viewer)).execute();
  return new Map(rows.map((row) => [row.id, row]));
}

/** Whether the viewer has this notification, as listed (someone else's or a hidden one is not). */
export async function findOwnNotification(db: Executor, viewer: Viewer, id: string): Promise<{ id: string; read_at: Date | null } | undefined> {
  return db
    .selectFrom("notifications")
    .select(["notifications.id", "notifications.read_at"])
    .where("notifications.id", "=", id)
    .where(stillReadable(viewer))
    .executeTakeFirst();
}

/** Marks the viewer's unread notifications read (one, or all); returns how many changed. */
export async function markRead(db: Executor, input: { userId: string; id?: string }): Promise<number> {
  let query = db.updateTable("notifications").set({ read_at: new Date() }).where("user_id", "=", input.userId).where("read_at", "is", null);
  if (input.id) query = query.where("id", "=", input.id);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** A person's settings row, if they ever changed a default. */
export async function findSettings(db: Executor, userId: string) {
  return db.selectFrom("notification_settings").select(["email", "default_level"]).where("user_id", "=", userId).executeTakeFirst();
}

/** Writes a person's settings, creating the row with defaults for what is not given. */
export async function upsertSettings(
  db: Executor,
  input: { userId: string; email?: "immediate" | "daily" | "weekly" | "none" | undefined; defaultLevel?: NotificationLevelValue | undefined },
): Promise<void> {
  const changes = {
    ...(input.email ? { email: input.email } : {}),
    ...(input.defaultLevel ? { default_level: input.defaultLevel } : {}),
    updated_at: new Date(),
  };
  await db
    .insertInto("notification_settings")
    .values({ user_id: input.userId, ...changes })
    .onConflict((conflict) => conflict.column("user_id").doUpdateSet(changes))
    .execute();
}

/** The levels a person chose for communities they still read, by name. */
export async function listCommunityLevels(db: Executor, viewer: Viewer) {
  return db
    .selectFrom("community_notification_levels")
    .innerJoin("communities", "communities.id", "community_notification_levels.community_id")
    .select(["communities.id", "communities.name", "community_notification_levels.level"])
    .where("community_notification_levels.user_id", "=", viewer.id)
    .where(readableCommunities(viewer))
    .orderBy("communities.name")
    .orderBy("communities.id")
    .execute();
}

/** Sets (or, with null, forgets) a person's level for one community. */
export async function setCommunityLevel(db: Executor, input: { userId: string; communityId: string; level: NotificationLevelValue | null }): Promise<void> {
  const key = (eb: ExpressionBuilder<Database, "community_notification_levels">) =>
    eb.and([eb("user_id", "=", input.userId), eb("community_id", "=", input.communityId)]);
  if (input.level === null) {
    await db.deleteFrom("community_notification_levels").where(key).execute();
    return;
  }
  const level: NotificationLevelValue = input.level;
  await db
    .insertInto("community_notification_levels")
    .values({ user_id: input.userId, community_id: input.communityId, level })
    .onConflict((conflict) => conflict.columns(["user_id", "community_id"]).doUpdateSet({ level, updated_at: new Date() }))
    .execute();
}
