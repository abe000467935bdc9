import type { Page } from "playwright-core";
import { text, type Language } from "../support/catalogue.ts";

/** What the first administrator types on /setup. */
export interface SetupInput {
  organisationName: string;
  adminName: string;
  email: string;
  password: string;
  /** The organisation's default language, offered to people who have not chosen one. */
  defaultLanguage: Language;
}

/** Names the organisation (in the browser's time zone) and creates its first administrator; the screen speaks `language`. */
export async function setUpOrganisation(page: Page, language: Language, input: SetupInput): Promise<void> {
  const t = (key: string) => text(language, key);
  await page.getByRole("textbox", { name: t("auth:fields.organisationName"), exact: true }).fill(input.organisationName);
  const defaultLanguage = page.getByRole("radiogroup", { name: t("auth:fields.defaultLanguage"), exact: true });
  await defaultLanguage.getByRole("radio", { name: t(`languages.${input.defaultLanguage}`), exact: true }).check();
  await page.getByRole("textbox", { name: t("auth:fields.displayName"), exact: true }).fill(input.adminName);
  await page.getByRole("textbox", { name: t("auth:fields.email"), exact: true }).fill(input.email);
  await page.getByRole("textbox", { name: t("auth:fields.password"), exact: true }).fill(input.password);
  await page.getByRole("button", { name: t("auth:setup.submit"), exact: true }).click();
}
