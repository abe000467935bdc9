import { Text } from "@mantine/core";
import { useInterval } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatTimeIn } from "./format.ts";

/** The person's time zone and what time it is there now, refreshed every half-minute. */
export function LocalTime({ timezone }: { timezone: string }) {
  const { t, i18n } = useTranslation("people");
  const [now, setNow] = useState(() => new Date());
  useInterval(() => setNow(new Date()), 30_000, { autoInvoke: true });
  const time = formatTimeIn(timezone, i18n.language, now);
  return (
    <Text size="sm">
      {time ? t("person.localTime", { time, timezone }) : timezone}
    </Text>
  );
}
