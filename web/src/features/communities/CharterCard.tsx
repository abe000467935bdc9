import type { Community, CommunityCharter } from "@ruche/contracts";
import { Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconCircleCheck } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { notifyFailure, notifySuccess } from "../../components/notify.tsx";
import { useFormatDate } from "../admin/useFormatDate.ts";
import { useCommunitiesChanged } from "./queries.ts";

/** The charter in force, and for a member who has not accepted it yet, the button that does. */
export function CharterCard({ community, charter }: { community: Community; charter: CommunityCharter }) {
  const { t } = useTranslation("communities");
  const formatDate = useFormatDate();
  const communitiesChanged = useCommunitiesChanged();
  // The version read is sent back: if a manager changed the charter meanwhile, the API says so.
  const accept = useMutation({
    mutationFn: () => api("POST", `/communities/${community.id}/charter/accept`, { body: { version: charter.version } }),
    onSuccess: async () => {
      notifySuccess(t, t("charter.accepted"));
      await communitiesChanged();
    },
    onError: async (error) => {
      notifyFailure(t, t("charter.acceptFailed"), error);
      await communitiesChanged();
    },
  });
  const member = community.myRole !== null;
  return (
    <Paper withBorder p={{ base: "md", sm: "lg" }} component="section" aria-labelledby="charter-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="charter-heading">
          {t("charter.title")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("charter.version", { version: charter.version, date: formatDate(charter.createdAt) })}
          {charter.required ? ` · ${t("charter.requiredNote")}` : ""}
        </Text>
        <Text style={{ whiteSpace: "pre-line" }}>{charter.text}</Text>
        {member && charter.acceptedAt ? (
          <Group gap="xs" c="teal.9">
            <IconCircleCheck size={18} aria-hidden />
            <Text size="sm">{t("charter.acceptedOn", { date: formatDate(charter.acceptedAt) })}</Text>
          </Group>
        ) : null}
        {member && charter.required && !charter.acceptedAt && !community.archivedAt ? (
          <Group>
            <Button leftSection={<IconCircleCheck size={16} aria-hidden />} loading={accept.isPending} onClick={() => accept.mutate()}>
              {t("charter.accept")}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}
