import type { PersonSummary } from "@ruche/contracts";
import { Anchor, Avatar, Badge, Card, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";

/** A person in the directory: photo, name (a link to their profile), title, team and place. */
export function PersonCard({ person }: { person: PersonSummary }) {
  const { t } = useTranslation("people");
  const place = [person.department, person.location].filter(Boolean).join(" · ");
  return (
    <Card withBorder padding="md" component="li">
      <Group gap="md" wrap="nowrap" align="flex-start">
        <Avatar src={person.avatarUrl} alt="" name={person.displayName} color="initials" size="lg" />
        <Stack gap={2} miw={0}>
          <Anchor component={Link} to={`/people/${person.id}`} fw={600}>
            {person.displayName}
          </Anchor>
          {person.jobTitle ? <Text size="sm">{person.jobTitle}</Text> : null}
          {place ? (
            <Text size="sm" c="dimmed">
              {place}
            </Text>
          ) : null}
          {!person.active ? (
            <Badge variant="outline" color="gray" size="sm">
              {t("person.deactivated")}
            </Badge>
          ) : null}
        </Stack>
      </Group>
    </Card>
  );
}
