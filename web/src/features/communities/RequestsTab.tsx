import type { Community, JoinRequest } from "@ruche/contracts";
import { Blockquote, Button, Group, Paper, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconCheck, IconX } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { notifyFailure, notifySuccess } from "../../components/notify.tsx";
import { EmptyList, ListError, ListSkeleton } from "../admin/ListStates.tsx";
import { LoadMore } from "../admin/LoadMore.tsx";
import { useFormatDate } from "../admin/useFormatDate.ts";
import { PersonLink } from "../people/PersonLink.tsx";
import { useCommunitiesChanged, useJoinRequests } from "./queries.ts";
import { RefuseRequestModal } from "./RefuseRequestModal.tsx";

type Decision = { kind: "approve" } | { kind: "refuse"; reason: string | null };

/** Approves or refuses one request; the outcome is notified and the lists refreshed. */
function useDecision(community: Community, request: JoinRequest) {
  const { t } = useTranslation("communities");
  const communitiesChanged = useCommunitiesChanged();
  const name = request.person.displayName;
  const base = `/communities/${community.id}/requests/${request.id}`;
  return useMutation({
    mutationFn: (decision: Decision) => (decision.kind === "approve" ? api("POST", `${base}/approve`) : api("POST", `${base}/refuse`, { body: { reason: decision.reason } })),
    onSuccess: async (_result, decision) => {
      notifySuccess(t, decision.kind === "approve" ? t("requests.approved", { name }) : t("requests.refused", { name }));
      await communitiesChanged();
    },
    onError: (error) => notifyFailure(t, t("requests.failed", { name }), error),
  });
}

function RequestRow({ community, request }: { community: Community; request: JoinRequest }) {
  const { t } = useTranslation("communities");
  const formatDate = useFormatDate();
  const decide = useDecision(community, request);
  const [refusing, refuse] = useDisclosure(false);
  const busy = (kind: Decision["kind"]) => decide.isPending && decide.variables.kind === kind;
  return (
    <Paper component="li" withBorder p="sm" radius="md">
      <Stack gap="xs">
        <Group justify="space-between" gap="sm">
          <PersonLink person={request.person} />
          <Text size="xs" c="dimmed">
            {t("requests.sent", { date: formatDate(request.createdAt) })}
          </Text>
        </Group>
        {request.message ? (
          <Blockquote p="sm" color="gray" style={{ whiteSpace: "pre-line" }}>
            {request.message}
          </Blockquote>
        ) : null}
        <Group gap="xs">
          <Button size="sm" leftSection={<IconCheck size={16} aria-hidden />} loading={busy("approve")} onClick={() => decide.mutate({ kind: "approve" })}>
            {t("requests.approve")}
          </Button>
          <Button size="sm" variant="default" leftSection={<IconX size={16} aria-hidden />} onClick={refuse.open}>
            {t("requests.refuse")}
          </Button>
        </Group>
      </Stack>
      <RefuseRequestModal
        name={request.person.displayName}
        opened={refusing}
        loading={busy("refuse")}
        onClose={refuse.close}
        onRefuse={(reason) => decide.mutate({ kind: "refuse", reason }, { onSuccess: refuse.close })}
      />
    </Paper>
  );
}

/** The "requests" tab of a closed community: pending requests to join, oldest first, to approve or refuse. */
export function RequestsTab({ community }: { community: Community }) {
  const { t } = useTranslation("communities");
  const requests = useJoinRequests(community.id);
  const items = requests.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack gap="md">
      {requests.isPending ? <ListSkeleton /> : null}
      {requests.isError ? <ListError error={requests.error} /> : null}
      {requests.isSuccess && items.length === 0 ? <EmptyList message={t("requests.empty")} /> : null}
      {items.length > 0 ? (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: "none" }} aria-label={t("tabs.requests")}>
          {items.map((request) => (
            <RequestRow key={request.id} community={community} request={request} />
          ))}
        </Stack>
      ) : null}
      <LoadMore hasMore={requests.hasNextPage} loading={requests.isFetchingNextPage} onLoad={() => void requests.fetchNextPage()} />
    </Stack>
  );
}
