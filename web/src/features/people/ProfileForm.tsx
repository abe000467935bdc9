import type { Me, UpdateProfileBody } from "@ruche/contracts";
import { Alert, Button, Group, Stack } from "@mantine/core";
import { useForm, type UseFormReturnType } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { applyApiError, fieldErrors } from "../../api/errors.ts";
import { notifyInfo, notifySuccess } from "../../components/notify.tsx";
import { profileBody, profileErrorFields, profileValues, type ProfileValues } from "./profile-form.ts";
import { AboutSection, AvailabilitySection, IdentitySection, PreferencesSection } from "./ProfileSections.tsx";
import { useProfileChanged } from "./queries.ts";

/** Checks made before sending, so the obvious mistakes show without a round trip. */
function validation(t: TFunction) {
  const required = (value: string) => (value.trim() ? null : t("common:validation.required"));
  return {
    displayName: required,
    workingHours: {
      start: required,
      end: (value: string, values: ProfileValues, path: string) => {
        const start = values.workingHours[Number(path.split(".")[1])]?.start;
        if (!value) return t("common:validation.required");
        return start && value <= start ? t("hours.endBeforeStart") : null;
      },
    },
  };
}

/** Shows an API error next to the fields it names; returns the message for the form-level alert. */
function showApiError(form: UseFormReturnType<ProfileValues>, error: unknown, t: TFunction): string | null {
  const message = applyApiError(form, error, t, profileErrorFields(form.getValues()));
  // The API names a whole span when it ends too early or overlaps another: say so plainly.
  for (const field of Object.keys(fieldErrors(error, t))) {
    if (/^workingHours\.\d+$/.test(field)) form.setFieldError(field, t("hours.invalidSpan"));
  }
  return message;
}

/** Every editable field of one's profile, saved together with PATCH /me. */
export function ProfileForm({ me }: { me: Me }) {
  const { t, i18n } = useTranslation("people");
  const profileChanged = useProfileChanged();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<ProfileValues>({ initialValues: profileValues(me), validate: validation(t) });
  const save = useMutation({
    mutationFn: (body: UpdateProfileBody) => api<Me>("PATCH", "/me", { body }),
    onSuccess: async (updated) => {
      const values = profileValues(updated);
      form.setInitialValues(values);
      form.setValues(values);
      form.resetDirty(values);
      if (updated.language && updated.language !== i18n.language) await i18n.changeLanguage(updated.language);
      await profileChanged(updated);
      notifySuccess(t, t("profile.saved"));
    },
    onError: (error) => setFormError(showApiError(form, error, t)),
  });
  const submit = (values: ProfileValues) => {
    setFormError(null);
    const body = profileBody(values, (field) => form.isDirty(field));
    if (Object.keys(body).length === 0) notifyInfo(t, t("profile.unchanged"));
    else save.mutate(body);
  };

  return (
    <form noValidate onSubmit={form.onSubmit(submit)}>
      <Stack gap="lg">
        {formError ? (
          <Alert color="red" role="alert" title={t("profile.failed")}>
            {formError}
          </Alert>
        ) : null}
        <IdentitySection form={form} me={me} />
        <AboutSection form={form} />
        <AvailabilitySection form={form} />
        <PreferencesSection form={form} />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => form.reset()} disabled={save.isPending}>
            {t("profile.reset")}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t("common:save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
