import type { UnreadCount } from "@ruche/contracts";
import { ActionIcon, Indicator } from "@mantine/core";
import { IconBell } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { communitiesKey } from "../communities/queries.ts";
import { useStreamTopic } from "../realtime/useStreamTopic.ts";
import { feedsKey } from "../stream/queries.ts";
import { notificationsKey, unreadCountKey, useUnreadCount } from "./queries.ts";

/** More than this shows as "99+": the exact number is in the accessible name. */
const SHOWN_MAX = 99;

/**
 * Keeps the viewer's notifications current from the stream: the count the event carries goes
 * straight to the bell, and any open list refetches. The same topic says when the viewer's
 * memberships changed.
 */
function useLiveNotifications(): void {
  const queryClient = useQueryClient();
  useStreamTopic("notifications", (signal) => {
    if (signal.type === "event" && signal.event.name === "membership.changed") {
      // Joined, left or removed elsewhere: what the viewer may see changed.
      void queryClient.invalidateQueries({ queryKey: communitiesKey });
      void queryClient.invalidateQueries({ queryKey: feedsKey });
      return;
    }
    if (signal.type === "event" && signal.event.data.unreadCount !== undefined) {
      queryClient.setQueryData<UnreadCount>(unreadCountKey, { count: signal.event.data.unreadCount });
      void queryClient.invalidateQueries({ queryKey: [...notificationsKey, "list"] });
      return;
    }
    void queryClient.invalidateQueries({ queryKey: notificationsKey });
  });
}

/** The header's bell: leads to the notifications, with the unread count as a badge and in its name. */
export function NotificationBell() {
  const { t } = useTranslation("notifications");
  useLiveNotifications();
  const count = useUnreadCount().data?.count ?? 0;
  const label = count > 0 ? t("bell.unread", { count }) : t("bell.label");
  return (
    <Indicator label={count > SHOWN_MAX ? `${SHOWN_MAX}+` : count} size={18} disabled={count === 0} color="red" offset={6}>
      <ActionIcon component={Link} to="/notifications" variant="subtle" color="gray" size="lg" aria-label={label}>
        <IconBell size={22} aria-hidden />
      </ActionIcon>
    </Indicator>
  );
}
