import type { TFunction } from "i18next";

// Messages are looked up when a rule runs, so they follow a language switched after the form opened.

/** A Mantine form rule: the text must not be blank. */
export function requiredText(t: TFunction) {
  return (value: string) => (value.trim() ? null : t("common:validation.required"));
}

/** A Mantine form rule: something shaped like an email address (the server has the final word). */
export function emailAddress(t: TFunction) {
  return (value: string) => {
    if (!value.trim()) return t("common:validation.required");
    return /^[^\s@]+@[^\s@]+$/.test(value.trim()) ? null : t("common:validation.email");
  };
}
