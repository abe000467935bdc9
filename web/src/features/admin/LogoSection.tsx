import type { Organisation } from "@ruche/contracts";
import { Alert, Button, Center, FileButton, Group, Image, Paper, Stack, Text, Title } from "@mantine/core";
import { IconPhotoOff, IconTrash, IconUpload } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { errorMessage } from "../../api/errors.ts";
import { organisationKey } from "../../api/session.ts";
import { notifySuccess } from "../../components/notify.tsx";

const accepted = "image/png,image/jpeg,image/webp,image/gif";

function uploadLogo(file: File): Promise<Organisation> {
  const form = new FormData();
  form.append("file", file);
  return api<Organisation>("PUT", "/organisation/logo", { form });
}

/** The organisation's logo: a preview, an upload button and a remove button. */
export function LogoSection({ organisation }: { organisation: Organisation }) {
  const { t } = useTranslation("admin");
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const saved = (updated: Organisation, message: string) => {
    queryClient.setQueryData(organisationKey, updated);
    void queryClient.invalidateQueries({ queryKey: organisationKey });
    notifySuccess(t, message);
  };
  const upload = useMutation({ mutationFn: uploadLogo, onSuccess: (updated) => saved(updated, t("organisation.logoUploaded")), onError: (e) => setError(errorMessage(e, t)) });
  const remove = useMutation({
    mutationFn: () => api<Organisation>("DELETE", "/organisation/logo"),
    onSuccess: (updated) => saved(updated, t("organisation.logoRemoved")),
    onError: (e) => setError(errorMessage(e, t)),
  });
  const choose = (file: File | null) => {
    setError(null);
    if (file) upload.mutate(file);
  };

  return (
    <Paper withBorder p={{ base: "md", sm: "lg" }} radius="md" component="section" aria-labelledby="logo-heading">
      <Stack>
        <Title order={2} size="h4" id="logo-heading">
          {t("organisation.logo")}
        </Title>
        {error ? (
          <Alert color="red" role="alert" title={t("organisation.logoFailed")}>
            {error}
          </Alert>
        ) : null}
        <Center h={96} bg="var(--mantine-color-gray-0)" style={{ borderRadius: "var(--mantine-radius-md)" }}>
          {organisation.logoUrl ? (
            <Image src={organisation.logoUrl} alt={t("organisation.logoAlt", { name: organisation.name })} mah={80} w="auto" fit="contain" />
          ) : (
            <Group gap="xs" c="dimmed">
              <IconPhotoOff size={20} aria-hidden />
              <Text size="sm">{t("organisation.noLogo")}</Text>
            </Group>
          )}
        </Center>
        <Text size="sm" c="dimmed">
          {t("organisation.logoHint")}
        </Text>
        <Group gap="sm">
          <FileButton onChange={choose} accept={accepted}>
            {(props) => (
              <Button {...props} leftSection={<IconUpload size={16} aria-hidden />} loading={upload.isPending} variant="default">
                {organisation.logoUrl ? t("organisation.replaceLogo") : t("organisation.uploadLogo")}
              </Button>
            )}
          </FileButton>
          {organisation.logoUrl ? (
            <Button variant="subtle" color="red" leftSection={<IconTrash size={16} aria-hidden />} loading={remove.isPending} onClick={() => remove.mutate()}>
              {t("organisation.removeLogo")}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Paper>
  );
}
