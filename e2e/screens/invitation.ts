import type { Page } from "playwright-core";
import { text, type Language } from "../support/catalogue.ts";

/** On an invitation link's page: waits for it to say who is invited where, and checks the address. */
export async function expectInvitation(page: Page, language: Language, input: { organisationName: string; email: string }): Promise<void> {
  const t = (key: string, values?: Record<string, string>) => text(language, key, values);
  await page.getByRole("heading", { level: 1, name: t("auth:invitation.join", { organisation: input.organisationName }), exact: true }).waitFor();
  const shown = await page.getByRole("textbox", { name: t("auth:fields.email"), exact: true }).inputValue();
  if (shown !== input.email) throw new Error(`the invitation shows ${shown}, not ${input.email}`);
}

/** Chooses a name and password on the invitation's page and creates the account. */
export async function acceptInvitation(page: Page, language: Language, input: { displayName: string; password: string }): Promise<void> {
  const t = (key: string) => text(language, key);
  await page.getByRole("textbox", { name: t("auth:fields.displayName"), exact: true }).fill(input.displayName);
  await page.getByRole("textbox", { name: t("auth:fields.password"), exact: true }).fill(input.password);
  await page.getByRole("button", { name: t("auth:invitation.submit"), exact: true }).click();
}
