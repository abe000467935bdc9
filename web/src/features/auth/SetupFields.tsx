import type { SetupBody } from "@ruche/contracts";
import { Group, Radio, Select, TextInput, Title } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { PasswordField } from "./PasswordField.tsx";
import { timeZoneOptions } from "../../components/timeZones.ts";

type SetupFormProps = { form: UseFormReturnType<SetupBody> };

/** The organisation's name, default language and default time zone. */
export function OrganisationFields({ form }: SetupFormProps) {
  const { t } = useTranslation("auth");
  const timeZones = useMemo(timeZoneOptions, []);
  const timeZoneProps = form.getInputProps("defaultTimezone");
  return (
    <>
      <Title order={2} size="h4">
        {t("setup.organisation")}
      </Title>
      <TextInput label={t("fields.organisationName")} autoComplete="organization" required {...form.getInputProps("organisationName")} />
      <Radio.Group label={t("fields.defaultLanguage")} description={t("setup.languageHint")} required {...form.getInputProps("defaultLanguage")}>
        <Group mt="xs">
          <Radio value="fr" label={t("common:languages.fr")} />
          <Radio value="en" label={t("common:languages.en")} />
        </Group>
      </Radio.Group>
      <Select
        label={t("fields.defaultTimezone")}
        description={t("setup.timezoneHint")}
        data={timeZones}
        searchable
        allowDeselect={false}
        required
        {...timeZoneProps}
        // Typing then replaces the chosen zone instead of appending to its name.
        onFocus={(event) => {
          event.currentTarget.select();
          timeZoneProps.onFocus?.(event);
        }}
      />
    </>
  );
}

/** The first administrator's name, address and password. */
export function AdministratorFields({ form }: SetupFormProps) {
  const { t } = useTranslation("auth");
  return (
    <>
      <Title order={2} size="h4" mt="sm">
        {t("setup.administrator")}
      </Title>
      <TextInput label={t("fields.displayName")} autoComplete="name" required {...form.getInputProps("admin.displayName")} />
      <TextInput label={t("fields.email")} type="email" autoComplete="email" required {...form.getInputProps("admin.email")} />
      <PasswordField label={t("fields.password")} autoComplete="new-password" withRules required {...form.getInputProps("admin.password")} />
    </>
  );
}
