import { Anchor, Select } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { browserTimeZone, timeZoneOptions } from "../../components/timeZones.ts";

interface TimeZoneSelectProps {
  value: string | null;
  onChange: (timezone: string | null) => void;
  error?: string | undefined;
}

/** A searchable list of time zones, with a shortcut to the browser's own. */
export function TimeZoneSelect({ value, onChange, error }: TimeZoneSelectProps) {
  const { t } = useTranslation("people");
  const data = useMemo(() => timeZoneOptions(value), [value]);
  const browserZone = browserTimeZone();
  return (
    <Select
      label={t("fields.timezone")}
      maw={480}
      placeholder={t("fields.timezonePlaceholder")}
      searchable
      clearable
      clearButtonProps={{ "aria-label": t("fields.timezoneClear") }}
      nothingFoundMessage={t("fields.timezoneNone")}
      data={data}
      value={value}
      onChange={onChange}
      error={error}
      description={
        browserZone && browserZone !== value ? (
          <Anchor component="button" type="button" size="xs" onClick={() => onChange(browserZone)}>
            {t("fields.timezoneUseBrowser", { zone: browserZone })}
          </Anchor>
        ) : undefined
      }
    />
  );
}
