import type { Community, NotificationLevel } from "@ruche/contracts";
import { NativeSelect } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { notifyFailure, notifySuccess } from "../../components/notify.tsx";
import { notificationLevels } from "./NotificationSettingsPage.tsx";
import { useCommunityNotificationLevel, useNotificationSettings } from "./queries.ts";

const DEFAULT = "default";

/**
 * A member's choice of what this community notifies: every post, highlights, nothing, or the
 * default level from their settings. Hidden until the settings load (and when they cannot).
 */
export function CommunityNotificationLevel({ community }: { community: Community }) {
  const { t } = useTranslation("notifications");
  const settings = useNotificationSettings();
  const change = useCommunityNotificationLevel(community.id);
  if (community.myRole === null || !settings.data) return null;
  const own = settings.data.communities.find((entry) => entry.communityId === community.id)?.level;
  const pending = change.isPending ? (change.variables ?? DEFAULT) : undefined;
  const value = pending ?? own ?? DEFAULT;
  const options = [
    { value: DEFAULT, label: t("community.default", { level: t(`settings.levels.${settings.data.defaultLevel}`) }) },
    ...notificationLevels.map((level) => ({ value: level, label: t(`settings.levels.${level}`) })),
  ];
  return (
    <NativeSelect
      label={t("community.label")}
      data={options}
      value={value}
      disabled={change.isPending}
      maw={320}
      size="sm"
      onChange={(event) => {
        const level: NotificationLevel | null = notificationLevels.find((candidate) => candidate === event.currentTarget.value) ?? null;
        change.mutate(level, { onSuccess: () => notifySuccess(t, t("community.saved")), onError: (error) => notifyFailure(t, t("community.saveFailed"), error) });
      }}
    />
  );
}
