import type { Community } from "@ruche/contracts";
import { Button, Stack, Text } from "@mantine/core";
import { IconRestore } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { notifyFailure, notifySuccess } from "../../components/notify.tsx";
import { useFormatDate } from "../admin/useFormatDate.ts";
import { useCommunitiesChanged } from "./queries.ts";

/** For admins, on a deleted community's card or page: when it was deleted, and a button to bring it back. */
export function DeletedCommunityActions({ community }: { community: Community }) {
  const { t } = useTranslation("communities");
  const formatDate = useFormatDate();
  const communitiesChanged = useCommunitiesChanged();
  const restore = useMutation({
    mutationFn: () => api<Community>("POST", `/communities/${community.id}/restore`),
    onSuccess: async () => {
      notifySuccess(t, t("deleted.restored", { name: community.name }));
      await communitiesChanged();
    },
    onError: (error) => notifyFailure(t, t("deleted.restoreFailed", { name: community.name }), error),
  });
  return (
    <Stack gap="xs" align="flex-start">
      {community.deletedAt ? (
        <Text size="sm">{t("deleted.on", { date: formatDate(community.deletedAt) })}</Text>
      ) : null}
      <Button variant="default" leftSection={<IconRestore size={16} aria-hidden />} loading={restore.isPending} onClick={() => restore.mutate()}>
        {t("deleted.restore")}
      </Button>
    </Stack>
  );
}
