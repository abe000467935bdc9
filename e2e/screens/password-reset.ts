import type { Page } from "playwright-core";
import { text, type Language } from "../support/catalogue.ts";

/** From /login, follows "forgot your password?" and asks for a reset link for `email`. */
export async function requestPasswordReset(page: Page, language: Language, email: string): Promise<void> {
  const t = (key: string, values?: Record<string, string>) => text(language, key, values);
  await page.getByRole("link", { name: t("auth:login.forgot"), exact: true }).click();
  await page.getByRole("heading", { level: 1, name: t("auth:reset.requestTitle"), exact: true }).waitFor();
  await page.getByRole("textbox", { name: t("auth:fields.email"), exact: true }).fill(email);
  await page.getByRole("button", { name: t("auth:reset.requestSubmit"), exact: true }).click();
  await page.getByRole("status").getByText(t("auth:reset.sent", { email }), { exact: true }).waitFor();
}

/** On a reset link's page: chooses the new password and waits for the confirmation. */
export async function chooseNewPassword(page: Page, language: Language, password: string): Promise<void> {
  const t = (key: string) => text(language, key);
  await page.getByRole("heading", { level: 1, name: t("auth:reset.newTitle"), exact: true }).waitFor();
  await page.getByRole("textbox", { name: t("auth:fields.newPassword"), exact: true }).fill(password);
  await page.getByRole("button", { name: t("auth:reset.newSubmit"), exact: true }).click();
  await page.getByRole("heading", { level: 1, name: t("auth:reset.doneTitle"), exact: true }).waitFor();
}
