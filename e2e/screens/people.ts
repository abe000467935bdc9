import type { Page } from "playwright-core";
import { text, type Language } from "../support/catalogue.ts";

/** Searches the directory (/people, open) and opens the profile of the person named `name`. */
export async function findAndOpenPerson(page: Page, language: Language, query: string, name: string, options: { phone?: boolean } = {}): Promise<void> {
  await page.getByRole("searchbox", { name: text(language, "people:directory.search"), exact: true }).fill(query);
  await page.waitForURL((url) => url.searchParams.get("q") === query);
  const results = page.getByRole("list", { name: text(language, "people:directory.results"), exact: true });
  await results.getByRole("listitem").first().waitFor();
  const link = results.getByRole("link", { name, exact: true });
  if (options.phone) await link.tap();
  else await link.click();
  await page.getByRole("heading", { level: 1, name, exact: true }).waitFor();
}
