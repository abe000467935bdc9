import type { EmailFrequency, NotificationLevel, NotificationSettings, NotificationSettingsUpdate } from "@ruche/contracts";
import { Alert, Anchor, Paper, Radio, Skeleton, Stack, Text, Title, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { errorMessage } from "../../api/errors.ts";
import { notifyFailure, notifySuccess } from "../../components/notify.tsx";
import { usePageTitle } from "../../components/usePageTitle.ts";
import { useNotificationSettings, useUpdateNotificationSettings } from "./queries.ts";
import { AwayUntilSection } from "../disconnect/AwayUntilSection.tsx";
import { PushSwitch } from "../push/PushSwitch.tsx";

export const emailFrequencies: readonly EmailFrequency[] = ["immediate", "daily", "weekly", "none"];
export const notificationLevels: readonly NotificationLevel[] = ["all", "highlights", "none"];

/** The settings themselves: each choice is saved as soon as it is made. */
function SettingsForm({ settings }: { settings: NotificationSettings }) {
  const { t } = useTranslation("notifications");
  const update = useUpdateNotificationSettings();
  const save = (change: NotificationSettingsUpdate) =>
    update.mutate(change, { onSuccess: () => notifySuccess(t, t("settings.saved")), onError: (error) => notifyFailure(t, t("settings.saveFailed"), error) });
  return (
    <Stack gap="lg">
      <Radio.Group
        label={t("settings.email")}
        description={t("settings.emailDescription")}
        value={update.variables?.email && update.isPending ? update.variables.email : settings.email}
        onChange={(value) => {
          const email = emailFrequencies.find((frequency) => frequency === value);
          if (email) save({ email });
        }}
      >
        <Stack gap="xs" mt="xs">
          {emailFrequencies.map((frequency) => (
            <Radio key={frequency} value={frequency} label={t(`settings.emailOptions.${frequency}`)} />
          ))}
        </Stack>
      </Radio.Group>
      <Radio.Group
        label={t("settings.defaultLevel")}
        description={t("settings.defaultLevelDescription")}
        value={update.variables?.defaultLevel && update.isPending ? update.variables.defaultLevel : settings.defaultLevel}
        onChange={(value) => {
          const defaultLevel = notificationLevels.find((level) => level === value);
          if (defaultLevel) save({ defaultLevel });
        }}
      >
        <Stack gap="xs" mt="xs">
          {notificationLevels.map((level) => (
            <Radio key={level} value={level} label={t(`settings.levels.${level}`)} />
          ))}
        </Stack>
      </Radio.Group>
      <Stack gap="xs" component="section" aria-labelledby="notification-communities-heading">
        <Title order={2} size="h4" id="notification-communities-heading">
          {t("settings.communities")}
        </Title>
        {settings.communities.length === 0 ? (
          <Text c="dimmed">{t("settings.noCommunities")}</Text>
        ) : (
          <Stack component="ul" gap={4} p={0} m={0} style={{ listStyle: "none" }}>
            {settings.communities.map((community) => (
              <li key={community.communityId}>
                <Anchor component={Link} to={`/communities/${encodeURIComponent(community.communityId)}`}>
                  {community.name}
                </Anchor>{" "}
                <Text span c="dimmed">
                  — {t(`settings.levels.${community.level}`)}
                </Text>
              </li>
            ))}
          </Stack>
        )}
      </Stack>
    </Stack>
  );
}

/** `/settings/notifications`: email frequency, the default level, and the communities set otherwise. */
export function NotificationSettingsPage() {
  const { t } = useTranslation("notifications");
  usePageTitle(t("settings.title"));
  const settings = useNotificationSettings();
  return (
    <Stack gap="md" maw={760}>
      <Title order={1}>{t("settings.title")}</Title>
      <Text>{t("settings.intro")}</Text>
      <Paper withBorder radius="md" p="lg">
        {settings.isPending ? (
          <Stack aria-busy="true">
            <VisuallyHidden role="status">{t("common:loading")}</VisuallyHidden>
            <Skeleton height={160} />
          </Stack>
        ) : settings.data ? (
          <SettingsForm settings={settings.data} />
        ) : (
          <Alert color="red" role="alert" title={t("settings.loadFailed")}>
            {errorMessage(settings.error, t)}
          </Alert>
        )}
      </Paper>
      <Paper withBorder radius="md" p="lg">
        <PushSwitch />
      </Paper>
      <AwayUntilSection />
    </Stack>
  );
}
