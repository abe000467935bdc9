import type { Community } from "@ruche/contracts";
import { Group, Image, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { CommunityNotificationLevel } from "../notifications/CommunityNotificationLevel.tsx";
import { CommunityBadges } from "./CommunityBadges.tsx";
import { MembershipActions } from "./MembershipActions.tsx";

/** The top of a community's page: cover, name, badges, size and the viewer's membership buttons. */
export function CommunityHeader({ community, onHidden }: { community: Community; onHidden: () => void | Promise<void> }) {
  const { t } = useTranslation("communities");
  return (
    <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
      {community.coverUrl ? <Image src={community.coverUrl} alt="" h={{ base: 120, sm: 180 }} fit="cover" /> : null}
      <Group p={{ base: "md", sm: "lg" }} justify="space-between" align="flex-start" gap="md">
        <Stack gap="xs" miw={0}>
          <Title order={1} style={{ overflowWrap: "anywhere" }}>
            {community.name}
          </Title>
          <CommunityBadges community={community} />
          {community.memberCount !== null ? (
            <Text size="sm" c="dimmed">
              {t("card.members", { count: community.memberCount })}
            </Text>
          ) : null}
          <CommunityNotificationLevel community={community} />
        </Stack>
        <MembershipActions community={community} withLeave onHidden={onHidden} />
      </Group>
    </Paper>
  );
}
