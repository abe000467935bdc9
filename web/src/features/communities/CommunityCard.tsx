import type { Community } from "@ruche/contracts";
import { Anchor, Card, Image, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { CommunityBadges } from "./CommunityBadges.tsx";
import { MembershipActions } from "./MembershipActions.tsx";

interface CommunityCardProps {
  community: Community;
  /** Replaces the membership buttons (the deleted list offers "restore" instead). */
  actions?: ReactNode;
}

/** A community in a list: cover, name (a link to its page), badges, an excerpt, its size and the viewer's next step. */
export function CommunityCard({ community, actions }: CommunityCardProps) {
  const { t } = useTranslation("communities");
  return (
    <Card withBorder padding="md" component="li">
      {community.coverUrl ? (
        <Card.Section mb="sm">
          <Image src={community.coverUrl} alt="" h={96} fit="cover" />
        </Card.Section>
      ) : null}
      <Stack gap="xs" h="100%">
        <Title order={3} size="h5">
          <Anchor component={Link} to={`/communities/${community.id}`} inherit>
            {community.name}
          </Anchor>
        </Title>
        <CommunityBadges community={community} />
        {community.description ? (
          <Text size="sm" lineClamp={3}>
            {community.description}
          </Text>
        ) : null}
        {community.memberCount !== null ? (
          <Text size="sm" c="dimmed">
            {t("card.members", { count: community.memberCount })}
          </Text>
        ) : null}
        <Stack mt="auto" pt="xs" align="flex-start">
          {actions ?? <MembershipActions community={community} />}
        </Stack>
      </Stack>
    </Card>
  );
}
