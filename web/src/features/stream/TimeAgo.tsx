import { Text, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { localeFor } from "../../i18n/locale.ts";
import { fullDateTime, relativeTime } from "./format.ts";

/** "il y a 5 minutes", with the full date on hover and in the `<time>` element for assistive technology. */
export function TimeAgo({ timestamp }: { timestamp: string }) {
  const { i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const full = fullDateTime(timestamp, locale);
  return (
    <Tooltip label={full} withArrow openDelay={300}>
      <Text component="time" dateTime={timestamp} size="sm" c="dimmed" aria-label={full}>
        {relativeTime(timestamp, new Date(), locale)}
      </Text>
    </Tooltip>
  );
}
