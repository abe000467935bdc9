import type { PersonSummary } from "@ruche/contracts";
import { Group, Paper, Stack, Table, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { AccountStatusBadge, PersonName } from "./PersonCells.tsx";
import { PersonActionsMenu } from "./PersonActionsMenu.tsx";
import { RoleBadge } from "./RoleBadge.tsx";
import { useIsPhone } from "./useIsPhone.ts";

/** Everyone on the users screen: a table on wide screens, a card per person on phones. */
export function PeopleList({ people }: { people: PersonSummary[] }) {
  const isPhone = useIsPhone();
  return isPhone ? <PeopleCards people={people} /> : <PeopleTable people={people} />;
}

function PeopleTable({ people }: { people: PersonSummary[] }) {
  const { t } = useTranslation("admin");
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("users.name")}</Table.Th>
            <Table.Th w={180}>{t("users.role")}</Table.Th>
            <Table.Th w={160}>{t("users.status")}</Table.Th>
            <Table.Th w={60}>
              <VisuallyHidden>{t("users.actions")}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {people.map((person) => (
            <Table.Tr key={person.id}>
              <Table.Td>
                <PersonName person={person} />
              </Table.Td>
              <Table.Td>
                <RoleBadge role={person.role} />
              </Table.Td>
              <Table.Td>
                <AccountStatusBadge active={person.active} />
              </Table.Td>
              <Table.Td>
                <PersonActionsMenu person={person} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function PeopleCards({ people }: { people: PersonSummary[] }) {
  return (
    <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
      {people.map((person) => (
        <Paper key={person.id} component="li" withBorder p="sm" radius="md">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <PersonName person={person} />
            <PersonActionsMenu person={person} />
          </Group>
          <Group gap="xs" mt="xs">
            <RoleBadge role={person.role} />
            <AccountStatusBadge active={person.active} />
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
