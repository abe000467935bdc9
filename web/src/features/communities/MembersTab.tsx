import type { Community, CommunityMember } from "@ruche/contracts";
import { Group, Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSession } from "../../api/session.ts";
import { EmptyList, ListError, ListSkeleton } from "../admin/ListStates.tsx";
import { LoadMore } from "../admin/LoadMore.tsx";
import { useFormatDate } from "../admin/useFormatDate.ts";
import { PersonLink } from "../people/PersonLink.tsx";
import { CommunityRoleBadge } from "./CommunityBadges.tsx";
import { memberActions } from "./member-actions.ts";
import { MemberActionsMenu } from "./MemberActionsMenu.tsx";
import { communityKey, usePagedList } from "./queries.ts";

/** Their role, since when they belong and, for managers when a charter is in force, whether they accepted it. */
function MemberDetails({ community, member }: { community: Community; member: CommunityMember }) {
  const { t } = useTranslation("communities");
  const formatDate = useFormatDate();
  const details = [member.joinedAt ? t("members.joined", { date: formatDate(member.joinedAt) }) : t("members.implicit")];
  if (community.canManage && community.charter) {
    details.push(member.charterAcceptedAt ? t("members.charterAccepted", { date: formatDate(member.charterAcceptedAt) }) : t("members.charterNotAccepted"));
  }
  return (
    <Group gap="xs">
      <CommunityRoleBadge role={member.role} />
      <Text size="xs" c="dimmed">
        {details.join(" · ")}
      </Text>
    </Group>
  );
}

function MemberRow({ community, member }: { community: Community; member: CommunityMember }) {
  const viewer = useSession().data?.user;
  const actions = viewer ? memberActions({ member, community, viewer }) : [];
  return (
    <Paper component="li" withBorder p="sm" radius="md">
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Stack gap={4} miw={0}>
          <PersonLink person={member.person} />
          <MemberDetails community={community} member={member} />
        </Stack>
        {actions.length > 0 ? <MemberActionsMenu community={community} member={member} actions={actions} /> : null}
      </Group>
    </Paper>
  );
}

/** The "members" tab: everyone in the community with their role; managers get a menu on each. */
export function MembersTab({ community }: { community: Community }) {
  const { t } = useTranslation("communities");
  const members = usePagedList<CommunityMember>({ key: [...communityKey(community.id), "members"], path: `/communities/${community.id}/members` });
  const items = members.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack gap="md">
      {members.isPending ? <ListSkeleton /> : null}
      {members.isError ? <ListError error={members.error} /> : null}
      {members.isSuccess && items.length === 0 ? <EmptyList message={t("members.empty")} /> : null}
      {items.length > 0 ? (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: "none" }} aria-label={t("tabs.members")}>
          {items.map((member) => (
            <MemberRow key={member.person.id} community={community} member={member} />
          ))}
        </Stack>
      ) : null}
      <LoadMore hasMore={members.hasNextPage} loading={members.isFetchingNextPage} onLoad={() => void members.fetchNextPage()} />
    </Stack>
  );
}
