import { Stack, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { CommunityGrid } from "./CommunityGrid.tsx";
import { useSuggestedCommunities } from "./queries.ts";

/** Communities the viewer might join, above the plain directory; nothing at all when there are none. */
export function SuggestedCommunities() {
  const { t } = useTranslation("communities");
  const suggested = useSuggestedCommunities();
  const communities = suggested.data?.items ?? [];
  if (communities.length === 0) return null;
  return (
    <Stack gap="sm" component="section" aria-labelledby="suggested-heading">
      <Title order={2} size="h3" id="suggested-heading">
        {t("directory.suggested")}
      </Title>
      <CommunityGrid communities={communities} label={t("directory.suggested")} />
    </Stack>
  );
}
