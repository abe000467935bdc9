import { SegmentedControl } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** Switches the interface language for this visit (the profile setting makes it stick). */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t("language")}
      value={i18n.language}
      onChange={(language) => void i18n.changeLanguage(language)}
      data={[
        { value: "fr", label: t("languages.fr") },
        { value: "en", label: t("languages.en") },
      ]}
    />
  );
}
