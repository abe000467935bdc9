import type { Community } from "@ruche/contracts";
import { Card, SimpleGrid, Skeleton, Stack, VisuallyHidden } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { CommunityCard } from "./CommunityCard.tsx";

const columns = { base: 1, sm: 2, lg: 3 };
const listStyle = { listStyle: "none", padding: 0, margin: 0 };

/** Communities as a grid of cards; `actionsFor` replaces a card's membership buttons. */
export function CommunityGrid({ communities, label, actionsFor }: { communities: Community[]; label: string; actionsFor?: (community: Community) => ReactNode }) {
  return (
    <SimpleGrid cols={columns} component="ul" style={listStyle} aria-label={label}>
      {communities.map((community) => (
        <CommunityCard key={community.id} community={community} actions={actionsFor?.(community)} />
      ))}
    </SimpleGrid>
  );
}

/** Placeholder cards while a list of communities loads. */
export function LoadingCommunities() {
  const { t } = useTranslation("communities");
  return (
    <SimpleGrid cols={columns} aria-busy="true">
      <VisuallyHidden role="status">{t("common:loading")}</VisuallyHidden>
      {Array.from({ length: 3 }, (_, index) => (
        <Card withBorder key={index}>
          <Stack gap="xs">
            <Skeleton height={16} width="60%" />
            <Skeleton height={12} width="80%" />
            <Skeleton height={12} width="40%" />
          </Stack>
        </Card>
      ))}
    </SimpleGrid>
  );
}
