import type { Me } from "@ruche/contracts";
import { Alert, Avatar, Button, FileButton, Group, Stack, Text } from "@mantine/core";
import { IconTrash, IconUpload } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { errorMessage } from "../../api/errors.ts";
import { notifySuccess } from "../../components/notify.tsx";
import { useProfileChanged } from "./queries.ts";

const ACCEPTED_TYPES = "image/png,image/jpeg,image/webp,image/gif";

/** The signed-in person's photo: upload a new one or remove it; the header follows at once. */
export function AvatarEditor({ me }: { me: Me }) {
  const { t } = useTranslation("people");
  const profileChanged = useProfileChanged();
  const resetFile = useRef<() => void>(null);
  const [error, setError] = useState<string | null>(null);
  const done = (message: string) => async (updated: Me) => {
    setError(null);
    await profileChanged(updated);
    notifySuccess(t, message);
  };
  const upload = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append("file", file);
      return api<Me>("PUT", "/me/avatar", { form });
    },
    onSuccess: done(t("avatar.uploaded")),
    onError: (failure) => setError(errorMessage(failure, t)),
    onSettled: () => resetFile.current?.(),
  });
  const remove = useMutation({
    mutationFn: () => api<Me>("DELETE", "/me/avatar"),
    onSuccess: done(t("avatar.removed")),
    onError: (failure) => setError(errorMessage(failure, t)),
  });

  return (
    <Stack gap="sm">
      <Group gap="lg" wrap="nowrap" align="center">
        <Avatar src={me.avatarUrl} alt={t("avatar.alt", { name: me.displayName })} name={me.displayName} color="initials" size={96} />
        <Stack gap="xs" align="flex-start">
          <Group gap="xs">
            <FileButton accept={ACCEPTED_TYPES} resetRef={resetFile} onChange={(file) => file && upload.mutate(file)}>
              {(props) => (
                <Button {...props} variant="light" leftSection={<IconUpload size={16} aria-hidden />} loading={upload.isPending}>
                  {me.avatarUrl ? t("avatar.change") : t("avatar.upload")}
                </Button>
              )}
            </FileButton>
            {me.avatarUrl ? (
              <Button variant="default" leftSection={<IconTrash size={16} aria-hidden />} loading={remove.isPending} onClick={() => remove.mutate()}>
                {t("avatar.remove")}
              </Button>
            ) : null}
          </Group>
          <Text size="xs" c="dimmed">
            {t("avatar.hint")}
          </Text>
        </Stack>
      </Group>
      {error ? (
        <Alert color="red" role="alert" title={t("avatar.failed")} withCloseButton closeButtonLabel={t("common:close")} onClose={() => setError(null)}>
          {error}
        </Alert>
      ) : null}
    </Stack>
  );
}
