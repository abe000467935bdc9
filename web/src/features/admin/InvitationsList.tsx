import type { Invitation } from "@ruche/contracts";
import { Group, Paper, Stack, Table, Text, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { InvitationActions } from "./InvitationActions.tsx";
import { InvitationStatusBadge } from "./InvitationStatusBadge.tsx";
import { RoleBadge } from "./RoleBadge.tsx";
import { useFormatDate } from "./useFormatDate.ts";
import { useIsPhone } from "./useIsPhone.ts";

/** The invitations screen's list: a table on wide screens, a card per invitation on phones. */
export function InvitationsList({ invitations }: { invitations: Invitation[] }) {
  const isPhone = useIsPhone();
  return isPhone ? <InvitationCards invitations={invitations} /> : <InvitationsTable invitations={invitations} />;
}

// Badges and dates stay on one line; the table scrolls sideways rather than squeezing them.
const noWrap = { whiteSpace: "nowrap" } as const;

function InvitationsTable({ invitations }: { invitations: Invitation[] }) {
  const { t } = useTranslation("admin");
  const formatDate = useFormatDate();
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("invitations.email")}</Table.Th>
            <Table.Th>{t("invitations.role")}</Table.Th>
            <Table.Th>{t("invitations.invitedBy")}</Table.Th>
            <Table.Th>{t("invitations.status")}</Table.Th>
            <Table.Th>{t("invitations.created")}</Table.Th>
            <Table.Th>{t("invitations.expires")}</Table.Th>
            <Table.Th w={60}>
              <VisuallyHidden>{t("invitations.actions")}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {invitations.map((invitation) => (
            <Table.Tr key={invitation.id}>
              <Table.Td style={{ overflowWrap: "break-word" }}>{invitation.email}</Table.Td>
              <Table.Td style={noWrap}>
                <RoleBadge role={invitation.role} />
              </Table.Td>
              <Table.Td>{invitation.invitedBy?.displayName ?? t("invitations.unknownInviter")}</Table.Td>
              <Table.Td style={noWrap}>
                <InvitationStatusBadge status={invitation.status} />
              </Table.Td>
              <Table.Td style={noWrap}>{formatDate(invitation.createdAt)}</Table.Td>
              <Table.Td style={noWrap}>{formatDate(invitation.expiresAt)}</Table.Td>
              <Table.Td>
                <InvitationActions invitation={invitation} compact />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function InvitationCards({ invitations }: { invitations: Invitation[] }) {
  const { t } = useTranslation("admin");
  const formatDate = useFormatDate();
  return (
    <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
      {invitations.map((invitation) => (
        <Paper key={invitation.id} component="li" withBorder p="sm" radius="md">
          <Stack gap="xs">
            <Text fw={500} style={{ overflowWrap: "anywhere" }}>
              {invitation.email}
            </Text>
            <Group gap="xs">
              <RoleBadge role={invitation.role} />
              <InvitationStatusBadge status={invitation.status} />
            </Group>
            <Text size="sm" c="dimmed">
              {t("invitations.summary", {
                inviter: invitation.invitedBy?.displayName ?? t("invitations.unknownInviter"),
                created: formatDate(invitation.createdAt),
                expires: formatDate(invitation.expiresAt),
              })}
            </Text>
            <InvitationActions invitation={invitation} compact={false} />
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
