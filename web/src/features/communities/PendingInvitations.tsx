import type { Community, CommunityInvitation } from "@ruche/contracts";
import { Avatar, Badge, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconX } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { notifyFailure, notifySuccess } from "../../components/notify.tsx";
import { ConfirmModal } from "../admin/ConfirmModal.tsx";
import { EmptyList, ListError, ListSkeleton } from "../admin/ListStates.tsx";
import { LoadMore } from "../admin/LoadMore.tsx";
import { useFormatDate } from "../admin/useFormatDate.ts";
import { PersonLink } from "../people/PersonLink.tsx";
import { CommunityRoleBadge } from "./CommunityBadges.tsx";
import { communityKey, useCommunitiesChanged, usePagedList } from "./queries.ts";

/** Who was invited: their profile when they have an account, else the address written to. */
function Invitee({ invitation }: { invitation: CommunityInvitation }) {
  if (invitation.person) return <PersonLink person={invitation.person} />;
  return (
    <Group gap="sm" wrap="nowrap">
      <Avatar alt="" size="md" color="gray" />
      <Text size="sm" fw={500} style={{ overflowWrap: "anywhere" }}>
        {invitation.email}
      </Text>
    </Group>
  );
}

function InvitationRow({ community, invitation }: { community: Community; invitation: CommunityInvitation }) {
  const { t } = useTranslation("communities");
  const formatDate = useFormatDate();
  const communitiesChanged = useCommunitiesChanged();
  const [confirming, confirm] = useDisclosure(false);
  const who = invitation.person?.displayName ?? invitation.email ?? "";
  const revoke = useMutation({
    mutationFn: () => api("DELETE", `/communities/${community.id}/invitations/${invitation.id}`),
    onSuccess: async () => {
      notifySuccess(t, t("invitations.revoked", { who }));
      await communitiesChanged();
    },
    onError: (error) => notifyFailure(t, t("invitations.revokeFailed", { who }), error),
    onSettled: confirm.close,
  });
  const summary = invitation.invitedBy
    ? t("invitations.invitedBy", { name: invitation.invitedBy.displayName, date: formatDate(invitation.createdAt) })
    : t("invitations.invitedOn", { date: formatDate(invitation.createdAt) });
  return (
    <Paper component="li" withBorder p="sm" radius="md">
      <Group justify="space-between" gap="sm">
        <Stack gap={4} miw={0}>
          <Invitee invitation={invitation} />
          <Group gap="xs">
            <CommunityRoleBadge role={invitation.role} />
            {invitation.guest ? (
              <Badge variant="light" color="grape" tt="none">
                {t("invitations.guest")}
              </Badge>
            ) : null}
            <Text size="xs" c="dimmed">
              {summary}
            </Text>
          </Group>
        </Stack>
        <Button variant="subtle" color="red" size="sm" leftSection={<IconX size={16} aria-hidden />} onClick={confirm.open} aria-label={t("invitations.revokeFor", { who })}>
          {t("invitations.revoke")}
        </Button>
      </Group>
      <ConfirmModal
        opened={confirming}
        title={t("invitations.revokeTitle", { who })}
        message={t("invitations.revokeMessage")}
        confirmLabel={t("invitations.revoke")}
        loading={revoke.isPending}
        onClose={confirm.close}
        onConfirm={() => revoke.mutate()}
      />
    </Paper>
  );
}

/** The invitations that await an answer, which a manager may revoke. */
export function PendingInvitations({ community }: { community: Community }) {
  const { t } = useTranslation("communities");
  const invitations = usePagedList<CommunityInvitation>({ key: [...communityKey(community.id), "invitations"], path: `/communities/${community.id}/invitations` });
  const items = invitations.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack gap="sm" component="section" aria-labelledby="pending-invitations-heading">
      <Title order={2} size="h4" id="pending-invitations-heading">
        {t("invitations.pending")}
      </Title>
      {invitations.isPending ? <ListSkeleton /> : null}
      {invitations.isError ? <ListError error={invitations.error} /> : null}
      {invitations.isSuccess && items.length === 0 ? <EmptyList message={t("invitations.empty")} /> : null}
      {items.length > 0 ? (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: "none" }} aria-labelledby="pending-invitations-heading">
          {items.map((invitation) => (
            <InvitationRow key={invitation.id} community={community} invitation={invitation} />
          ))}
        </Stack>
      ) : null}
      <LoadMore hasMore={invitations.hasNextPage} loading={invitations.isFetchingNextPage} onLoad={() => void invitations.fetchNextPage()} />
    </Stack>
  );
}
