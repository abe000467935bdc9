import type { TFunction } from "i18next";
import { errorMessage, fieldErrors } from "../../api/errors.ts";

const formFields = ["name", "defaultLanguage", "defaultTimezone", "allowedSignupDomains", "membersCanInvite"];
const domainField = /^allowedSignupDomains\.(\d+)$/;

interface OrganisationForm {
  setFieldError(path: string, message: string): void;
}

/**
 * Shows a refused organisation change next to its fields. The API names each bad domain by its index
 * (`allowedSignupDomains.2`); the tags input has one error slot, so its message names the domains.
 * Returns the message for a form-level alert when no field is named.
 */
export function applyOrganisationError(form: OrganisationForm, error: unknown, t: TFunction, domains: string[]): string | null {
  const badDomains: string[] = [];
  let shown = false;
  for (const [field, message] of Object.entries(fieldErrors(error, t))) {
    const index = domainField.exec(field)?.[1];
    if (index !== undefined) badDomains.push(domains[Number(index)] ?? "");
    else if (formFields.includes(field)) {
      form.setFieldError(field, message);
      shown = true;
    }
  }
  if (badDomains.length > 0) {
    const list = badDomains.map((domain) => t("admin:organisation.quoted", { domain })).join(", ");
    form.setFieldError("allowedSignupDomains", t("admin:organisation.invalidDomains", { count: badDomains.length, domains: list }));
    shown = true;
  }
  return shown ? null : errorMessage(error, t);
}
