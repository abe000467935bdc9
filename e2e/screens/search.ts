import type { Locator, Page } from "playwright-core";
import { text, type Language } from "../support/catalogue.ts";

/** The search box in the header. */
export function headerSearch(page: Page, language: Language): Locator {
  return page.getByRole("combobox", { name: text(language, "search:header.label"), exact: true });
}

/** The suggestions under the header's search box. */
export function headerSuggestions(page: Page, language: Language): Locator {
  return page.getByRole("listbox", { name: text(language, "search:header.suggestions"), exact: true });
}

/** Types `typed` into the header's box, letter by letter, and waits until it suggests `option`. */
export async function typeInHeader(page: Page, language: Language, input: { typed: string; option: string }): Promise<Locator> {
  const box = headerSearch(page, language);
  await box.fill("");
  await box.pressSequentially(input.typed);
  await headerSuggestions(page, language).getByRole("option").filter({ hasText: input.option }).waitFor();
  return box;
}

/** The search page's list of results for `query`. */
export function searchResults(page: Page, language: Language, query: string): Locator {
  return page.getByRole("list", { name: text(language, "search:page.results", { query }), exact: true });
}

/** Searches `query` from the search page's own form (the page must be open). */
export async function searchFromPage(page: Page, language: Language, query: string): Promise<void> {
  await page.getByRole("searchbox", { name: text(language, "search:page.query"), exact: true }).fill(query);
  await page.getByRole("button", { name: text(language, "search:page.submit"), exact: true }).click();
  await page.waitForURL((url) => url.pathname === "/search" && url.searchParams.get("q") === query);
}

/** The search page's author filter: the box to type a name in, while no author is chosen. */
export function authorFilter(page: Page, language: Language): Locator {
  return page.getByRole("combobox", { name: text(language, "search:filters.author"), exact: true });
}

/** Types `typed` into the author filter, letter by letter, and chooses `name` among the people offered. */
export async function chooseAuthor(page: Page, language: Language, input: { typed: string; name: string }): Promise<void> {
  await authorFilter(page, language).pressSequentially(input.typed);
  const offered = page.getByRole("listbox", { name: text(language, "search:filters.authorSuggestions"), exact: true });
  await offered.getByRole("option").filter({ hasText: input.name }).click();
}
