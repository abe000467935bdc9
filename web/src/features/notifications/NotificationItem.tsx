import type { Notification } from "@ruche/contracts";
import { Avatar, Badge, Group, Stack, Text, UnstyledButton } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { TimeAgo } from "../stream/TimeAgo.tsx";
import { notificationTarget, notificationText } from "./notification-text.ts";
import "./notifications.css";

/**
 * One notification: who, what, where, when; a link to what it is about (`onOpen` marks it read).
 * Unread ones carry a badge and bold text as well as a tint: the state never rests on colour alone.
 */
export function NotificationItem({ notification, onOpen }: { notification: Notification; onOpen: () => void }) {
  const { t } = useTranslation("notifications");
  const actor = notification.actors[0];
  const excerpt = notification.comment?.excerpt ?? notification.post?.excerpt;
  const target = notificationTarget(notification);
  const body = (
    <Group align="flex-start" wrap="nowrap" gap="sm">
      <Avatar src={actor?.avatarUrl ?? null} alt="" name={actor?.displayName} color="initials" />
      <Stack gap={2} miw={0} style={{ flex: 1 }}>
        <Text size="sm" fw={notification.read ? 400 : 700}>
          {notificationText(notification, t)}
        </Text>
        {excerpt ? (
          <Text size="sm" c="dimmed" lineClamp={2}>
            {excerpt}
          </Text>
        ) : null}
        {notification.reason ? <Text size="sm">{t("reason", { reason: notification.reason })}</Text> : null}
        <Text size="xs" c="dimmed">
          <TimeAgo timestamp={notification.updatedAt} />
        </Text>
      </Stack>
      {notification.read ? null : (
        <Badge size="sm" variant="filled" color="blue">
          {t("page.unread")}
        </Badge>
      )}
    </Group>
  );
  const look = { display: "block", w: "100%", p: "sm", className: "notification-item", "data-unread": notification.read ? undefined : true } as const;
  // A link where it leads somewhere (it opens in a new tab too), else a button that marks it read.
  return target ? (
    <UnstyledButton component={Link} to={target} onClick={onOpen} {...look}>
      {body}
    </UnstyledButton>
  ) : (
    <UnstyledButton onClick={onOpen} {...look}>
      {body}
    </UnstyledButton>
  );
}
