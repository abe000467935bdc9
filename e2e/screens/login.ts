import type { Page } from "playwright-core";
import { text, type Language } from "../support/catalogue.ts";

/** Fills in and sends the sign-in form on /login (the page must be open). */
export async function signIn(page: Page, language: Language, credentials: { email: string; password: string }): Promise<void> {
  await page.getByRole("heading", { level: 1, name: text(language, "auth:login.title") }).waitFor();
  await page.getByRole("textbox", { name: text(language, "auth:fields.email"), exact: true }).fill(credentials.email);
  await page.getByRole("textbox", { name: text(language, "auth:fields.password"), exact: true }).fill(credentials.password);
  await page.getByRole("button", { name: text(language, "auth:login.submit"), exact: true }).click();
}

/** Opens /login, signs in and waits for the welcome on the home page. */
export async function signInToHome(page: Page, language: Language, person: { email: string; password: string; displayName: string }): Promise<void> {
  await page.goto("/login");
  await signIn(page, language, person);
  await page.getByRole("heading", { level: 1, name: text(language, "home.welcome", { name: person.displayName }), exact: true }).waitFor();
}
