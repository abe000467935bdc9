import type { Community } from "@ruche/contracts";
import { Button, Group, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconArchive, IconArchiveOff, IconTrash } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { api } from "../../api/client.ts";
import { useSession } from "../../api/session.ts";
import { notifyFailure, notifySuccess } from "../../components/notify.tsx";
import { ConfirmModal } from "../admin/ConfirmModal.tsx";
import { useCommunitiesChanged } from "./queries.ts";
import { SettingsSection } from "./SettingsSection.tsx";

type Step = "archive" | "unarchive" | "delete";

function callFor(communityId: string, step: Step): Promise<unknown> {
  return step === "delete" ? api("DELETE", `/communities/${communityId}`) : api("POST", `/communities/${communityId}/${step}`);
}

/** Archive (read-only), unarchive, or delete (owners and admins; admins may restore it for 30 days). */
export function LifecycleSection({ community }: { community: Community }) {
  const { t } = useTranslation("communities");
  const navigate = useNavigate();
  const communitiesChanged = useCommunitiesChanged();
  const admin = useSession().data?.user.role === "admin";
  const mayDelete = admin || community.myRole === "owner";
  const [archiving, archive] = useDisclosure(false);
  const [deleting, remove] = useDisclosure(false);
  const messages: Record<Step, string> = {
    archive: t("lifecycle.archived", { name: community.name }),
    unarchive: t("lifecycle.unarchived", { name: community.name }),
    delete: t("lifecycle.deleted", { name: community.name }),
  };
  const change = useMutation({
    mutationFn: (step: Step) => callFor(community.id, step),
    onSuccess: async (_result, step) => {
      notifySuccess(t, messages[step]);
      // A deleted community's page no longer exists: leave it before the lists refresh.
      if (step === "delete") await navigate("/communities");
      await communitiesChanged();
    },
    onError: (error) => notifyFailure(t, t("lifecycle.failed", { name: community.name }), error),
    onSettled: () => {
      archive.close();
      remove.close();
    },
  });
  const busy = (step: Step) => change.isPending && change.variables === step;
  return (
    <SettingsSection id="lifecycle-heading" title={t("lifecycle.title")}>
      <Text size="sm">{community.archivedAt ? t("lifecycle.archivedHint") : t("lifecycle.archiveHint")}</Text>
      <Group gap="sm">
        {community.archivedAt ? (
          <Button variant="default" leftSection={<IconArchiveOff size={16} aria-hidden />} loading={busy("unarchive")} onClick={() => change.mutate("unarchive")}>
            {t("lifecycle.unarchive")}
          </Button>
        ) : (
          <Button variant="default" leftSection={<IconArchive size={16} aria-hidden />} onClick={archive.open}>
            {t("lifecycle.archive")}
          </Button>
        )}
        {mayDelete ? (
          <Button color="red" variant="outline" leftSection={<IconTrash size={16} aria-hidden />} onClick={remove.open}>
            {t("lifecycle.delete")}
          </Button>
        ) : null}
      </Group>
      <ConfirmModal
        opened={archiving}
        title={t("lifecycle.archiveTitle", { name: community.name })}
        message={t("lifecycle.archiveMessage")}
        confirmLabel={t("lifecycle.archive")}
        loading={busy("archive")}
        onClose={archive.close}
        onConfirm={() => change.mutate("archive")}
      />
      <ConfirmModal
        opened={deleting}
        title={t("lifecycle.deleteTitle", { name: community.name })}
        message={t("lifecycle.deleteMessage")}
        confirmLabel={t("lifecycle.delete")}
        loading={busy("delete")}
        onClose={remove.close}
        onConfirm={() => change.mutate("delete")}
      />
    </SettingsSection>
  );
}
