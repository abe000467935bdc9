import type { TFunction } from "i18next";
import { ApiError } from "./client.ts";

/** The user's-language message for an API error (or a network failure). */
export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) return t(`common:errors.${error.code}`, { defaultValue: t("common:errors.generic") });
  if (error instanceof TypeError) return t("common:errors.network");
  return t("common:errors.generic");
}

/** One message per field an API error names, in the user's language, to show next to each field. */
export function fieldErrors(error: unknown, t: TFunction): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const result: Record<string, string> = {};
  for (const detail of error.details) {
    if (!detail.field || result[detail.field]) continue;
    const code = detail.code ?? error.code;
    result[detail.field] = t(`common:errors.${code}`, {
      defaultValue: t(`common:validation.${code}`, { defaultValue: t(`common:errors.${error.code}`) }),
    });
  }
  return result;
}

/**
 * Shows an API error on a Mantine form: next to the named fields when it names some, else returns
 * the message for a form-level alert.
 */
export function applyApiError(form: { setFieldError(path: string, message: string): void }, error: unknown, t: TFunction, fields: readonly string[]): string | null {
  const byField = fieldErrors(error, t);
  const shown = Object.entries(byField).filter(([field]) => fields.includes(field));
  for (const [field, message] of shown) form.setFieldError(field, message);
  return shown.length > 0 ? null : errorMessage(error, t);
}
