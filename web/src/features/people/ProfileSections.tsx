import type { Me } from "@ruche/contracts";
import { Paper, Select, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput, Title } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ManagerSelect } from "./ManagerSelect.tsx";
import { errorUnder, type ProfileValues } from "./profile-form.ts";
import { TimeZoneSelect } from "./TimeZoneSelect.tsx";
import { WorkingHoursEditor } from "./WorkingHoursEditor.tsx";

type ProfileForm = UseFormReturnType<ProfileValues>;

/** A titled card of the profile screen. */
export function ProfileSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p={{ base: "md", sm: "lg" }} component="section">
      <Stack gap="md">
        <Title order={2} size="h4">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

/** Who one is in the organisation: name, title, team, place, manager, phone. */
export function IdentitySection({ form, me }: { form: ProfileForm; me: Me }) {
  const { t } = useTranslation("people");
  return (
    <ProfileSection title={t("profile.identity")}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t("fields.displayName")} required autoComplete="name" maxLength={120} {...form.getInputProps("displayName")} />
        <TextInput label={t("fields.jobTitle")} autoComplete="organization-title" maxLength={120} {...form.getInputProps("jobTitle")} />
        <TextInput label={t("fields.department")} maxLength={120} {...form.getInputProps("department")} />
        <TextInput label={t("fields.location")} maxLength={120} {...form.getInputProps("location")} />
        <ManagerSelect
          selfId={me.id}
          current={me.manager}
          value={form.getValues().managerId}
          onChange={(managerId) => form.setFieldValue("managerId", managerId)}
          error={errorUnder(form.errors, "managerId")}
        />
        <TextInput label={t("fields.phone")} type="tel" autoComplete="tel" maxLength={40} {...form.getInputProps("phone")} />
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        {me.emailVerified ? t("profile.emailVerified", { email: me.email }) : t("profile.emailUnverified", { email: me.email })}
      </Text>
    </ProfileSection>
  );
}

/** What one says about oneself: bio, skills, spoken languages. */
export function AboutSection({ form }: { form: ProfileForm }) {
  const { t } = useTranslation("people");
  return (
    <ProfileSection title={t("profile.about")}>
      <Textarea label={t("fields.bio")} autosize minRows={3} maxRows={10} maxLength={2000} {...form.getInputProps("bio")} />
      <TagsInput
        label={t("fields.skills")}
        description={t("fields.tagsHint")}
        placeholder={t("fields.skillsPlaceholder")}
        splitChars={[","]}
        maxTags={50}
        clearable
        clearButtonProps={{ "aria-label": t("fields.skillsClear") }}
        {...form.getInputProps("skills")}
        error={errorUnder(form.errors, "skills")}
      />
      <TagsInput
        label={t("fields.languages")}
        description={t("fields.tagsHint")}
        placeholder={t("fields.languagesPlaceholder")}
        splitChars={[","]}
        maxTags={20}
        clearable
        clearButtonProps={{ "aria-label": t("fields.languagesClear") }}
        {...form.getInputProps("languages")}
        error={errorUnder(form.errors, "languages")}
      />
    </ProfileSection>
  );
}

/** When one can be reached: time zone and working hours. */
export function AvailabilitySection({ form }: { form: ProfileForm }) {
  const { t } = useTranslation("people");
  return (
    <ProfileSection title={t("profile.availability")}>
      <TimeZoneSelect value={form.getValues().timezone} onChange={(timezone) => form.setFieldValue("timezone", timezone)} error={errorUnder(form.errors, "timezone")} />
      <WorkingHoursEditor form={form} />
    </ProfileSection>
  );
}

/** The interface language; "automatic" follows the browser. */
export function PreferencesSection({ form }: { form: ProfileForm }) {
  const { t } = useTranslation("people");
  return (
    <ProfileSection title={t("profile.preferences")}>
      <Select
        label={t("fields.language")}
        description={t("fields.languageHint")}
        allowDeselect={false}
        w={{ base: "100%", sm: 320 }}
        data={[
          { value: "auto", label: t("fields.languageAuto") },
          { value: "fr", label: t("common:languages.fr") },
          { value: "en", label: t("common:languages.en") },
        ]}
        {...form.getInputProps("language")}
      />
    </ProfileSection>
  );
}
