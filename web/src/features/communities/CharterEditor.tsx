import type { Community } from "@ruche/contracts";
import { Alert, Button, Checkbox, Group, Stack, Text, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDisclosure } from "@mantine/hooks";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { applyApiError } from "../../api/errors.ts";
import { notifyFailure, notifySuccess } from "../../components/notify.tsx";
import { ConfirmModal } from "../admin/ConfirmModal.tsx";
import { useCommunitiesChanged } from "./queries.ts";
import { SettingsSection } from "./SettingsSection.tsx";

interface CharterValues {
  text: string;
  required: boolean;
}

/**
 * Writes the community's charter. Each save is a new version, which members who must accept it
 * accept again; the page gives this editor a `key` per version, so it starts from the saved text.
 */
export function CharterEditor({ community }: { community: Community }) {
  const { t } = useTranslation("communities");
  const communitiesChanged = useCommunitiesChanged();
  const charter = community.charter;
  const [formError, setFormError] = useState<string | null>(null);
  const [removing, remove] = useDisclosure(false);
  const form = useForm<CharterValues>({
    initialValues: { text: charter?.text ?? "", required: charter?.required ?? false },
    validate: { text: (value) => (value.trim() ? null : t("common:validation.required")) },
  });
  const save = useMutation({
    mutationFn: (values: CharterValues) => api("PUT", `/communities/${community.id}/charter`, { body: values }),
    onSuccess: async () => {
      notifySuccess(t, t("charterEditor.saved"));
      await communitiesChanged();
    },
    onError: (error) => setFormError(applyApiError(form, error, t, ["text", "required"])),
  });
  const removal = useMutation({
    mutationFn: () => api("DELETE", `/communities/${community.id}/charter`),
    onSuccess: async () => {
      notifySuccess(t, t("charterEditor.removed"));
      await communitiesChanged();
    },
    onError: (error) => notifyFailure(t, t("charterEditor.removeFailed"), error),
    onSettled: remove.close,
  });
  return (
    <SettingsSection id="charter-editor-heading" title={t("charterEditor.title")}>
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setFormError(null);
          save.mutate(values);
        })}
      >
        <Stack>
          <Text size="sm">{charter ? t("charterEditor.current", { version: charter.version }) : t("charterEditor.none")}</Text>
          {formError ? (
            <Alert color="red" role="alert" title={t("charterEditor.failed")}>
              {formError}
            </Alert>
          ) : null}
          <Textarea label={t("charterEditor.text")} description={t("charterEditor.versionHint")} autosize minRows={5} maxRows={20} maxLength={20000} {...form.getInputProps("text")} />
          <Checkbox label={t("charterEditor.required")} description={t("charterEditor.requiredHint")} {...form.getInputProps("required", { type: "checkbox" })} />
          <Group justify="flex-end">
            {charter ? (
              <Button variant="subtle" color="red" onClick={remove.open}>
                {t("charterEditor.remove")}
              </Button>
            ) : null}
            <Button type="submit" loading={save.isPending}>
              {charter ? t("charterEditor.saveVersion") : t("charterEditor.create")}
            </Button>
          </Group>
        </Stack>
      </form>
      <ConfirmModal
        opened={removing}
        title={t("charterEditor.removeTitle")}
        message={t("charterEditor.removeMessage")}
        confirmLabel={t("charterEditor.remove")}
        loading={removal.isPending}
        onClose={remove.close}
        onConfirm={() => removal.mutate()}
      />
    </SettingsSection>
  );
}
