import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { localeFor } from "../../i18n/locale.ts";

/** Formats an ISO timestamp as a date in the interface language ("12 mars 2026" / "12 Mar 2026"). */
export function useFormatDate(): (timestamp: string) => string {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(localeFor(i18n.language), { dateStyle: "medium" });
    return (timestamp: string) => format.format(new Date(timestamp));
  }, [i18n.language]);
}
