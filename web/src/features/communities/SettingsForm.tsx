import type { Community, UpdateCommunityBody } from "@ruche/contracts";
import { Alert, Button, Group, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { applyApiError } from "../../api/errors.ts";
import { useSession } from "../../api/session.ts";
import { notifyInfo, notifySuccess } from "../../components/notify.tsx";
import { canChangeKind, communityFormFields, communityValues, creatableKinds, updateBody, type CommunityValues } from "./community-form.ts";
import { CommunityFields, communityValidation } from "./CommunityFields.tsx";
import { useCommunitiesChanged } from "./queries.ts";
import { SettingsSection } from "./SettingsSection.tsx";

/** A community's settings, saved together; only what changed is sent. */
export function SettingsForm({ community }: { community: Community }) {
  const { t } = useTranslation("communities");
  const role = useSession().data?.user.role ?? "member";
  const communitiesChanged = useCommunitiesChanged();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<CommunityValues>({ initialValues: communityValues(community), validate: communityValidation(t) });
  const save = useMutation({
    mutationFn: (body: UpdateCommunityBody) => api<Community>("PATCH", `/communities/${community.id}`, { body }),
    onSuccess: async (updated) => {
      const values = communityValues(updated);
      form.setInitialValues(values);
      form.setValues(values);
      form.resetDirty(values);
      notifySuccess(t, t("settings.saved"));
      await communitiesChanged();
    },
    onError: (error) => setFormError(applyApiError(form, error, t, communityFormFields)),
  });
  const submit = (values: CommunityValues) => {
    setFormError(null);
    const body = updateBody(values, (field) => form.isDirty(field));
    if (Object.keys(body).length === 0) notifyInfo(t, t("settings.unchanged"));
    else save.mutate(body);
  };
  return (
    <SettingsSection id="settings-heading" title={t("settings.title")}>
      <form noValidate onSubmit={form.onSubmit(submit)}>
        <Stack>
          {formError ? (
            <Alert color="red" role="alert" title={t("settings.failed")}>
              {formError}
            </Alert>
          ) : null}
          <CommunityFields form={form} kinds={canChangeKind(community.kind, role) ? creatableKinds(role) : []} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => form.reset()} disabled={save.isPending}>
              {t("settings.reset")}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t("common:save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </SettingsSection>
  );
}
