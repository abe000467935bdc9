import type { Notification } from "@ruche/contracts";
import { updateInPages, type CachedPages } from "../stream/feed-cache.ts";

/** A cached list of notifications with one of them read. */
export function markReadInPages(list: CachedPages<Notification> | undefined, id: string): CachedPages<Notification> | undefined {
  return updateInPages(list, id, (notification) => (notification.read ? notification : { ...notification, read: true }));
}

/** A cached list of notifications, all read. */
export function markAllReadInPages(list: CachedPages<Notification> | undefined): CachedPages<Notification> | undefined {
  if (!list?.pages.some((page) => page.items.some((notification) => !notification.read))) return list;
  return { ...list, pages: list.pages.map((page) => ({ ...page, items: page.items.map((notification) => ({ ...notification, read: true })) })) };
}

/** Whether a cached list holds the notification unread (reading it then lowers the count). */
export function isUnreadIn(list: CachedPages<Notification> | undefined, id: string): boolean {
  return list?.pages.some((page) => page.items.some((notification) => notification.id === id && !notification.read)) ?? false;
}
