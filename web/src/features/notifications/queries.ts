import type { CommunityNotificationLevel, Notification, NotificationSettings, NotificationSettingsUpdate, NotificationsPage, UnreadCount } from "@ruche/contracts";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client.ts";
import type { CachedPages } from "../stream/feed-cache.ts";
import { isUnreadIn, markAllReadInPages, markReadInPages } from "./notification-cache.ts";

export const notificationsKey = ["notifications"] as const;
export const unreadCountKey = [...notificationsKey, "unread-count"] as const;
const listsKey = [...notificationsKey, "list"] as const;
export const notificationListKey = (unreadOnly: boolean) => [...listsKey, { unreadOnly }] as const;
export const notificationSettingsKey = [...notificationsKey, "settings"] as const;

const PAGE_SIZE = 20;
// Without the stream the count still catches up now and then; with it, this rarely matters.
const UNREAD_POLL_MS = 120_000;

/** The viewer's unread notifications count, for the bell. */
export function useUnreadCount(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: unreadCountKey,
    queryFn: () => api<UnreadCount>("GET", "/notifications/unread-count"),
    enabled: options.enabled ?? true,
    staleTime: 30_000,
    refetchInterval: UNREAD_POLL_MS,
    retry: false,
  });
}

/** The viewer's notifications, newest first, a page at a time; `unreadOnly` for the unread ones. */
export function useNotifications(unreadOnly: boolean) {
  return useInfiniteQuery({
    queryKey: notificationListKey(unreadOnly),
    queryFn: ({ pageParam }) =>
      api<NotificationsPage>("GET", "/notifications", { query: { cursor: pageParam, limit: PAGE_SIZE, unread: unreadOnly || undefined } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Reading notifications: one (on opening it) or all; the list and the bell follow at once. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  const lists = () => queryClient.getQueriesData<CachedPages<Notification>>({ queryKey: listsKey });
  const setCount = (change: (count: number) => number) =>
    queryClient.setQueryData<UnreadCount>(unreadCountKey, (current) => (current ? { count: Math.max(0, change(current.count)) } : current));
  const settle = () => queryClient.invalidateQueries({ queryKey: notificationsKey });
  const one = useMutation({
    mutationFn: (id: string) => api("POST", `/notifications/${encodeURIComponent(id)}/read`),
    onMutate: (id) => {
      if (lists().some(([, list]) => isUnreadIn(list, id))) setCount((count) => count - 1);
      queryClient.setQueriesData<CachedPages<Notification>>({ queryKey: listsKey }, (list) => markReadInPages(list, id));
    },
    onSettled: settle,
  });
  const all = useMutation({
    mutationFn: () => api("POST", "/notifications/read-all"),
    onMutate: () => {
      setCount(() => 0);
      queryClient.setQueriesData<CachedPages<Notification>>({ queryKey: listsKey }, (list) => markAllReadInPages(list));
    },
    onSettled: settle,
  });
  return { one, all };
}

/** The viewer's notification settings. */
export function useNotificationSettings() {
  return useQuery({ queryKey: notificationSettingsKey, queryFn: () => api<NotificationSettings>("GET", "/me/notification-settings") });
}

/** Changes the email frequency or the default level. */
export function useUpdateNotificationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: NotificationSettingsUpdate) => api<NotificationSettings>("PATCH", "/me/notification-settings", { body: change }),
    onSuccess: (settings) => queryClient.setQueryData(notificationSettingsKey, settings),
  });
}

/** Sets what a community notifies; `null` goes back to the default level. */
export function useCommunityNotificationLevel(communityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (level: CommunityNotificationLevel["level"]) =>
      api<NotificationSettings>("PUT", `/communities/${encodeURIComponent(communityId)}/notification-level`, { body: { level } satisfies CommunityNotificationLevel }),
    onSuccess: (settings) => queryClient.setQueryData(notificationSettingsKey, settings),
    onError: () => queryClient.invalidateQueries({ queryKey: notificationSettingsKey }),
  });
}
