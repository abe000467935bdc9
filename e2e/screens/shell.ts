import type { Page } from "playwright-core";
import { text, type Language } from "../support/catalogue.ts";

/** The main navigation's destinations, by their common catalogue key. */
export type Destination = "nav.communities" | "nav.people" | "nav.profile" | "nav.admin";

/**
 * Follows a link of the main navigation, as a person would: on a phone, through the burger
 * button first (the navigation is folded away there).
 */
export async function navigate(page: Page, language: Language, destination: Destination, options: { phone?: boolean } = {}): Promise<void> {
  if (options.phone) await page.getByRole("button", { name: text(language, "nav.openMenu"), exact: true }).tap();
  const navigation = page.getByRole("navigation", { name: text(language, "nav.main"), exact: true });
  const link = navigation.getByRole("link", { name: text(language, destination), exact: true });
  if (options.phone) await link.tap();
  else await link.click();
}

/** The screen's one level-1 heading, once it reads `name`. */
export async function waitForHeading(page: Page, name: string): Promise<void> {
  await page.getByRole("heading", { level: 1, name, exact: true }).waitFor();
}

/** The language the interface speaks now (the `lang` of the page, which i18next keeps in step). */
export async function interfaceLanguage(page: Page): Promise<string | null> {
  return page.locator("html").getAttribute("lang");
}
