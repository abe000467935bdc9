import type { Notification, NotificationLevel, NotificationSettings, NotificationSettingsUpdate, NotificationsPage, NotificationsQuery, UnreadCount } from "@ruche/contracts";
import type { Db, Executor } from "../../platform/db.ts";
import { AppError, errors } from "../../platform/errors.ts";
import { appendEvent } from "../../platform/outbox.ts";
import { decodeCursor, pageOf } from "../../platform/pagination.ts";
import { factsOf } from "../communities/present.ts";
import { visibleCommunityOrThrow } from "../communities/service.ts";
import { roleOf } from "../communities/policy.ts";
import type { Viewer } from "../people/policy.ts";
import { presentNotification } from "./present.ts";
import {
  actorsById,
  countUnread,
  findOwnNotification,
  findSettings,
  listCommunityLevels,
  listNotifications,
  markRead,
  setCommunityLevel,
  upsertSettings,
} from "./repository.ts";

/** Defaults for someone who never changed them (no settings row). */
const DEFAULTS = { email: "daily", defaultLevel: "highlights" } as const;

/** A page of the viewer's notifications, about content they may still read only. */
export async function listMyNotifications(db: Executor, viewer: Viewer, query: NotificationsQuery): Promise<NotificationsPage> {
  const limit = query.limit ?? 20;
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const rows = await listNotifications(db, { viewer, unread: query.unread ?? false, after, limit });
  const page = pageOf(rows, limit, (row) => [row.cursor_key, row.id]);
  const actors = await actorsById(db, viewer, [...new Set(page.items.flatMap((row) => row.actor_ids))]);
  return { items: page.items.map((row) => presentNotification(row, actors)), nextCursor: page.nextCursor };
}

/**
 * Of the given notifications, those still unread and about content the person may still read,
 * most recent first (at most 100): what a push or an email delivered now may tell of.
 */
export async function unreadNotificationsAmong(db: Executor, viewer: Viewer, ids: string[]): Promise<Notification[]> {
  if (ids.length === 0) return [];
  const rows = await listNotifications(db, { viewer, unread: true, after: undefined, limit: 100, ids });
  const page = rows.slice(0, 100);
  const actors = await actorsById(db, viewer, [...new Set(page.flatMap((row) => row.actor_ids))]);
  return page.map((row) => presentNotification(row, actors));
}

/** The badge: how many unread notifications the viewer would see listed. */
export async function myUnreadCount(db: Executor, viewer: Viewer): Promise<UnreadCount> {
  return { count: await countUnread(db, viewer) };
}

/** Marks one of the viewer's notifications read; someone else's answers 404 like an unknown one. */
export async function markNotificationRead(db: Db, viewer: Viewer, id: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const own = await findOwnNotification(tx, viewer, id);
    if (!own) throw new AppError("notification_not_found");
    if ((await markRead(tx, { userId: viewer.id, id })) > 0) await tellStream(tx, viewer.id);
  });
}

/** Marks every unread notification of the viewer read. */
export async function markAllNotificationsRead(db: Db, viewer: Viewer): Promise<void> {
  await db.transaction().execute(async (tx) => {
    if ((await markRead(tx, { userId: viewer.id })) > 0) await tellStream(tx, viewer.id);
  });
}

/** Lets the viewer's other tabs and devices update their badge. */
async function tellStream(tx: Executor, userId: string): Promise<void> {
  await appendEvent(tx, { type: "notifications.changed", actorId: userId, subjectId: userId, payload: { userIds: [userId] } });
}

/** The viewer's settings: defaults where never set, and the communities they set otherwise. */
export async function getNotificationSettings(db: Executor, viewer: Viewer): Promise<NotificationSettings> {
  const row = await findSettings(db, viewer.id);
  const communities = await listCommunityLevels(db, viewer);
  return {
    email: row?.email ?? DEFAULTS.email,
    defaultLevel: row?.default_level ?? DEFAULTS.defaultLevel,
    communities: communities.map((community) => ({ communityId: community.id, name: community.name, level: community.level })),
  };
}

/** Changes the viewer's email frequency and/or default level. */
export async function updateNotificationSettings(db: Executor, viewer: Viewer, body: NotificationSettingsUpdate): Promise<NotificationSettings> {
  await upsertSettings(db, { userId: viewer.id, email: body.email, defaultLevel: body.defaultLevel });
  return getNotificationSettings(db, viewer);
}

/**
 * Sets the viewer's level for a community they belong to (null: back to their default). A
 * community they cannot see answers 404 as the communities module does; one they only see, 403.
 */
export async function setMyCommunityLevel(db: Executor, viewer: Viewer, input: { communityId: string; level: NotificationLevel | null }): Promise<NotificationSettings> {
  const row = await visibleCommunityOrThrow(db, viewer, input.communityId);
  if (row.deleted_at) throw new AppError("community_not_found");
  if (roleOf(viewer, factsOf(row)) === null) throw errors.forbidden("Only members choose what a community notifies them of");
  await setCommunityLevel(db, { userId: viewer.id, communityId: input.communityId, level: input.level });
  return getNotificationSettings(db, viewer);
}
