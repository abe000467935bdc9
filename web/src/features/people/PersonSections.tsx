import type { Person } from "@ruche/contracts";
import { Anchor, Badge, Group, Stack, Text, Title } from "@mantine/core";
import { IconPhone } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { LocalTime } from "./LocalTime.tsx";
import { PersonLink } from "./PersonLink.tsx";
import { WorkingHoursSummary } from "./WorkingHoursSummary.tsx";
import { ProfileSection } from "./ProfileSections.tsx";

function Muted({ children }: { children: ReactNode }) {
  return (
    <Text size="sm" c="dimmed">
      {children}
    </Text>
  );
}

/** Bio, skills and spoken languages. */
export function AboutCard({ person }: { person: Person }) {
  const { t, i18n } = useTranslation("people");
  return (
    <ProfileSection title={t("profile.about")}>
      {person.bio ? <Text style={{ whiteSpace: "pre-line" }}>{person.bio}</Text> : <Muted>{t("person.noBio")}</Muted>}
      <Title order={3} size="h6">
        {t("fields.skills")}
      </Title>
      {person.skills.length > 0 ? (
        <Group gap={6} component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {person.skills.map((skill) => (
            <Badge key={skill} component="li" variant="light" tt="none">
              {skill}
            </Badge>
          ))}
        </Group>
      ) : (
        <Muted>{t("person.noSkills")}</Muted>
      )}
      <Title order={3} size="h6">
        {t("fields.languages")}
      </Title>
      {person.languages.length > 0 ? <Text size="sm">{new Intl.ListFormat(i18n.language, { type: "conjunction" }).format(person.languages)}</Text> : <Muted>{t("person.noLanguages")}</Muted>}
    </ProfileSection>
  );
}

/** Phone, time zone with the local time, and working hours. */
export function ContactCard({ person }: { person: Person }) {
  const { t } = useTranslation("people");
  return (
    <ProfileSection title={t("person.contact")}>
      {person.phone ? (
        <Group gap="xs" wrap="nowrap">
          <IconPhone size={16} aria-hidden />
          <Anchor href={`tel:${person.phone.replace(/[^+0-9]/g, "")}`} aria-label={t("person.call", { phone: person.phone })}>
            {person.phone}
          </Anchor>
        </Group>
      ) : (
        <Muted>{t("person.noPhone")}</Muted>
      )}
      {person.timezone ? <LocalTime timezone={person.timezone} /> : <Muted>{t("person.noTimezone")}</Muted>}
      <Title order={3} size="h6">
        {t("hours.label")}
      </Title>
      <WorkingHoursSummary spans={person.workingHours} />
      {person.timezone && person.workingHours.length > 0 ? <Muted>{t("person.hoursIn", { timezone: person.timezone })}</Muted> : null}
    </ProfileSection>
  );
}

/** The person's manager and direct reports, as links. */
export function OrgChartCard({ person }: { person: Person }) {
  const { t } = useTranslation("people");
  return (
    <ProfileSection title={t("person.orgChart")}>
      <Title order={3} size="h6">
        {t("fields.manager")}
      </Title>
      {person.manager ? <PersonLink person={person.manager} /> : <Muted>{t("person.noManager")}</Muted>}
      <Title order={3} size="h6">
        {t("person.reports")}
      </Title>
      {person.directReports.length > 0 ? (
        <Stack gap="xs" component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {person.directReports.map((report) => (
            <li key={report.id}>
              <PersonLink person={report} />
            </li>
          ))}
        </Stack>
      ) : (
        <Muted>{t("person.noReports")}</Muted>
      )}
    </ProfileSection>
  );
}
