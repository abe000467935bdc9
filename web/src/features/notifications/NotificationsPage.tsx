import { Alert, Button, Center, Group, Paper, SegmentedControl, Skeleton, Stack, Text, Title, VisuallyHidden } from "@mantine/core";
import { IconChecks, IconSettings } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { errorMessage } from "../../api/errors.ts";
import { notifyFailure, notifySuccess } from "../../components/notify.tsx";
import { usePageTitle } from "../../components/usePageTitle.ts";
import { itemsOf } from "../stream/feed-cache.ts";
import { NotificationItem } from "./NotificationItem.tsx";
import { useMarkRead, useNotifications, useUnreadCount } from "./queries.ts";

function ListSkeleton() {
  const { t } = useTranslation("notifications");
  return (
    <Stack aria-busy="true">
      <VisuallyHidden role="status">{t("common:loading")}</VisuallyHidden>
      {[0, 1, 2, 3].map((row) => (
        <Skeleton key={row} height={64} radius="md" />
      ))}
    </Stack>
  );
}

/** The page's list: each notification leads to what it is about, marked read on the way. */
function NotificationList({ unreadOnly }: { unreadOnly: boolean }) {
  const { t } = useTranslation("notifications");
  const list = useNotifications(unreadOnly);
  const { one } = useMarkRead();
  const items = itemsOf(list.data);
  if (list.isPending) return <ListSkeleton />;
  if (list.isError) {
    return (
      <Alert color="red" role="alert" title={t("page.loadFailed")}>
        {errorMessage(list.error, t)}
      </Alert>
    );
  }
  if (items.length === 0) {
    return (
      <Text c="dimmed" ta="center" py="xl">
        {unreadOnly ? t("page.emptyUnread") : t("page.empty")}
      </Text>
    );
  }
  return (
    <Stack gap="sm">
      <Paper withBorder radius="md" p={4} component="ul" aria-label={t("page.list")} style={{ listStyle: "none", margin: 0 }}>
        {items.map((notification) => (
          <li key={notification.id}>
            <NotificationItem
              notification={notification}
              onOpen={() => {
                if (!notification.read) one.mutate(notification.id, { onError: (error) => notifyFailure(t, t("page.markFailed"), error) });
              }}
            />
          </li>
        ))}
      </Paper>
      {list.hasNextPage ? (
        <Center>
          <Button variant="default" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {t("common:loadMore")}
          </Button>
        </Center>
      ) : null}
    </Stack>
  );
}

/** `/notifications`: everything that concerns the viewer, newest first, with "mark all as read". */
export function NotificationsPage() {
  const { t } = useTranslation("notifications");
  usePageTitle(t("page.title"));
  const [filter, setFilter] = useState<"all" | "unread">("all");
  const unread = useUnreadCount().data?.count ?? 0;
  const { all } = useMarkRead();
  return (
    <Stack gap="md" maw={760}>
      <Group justify="space-between" align="center" gap="sm">
        <Title order={1}>{t("page.title")}</Title>
        <Group gap="xs">
          <Button
            variant="default"
            leftSection={<IconChecks size={16} aria-hidden />}
            disabled={unread === 0}
            loading={all.isPending}
            onClick={() =>
              all.mutate(undefined, {
                onSuccess: () => notifySuccess(t, t("page.allRead")),
                onError: (error) => notifyFailure(t, t("page.markAllRead"), error),
              })
            }
          >
            {t("page.markAllRead")}
          </Button>
          <Button component={Link} to="/settings/notifications" variant="subtle" leftSection={<IconSettings size={16} aria-hidden />}>
            {t("settings.link")}
          </Button>
        </Group>
      </Group>
      <SegmentedControl
        aria-label={t("page.filter")}
        value={filter}
        onChange={(value) => setFilter(value === "unread" ? "unread" : "all")}
        data={[
          { value: "all", label: t("page.all") },
          { value: "unread", label: t("page.unreadOnly") },
        ]}
        w="fit-content"
      />
      <NotificationList unreadOnly={filter === "unread"} />
    </Stack>
  );
}
