import type { AccessToken } from "@ruche/contracts";
import { Badge, Button, Code, Group, Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDate } from "./format.ts";

interface TokensTableProps {
  tokens: AccessToken[];
  onRevoke: (token: AccessToken) => void;
}

function Expiry({ token, language }: { token: AccessToken; language: string }) {
  const { t } = useTranslation("people");
  if (!token.expiresAt) return <>{t("tokens.never")}</>;
  const expired = new Date(token.expiresAt).getTime() <= Date.now();
  return (
    <Group gap={6} wrap="nowrap">
      <span>{formatDate(token.expiresAt, language)}</span>
      {expired ? (
        <Badge color="gray" variant="outline" size="sm">
          {t("tokens.expired")}
        </Badge>
      ) : null}
    </Group>
  );
}

/** The caller's tokens: name, prefix, dates and a revoke button each; scrolls sideways on a phone. */
export function TokensTable({ tokens, onRevoke }: TokensTableProps) {
  const { t, i18n } = useTranslation("people");
  const language = i18n.language;
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="sm" striped highlightOnHover aria-labelledby="token-list-title">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("tokens.name")}</Table.Th>
            <Table.Th>{t("tokens.prefix")}</Table.Th>
            <Table.Th>{t("tokens.created")}</Table.Th>
            <Table.Th>{t("tokens.lastUsed")}</Table.Th>
            <Table.Th>{t("tokens.expires")}</Table.Th>
            <Table.Th>{t("tokens.actions")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tokens.map((token) => (
            <Table.Tr key={token.id}>
              <Table.Th scope="row" fw={500}>
                {token.name}
              </Table.Th>
              <Table.Td>
                <Code>{token.prefix}…</Code>
              </Table.Td>
              <Table.Td>{formatDate(token.createdAt, language)}</Table.Td>
              <Table.Td>{token.lastUsedAt ? formatDate(token.lastUsedAt, language, { withTime: true }) : t("tokens.neverUsed")}</Table.Td>
              <Table.Td>
                <Expiry token={token} language={language} />
              </Table.Td>
              <Table.Td>
                <Button size="xs" variant="default" onClick={() => onRevoke(token)} aria-label={t("tokens.revokeNamed", { name: token.name })}>
                  {t("tokens.revoke")}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
