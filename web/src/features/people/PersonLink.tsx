import type { PersonSummary } from "@ruche/contracts";
import { Anchor, Avatar, Group, Stack, Text } from "@mantine/core";
import { Link } from "react-router-dom";

/** A small avatar, the person's name as a link to their profile, and their job title. */
export function PersonLink({ person }: { person: PersonSummary }) {
  return (
    <Group gap="sm" wrap="nowrap">
      <Avatar src={person.avatarUrl} alt="" name={person.displayName} color="initials" size="md" />
      <Stack gap={0} miw={0}>
        <Anchor component={Link} to={`/people/${person.id}`} fw={500} size="sm">
          {person.displayName}
        </Anchor>
        {person.jobTitle ? (
          <Text size="xs" c="dimmed">
            {person.jobTitle}
          </Text>
        ) : null}
      </Stack>
    </Group>
  );
}
