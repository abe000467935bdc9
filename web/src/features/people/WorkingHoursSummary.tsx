import type { WorkingSpan } from "@ruche/contracts";
import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatClockTime, weekdayName } from "./format.ts";
import { summariseWorkingHours, type WorkingDays } from "./working-hours.ts";

function daysLabel(group: WorkingDays, language: string): string {
  const first = weekdayName(group.firstDay, language);
  return group.firstDay === group.lastDay ? first : `${first} – ${weekdayName(group.lastDay, language)}`;
}

/** Working hours as a short table: "Monday – Friday | 9:00 – 12:00, 14:00 – 18:00". */
export function WorkingHoursSummary({ spans }: { spans: WorkingSpan[] }) {
  const { t, i18n } = useTranslation("people");
  const language = i18n.language;
  if (spans.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t("person.noHours")}
      </Text>
    );
  }
  return (
    <Table withRowBorders={false} verticalSpacing={4} horizontalSpacing={0} w="auto">
      <Table.Tbody>
        {summariseWorkingHours(spans).map((group) => (
          <Table.Tr key={group.firstDay}>
            <Table.Th scope="row" fw={500} pr="md" style={{ whiteSpace: "nowrap", verticalAlign: "top" }}>
              {daysLabel(group, language)}
            </Table.Th>
            <Table.Td>{group.spans.map((span) => `${formatClockTime(span.start, language)} – ${formatClockTime(span.end, language)}`).join(", ")}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
