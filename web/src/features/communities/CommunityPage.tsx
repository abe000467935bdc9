import { Alert, Group, Skeleton, Stack, Title, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router-dom";
import { errorMessage } from "../../api/errors.ts";
import { usePageTitle } from "../../components/usePageTitle.ts";
import { NotFoundPage } from "../../routes/NotFoundPage.tsx";
import { communityTabs, tabFromSegment } from "./community-tabs.ts";
import { CommunityHeader } from "./CommunityHeader.tsx";
import { CommunityNotices } from "./CommunityNotices.tsx";
import { CommunityTabs } from "./CommunityTabs.tsx";
import { isMissing, useCommunity } from "./queries.ts";

function CommunitySkeleton() {
  const { t } = useTranslation("communities");
  return (
    <Stack aria-busy="true" maw={1100}>
      <VisuallyHidden role="status">{t("common:loading")}</VisuallyHidden>
      <Skeleton height={32} width="40%" />
      <Group>
        <Skeleton height={20} width={90} />
        <Skeleton height={20} width={90} />
      </Group>
      <Skeleton height={240} />
    </Stack>
  );
}

/**
 * `/communities/:id` and its tabs (`/communities/:id/members`...). A hidden, foreign or missing
 * community, like an unknown tab or one the viewer may not open, is the app's "page not found".
 */
export function CommunityPage() {
  const { t } = useTranslation("communities");
  const navigate = useNavigate();
  const { id = "", tab: segment } = useParams();
  const community = useCommunity(id);
  const tabs = community.data ? communityTabs(community.data) : [];
  const tab = tabFromSegment(segment, tabs);
  const missing = tab === null || isMissing(community.error) || (community.data !== undefined && !tabs.includes(tab));
  usePageTitle(missing ? t("common:notFound.title") : (community.data?.name ?? ""));

  if (tab === null) return <NotFoundPage />;
  if (community.isPending) return <CommunitySkeleton />;
  if (missing) return <NotFoundPage />;
  if (!community.data) {
    return (
      <Stack>
        <Title order={1}>{t("page.title")}</Title>
        <Alert color="red" role="alert">
          {errorMessage(community.error, t)}
        </Alert>
      </Stack>
    );
  }
  return (
    <Stack gap="lg" maw={1100}>
      <CommunityHeader community={community.data} onHidden={() => navigate("/communities")} />
      <CommunityNotices community={community.data} tab={tab} />
      <CommunityTabs community={community.data} tabs={tabs} current={tab} />
    </Stack>
  );
}
