import type { Community } from "@ruche/contracts";
import { Alert, Button, Center, FileButton, Group, Image, Text } from "@mantine/core";
import { IconPhotoOff, IconTrash, IconUpload } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { errorMessage } from "../../api/errors.ts";
import { notifySuccess } from "../../components/notify.tsx";
import { useCommunitiesChanged } from "./queries.ts";
import { SettingsSection } from "./SettingsSection.tsx";

const accepted = "image/png,image/jpeg,image/webp,image/gif";

function uploadCover(communityId: string, file: File): Promise<unknown> {
  const form = new FormData();
  form.append("file", file);
  return api("PUT", `/communities/${communityId}/cover`, { form });
}

/** The community's cover image: a preview, an upload button and a remove button. */
export function CoverEditor({ community }: { community: Community }) {
  const { t } = useTranslation("communities");
  const communitiesChanged = useCommunitiesChanged();
  const [error, setError] = useState<string | null>(null);
  const done = (message: string) => async () => {
    setError(null);
    notifySuccess(t, message);
    await communitiesChanged();
  };
  const upload = useMutation({ mutationFn: (file: File) => uploadCover(community.id, file), onSuccess: done(t("cover.uploaded")), onError: (e) => setError(errorMessage(e, t)) });
  const remove = useMutation({
    mutationFn: () => api("DELETE", `/communities/${community.id}/cover`),
    onSuccess: done(t("cover.removed")),
    onError: (e) => setError(errorMessage(e, t)),
  });
  const choose = (file: File | null) => {
    setError(null);
    if (file) upload.mutate(file);
  };
  return (
    <SettingsSection id="cover-heading" title={t("cover.title")}>
      {error ? (
        <Alert color="red" role="alert" title={t("cover.failed")} withCloseButton closeButtonLabel={t("common:close")} onClose={() => setError(null)}>
          {error}
        </Alert>
      ) : null}
      {community.coverUrl ? (
        <Image src={community.coverUrl} alt={t("cover.alt", { name: community.name })} h={140} fit="cover" radius="md" />
      ) : (
        <Center h={96} bg="var(--mantine-color-gray-0)" style={{ borderRadius: "var(--mantine-radius-md)" }}>
          <Group gap="xs" c="dimmed">
            <IconPhotoOff size={20} aria-hidden />
            <Text size="sm">{t("cover.none")}</Text>
          </Group>
        </Center>
      )}
      <Text size="sm" c="dimmed">
        {t("cover.hint")}
      </Text>
      <Group gap="sm">
        <FileButton onChange={choose} accept={accepted}>
          {(props) => (
            <Button {...props} variant="default" leftSection={<IconUpload size={16} aria-hidden />} loading={upload.isPending}>
              {community.coverUrl ? t("cover.replace") : t("cover.upload")}
            </Button>
          )}
        </FileButton>
        {community.coverUrl ? (
          <Button variant="subtle" color="red" leftSection={<IconTrash size={16} aria-hidden />} loading={remove.isPending} onClick={() => remove.mutate()}>
            {t("cover.remove")}
          </Button>
        ) : null}
      </Group>
    </SettingsSection>
  );
}
