import type { Page } from "playwright-core";
import { text, type Language } from "../support/catalogue.ts";

/** Opens the Invite modal of an admin screen and fills it in, leaving it open to be checked and sent. */
export async function openInvitation(page: Page, language: Language, email: string): Promise<void> {
  await page.getByRole("button", { name: text(language, "admin:invite.open"), exact: true }).click();
  const dialog = page.getByRole("dialog", { name: text(language, "admin:invite.title"), exact: true });
  await dialog.waitFor();
  await dialog.getByRole("textbox", { name: text(language, "admin:invite.email"), exact: true }).fill(email);
  await dialog.getByRole("radio", { name: text(language, "admin:roles.member"), exact: true }).check();
}

/** Sends the open Invite modal and waits for the confirmation. */
export async function sendInvitation(page: Page, language: Language, email: string): Promise<void> {
  const dialog = page.getByRole("dialog", { name: text(language, "admin:invite.title"), exact: true });
  await dialog.getByRole("button", { name: text(language, "admin:invite.submit"), exact: true }).click();
  await page.getByText(text(language, "admin:invite.sent", { email }), { exact: true }).waitFor();
  await dialog.waitFor({ state: "hidden" });
}
