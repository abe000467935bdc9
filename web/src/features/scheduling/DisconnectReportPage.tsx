import { Alert, Anchor, Group, Loader, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/errors.ts";
import { AdminPage } from "../admin/AdminPage.tsx";
import { useDisconnectReport } from "./queries.ts";
import { monthOf } from "./time.ts";

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** /admin/reports/disconnect: the HR and works council report, per month and department, and its CSV. */
export function DisconnectReportPage() {
  const { t } = useTranslation("scheduling");
  const now = new Date();
  const [from, setFrom] = useState(monthOf(new Date(now.getFullYear(), 0, 1)));
  const [to, setTo] = useState(monthOf(now));
  const valid = MONTH.test(from) && MONTH.test(to);
  const [range, setRange] = useState({ from, to });
  const report = useDisconnectReport(range);
  const apply = () => valid && setRange({ from, to });
  const csv = `/api/v1/admin/reports/disconnect?${new URLSearchParams({ ...range, format: "csv" }).toString()}`;

  return (
    <AdminPage
      title={t("report.title")}
      actions={
        <Anchor href={csv} download>
          <Group gap={4}>
            <IconDownload size={16} aria-hidden />
            {t("report.download")}
          </Group>
        </Anchor>
      }
    >
      <Text c="dimmed">{t("report.intro", { count: report.data?.minimumGroup ?? 5 })}</Text>
      <Group gap="sm" align="flex-end">
        <TextInput type="month" label={t("report.from")} value={from} onChange={(event) => setFrom(event.currentTarget.value)} onBlur={apply} />
        <TextInput type="month" label={t("report.to")} value={to} onChange={(event) => setTo(event.currentTarget.value)} onBlur={apply} />
      </Group>
      {report.isPending ? <Loader aria-label={t("report.loading")} /> : null}
      {report.isError ? <Alert color="red">{errorMessage(report.error, t)}</Alert> : null}
      {report.data ? (
        <Stack gap="lg">
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("report.month")}</Table.Th>
                <Table.Th>{t("report.department")}</Table.Th>
                <Table.Th>{t("report.held")}</Table.Th>
                <Table.Th>{t("report.offHours")}</Table.Th>
                <Table.Th>{t("report.overrides")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.data.rows.map((row) => (
                <Table.Tr key={`${row.month}-${row.department ?? ""}`}>
                  <Table.Td>{row.month}</Table.Td>
                  <Table.Td>{row.department ?? t("report.other")}</Table.Td>
                  <Table.Td>{row.notificationsHeld}</Table.Td>
                  <Table.Td>{row.offHoursPosts}</Table.Td>
                  <Table.Td>{row.urgentOverrides}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {report.data.rows.length === 0 ? <Text c="dimmed">{t("report.empty")}</Text> : null}
          <Title order={2} size="h4">
            {t("report.reasons")}
          </Title>
          {report.data.overrideReasons.length === 0 ? <Text c="dimmed">{t("report.noReasons")}</Text> : null}
          {report.data.overrideReasons.map((month) => (
            <Stack key={month.month} gap={4}>
              <Text fw={600}>{month.month}</Text>
              <ul>
                {month.reasons.map((reason, index) => (
                  <li key={index}>{reason}</li>
                ))}
              </ul>
            </Stack>
          ))}
        </Stack>
      ) : null}
    </AdminPage>
  );
}
