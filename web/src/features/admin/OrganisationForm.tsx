import type { Organisation, UpdateOrganisationBody } from "@ruche/contracts";
import { Alert, Button, Group, Paper, Select, Stack, Switch, TagsInput, TextInput, Title } from "@mantine/core";
import { useForm, type UseFormReturnType } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { organisationKey } from "../../api/session.ts";
import { notifySuccess } from "../../components/notify.tsx";
import { applyOrganisationError } from "./organisationErrors.ts";
import { timeZoneOptions } from "../../components/timeZones.ts";

type OrganisationValues = Required<UpdateOrganisationBody>;
type OrganisationFormType = UseFormReturnType<OrganisationValues>;

function valuesOf(organisation: Organisation): OrganisationValues {
  const { name, defaultLanguage, defaultTimezone, allowedSignupDomains, membersCanInvite } = organisation;
  return { name, defaultLanguage, defaultTimezone, allowedSignupDomains, membersCanInvite };
}

/** The organisation's settings: name, default language and time zone, who may join and invite. */
export function OrganisationForm({ organisation }: { organisation: Organisation }) {
  const { t } = useTranslation("admin");
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<OrganisationValues>({ initialValues: valuesOf(organisation) });
  const zones = useMemo(() => timeZoneOptions(organisation.defaultTimezone), [organisation.defaultTimezone]);
  const save = useMutation({
    mutationFn: (body: OrganisationValues) => api<Organisation>("PATCH", "/organisation", { body }),
    onSuccess: (updated) => {
      queryClient.setQueryData(organisationKey, updated);
      void queryClient.invalidateQueries({ queryKey: organisationKey });
      form.setInitialValues(valuesOf(updated));
      form.setValues(valuesOf(updated));
      notifySuccess(t, t("common:saved"));
    },
    onError: (error, body) => setFormError(applyOrganisationError(form, error, t, body.allowedSignupDomains)),
  });

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        setFormError(null);
        save.mutate({ ...values, name: values.name.trim() });
      })}
    >
      <Paper withBorder p={{ base: "md", sm: "lg" }} radius="md">
        <Stack>
          {formError ? (
            <Alert color="red" role="alert" title={t("organisation.saveFailed")}>
              {formError}
            </Alert>
          ) : null}
          <GeneralFields form={form} zones={zones} />
          <JoiningFields form={form} />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {t("common:save")}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </form>
  );
}

/** Name, default language and default time zone. */
function GeneralFields({ form, zones }: { form: OrganisationFormType; zones: { value: string; label: string }[] }) {
  const { t } = useTranslation("admin");
  return (
    <>
      <Title order={2} size="h4">
        {t("organisation.general")}
      </Title>
      <TextInput label={t("organisation.name")} required maxLength={120} {...form.getInputProps("name")} />
      <Select
        label={t("organisation.defaultLanguage")}
        description={t("organisation.defaultLanguageHint")}
        data={[
          { value: "fr", label: t("common:languages.fr") },
          { value: "en", label: t("common:languages.en") },
        ]}
        allowDeselect={false}
        {...form.getInputProps("defaultLanguage")}
      />
      <Select
        label={t("organisation.defaultTimezone")}
        description={t("organisation.defaultTimezoneHint")}
        data={zones}
        searchable
        allowDeselect={false}
        nothingFoundMessage={t("organisation.noTimezone")}
        {...form.getInputProps("defaultTimezone")}
      />
    </>
  );
}

/** Who may join without an invitation, and whether members may invite. */
function JoiningFields({ form }: { form: OrganisationFormType }) {
  const { t } = useTranslation("admin");
  return (
    <>
      <Title order={2} size="h4" mt="sm">
        {t("organisation.joining")}
      </Title>
      <TagsInput
        label={t("organisation.signupDomains")}
        description={t("organisation.signupDomainsHint")}
        placeholder={form.getValues().allowedSignupDomains.length === 0 ? t("organisation.signupDomainsPlaceholder") : undefined}
        splitChars={[",", " ", ";"]}
        clearable
        {...form.getInputProps("allowedSignupDomains")}
      />
      <Switch
        label={t("organisation.membersCanInvite")}
        description={t("organisation.membersCanInviteHint")}
        {...form.getInputProps("membersCanInvite", { type: "checkbox" })}
      />
    </>
  );
}
