import { localeFor } from "../../i18n/locale.ts";

/**
 * A calendar day "YYYY-MM-DD" in the reader's language ("12 mars 2025"). Read as UTC and written
 * in UTC: a project's last day must not slip to the day before west of Greenwich.
 */
export function formatDay(day: string, language: string): string {
  return new Intl.DateTimeFormat(localeFor(language), { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));
}
