import type { Community } from "@ruche/contracts";
import { Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { CharterCard } from "./CharterCard.tsx";
import { formatDay } from "./dates.ts";
import { useCommunityLabels } from "./labels.ts";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0}>
        {children}
      </Text>
    </div>
  );
}

/** Who may post and, for projects, when it runs: only for those who may read the community. */
function CommunityFacts({ community }: { community: Community }) {
  const { t, i18n } = useTranslation("communities");
  const labels = useCommunityLabels();
  return (
    <SimpleGrid component="dl" cols={{ base: 1, sm: 3 }} m={0}>
      <Fact label={t("about.postingPolicy")}>{labels.postingPolicy[community.postingPolicy]}</Fact>
      {community.kind === "project" && community.startsOn ? <Fact label={t("about.startsOn")}>{formatDay(community.startsOn, i18n.language)}</Fact> : null}
      {community.kind === "project" && community.endsOn ? <Fact label={t("about.endsOn")}>{formatDay(community.endsOn, i18n.language)}</Fact> : null}
    </SimpleGrid>
  );
}

/** The "about" tab: the description for anyone who sees the community; the details and charter for those who may read it. */
export function AboutTab({ community }: { community: Community }) {
  const { t } = useTranslation("communities");
  const reader = community.memberCount !== null;
  return (
    <Stack gap="lg">
      <Paper withBorder p={{ base: "md", sm: "lg" }} component="section" aria-labelledby="about-heading">
        <Stack gap="md">
          <Title order={2} size="h4" id="about-heading">
            {t("about.title")}
          </Title>
          {community.description ? (
            <Text style={{ whiteSpace: "pre-line" }}>{community.description}</Text>
          ) : (
            <Text c="dimmed">{t("about.noDescription")}</Text>
          )}
          {reader ? <CommunityFacts community={community} /> : null}
        </Stack>
      </Paper>
      {community.charter ? <CharterCard community={community} charter={community.charter} /> : null}
    </Stack>
  );
}
