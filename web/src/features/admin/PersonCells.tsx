import type { PersonSummary } from "@ruche/contracts";
import { Anchor, Avatar, Badge, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";

/** A person's avatar, name (linking to their profile) and job title. */
export function PersonName({ person }: { person: PersonSummary }) {
  return (
    <Group gap="sm" wrap="nowrap">
      <Avatar src={person.avatarUrl} alt="" name={person.displayName} color="initials" size="md" />
      <Stack gap={0} miw={0}>
        <Anchor component={Link} to={`/people/${person.id}`} fw={500}>
          {person.displayName}
        </Anchor>
        {person.jobTitle ? (
          <Text size="sm" c="dimmed" truncate>
            {person.jobTitle}
          </Text>
        ) : null}
      </Stack>
    </Group>
  );
}

/** Whether an account is active, said in words (the dot's colour only repeats it). */
export function AccountStatusBadge({ active }: { active: boolean }) {
  const { t } = useTranslation("admin");
  return (
    <Badge variant="dot" color={active ? "green" : "gray"} tt="none" miw="max-content">
      {active ? t("users.active") : t("users.inactive")}
    </Badge>
  );
}
