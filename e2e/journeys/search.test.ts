import type { Community, SearchPage } from "@ruche/contracts";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { signInToHome } from "../screens/login.ts";
import { headerSearch, headerSuggestions, searchFromPage, searchResults, typeInHeader } from "../screens/search.ts";
import { waitForHeading } from "../screens/shell.ts";
import { startJourney, type Journey } from "../support/accessibility.ts";
import { addColleague, signInByApi, type ApiSession } from "../support/api.ts";
import { launchBrowser, newVisitor } from "../support/browser.ts";
import { browserLocale, text, type Language } from "../support/catalogue.ts";
import { startRuche, type RunningRuche } from "../support/ruche.ts";
import { journeySteps } from "../support/steps.ts";

// Search from the browser, in each language: a colleague types a word without its accents in the
// header, is offered the community named after it, presses Enter and finds the post with the word
// marked. A secret community's post with the same word is never shown to her, not even as a
// suggestion, while its members find it.
const admin = { email: "admin@sextant.example", password: "a long admin passphrase", name: "Mary Somerville" };

const cast = {
  en: {
    author: { email: "ada@sextant.example", displayName: "Ada Lovelace", password: "Ada's long pass phrase" },
    reader: { email: "grace@sextant.example", displayName: "Grace Hopper", password: "Grace's long pass phrase" },
    open: { kind: "interest", visibility: "public", name: "Café regulars", description: "Coffee on the third floor." },
    secret: { kind: "project", visibility: "secret", name: "Café supplier tender", description: "Choosing the next supplier." },
    post: "The café on the third floor reopens on Monday with a new espresso machine.",
    secretPost: "Confidential: the café tender closes Friday, Bellamy is the favourite.",
    typed: "cafe",
    found: "café",
    secretWord: "Bellamy",
    excluded: "-espresso",
  },
  fr: {
    author: { email: "emilie@sextant.example", displayName: "Émilie du Châtelet", password: "la phrase de passe d'Émilie" },
    reader: { email: "sophie@sextant.example", displayName: "Sophie Germain", password: "la phrase de passe de Sophie" },
    open: { kind: "interest", visibility: "public", name: "Séminaires d'équipe", description: "Nos rencontres de l'année." },
    secret: { kind: "project", visibility: "secret", name: "Séminaire de direction", description: "Préparation confidentielle." },
    post: "Le séminaire de décembre aura lieu à Lyon : inscriptions avant vendredi.",
    secretPost: "Ordre du jour confidentiel du séminaire : le rachat de Rossignol.",
    typed: "seminaire",
    found: "séminaire",
    secretWord: "Rossignol",
    excluded: "-lyon",
  },
} as const;

let ruche: RunningRuche;
let browser: Browser;
let direction: ApiSession;

beforeAll(async () => {
  [ruche, browser] = await Promise.all([
    startRuche({ RUCHE_ADMIN_EMAIL: admin.email, RUCHE_ADMIN_PASSWORD: admin.password, RUCHE_ADMIN_NAME: admin.name }),
    launchBrowser(),
  ]);
  direction = await signInByApi(ruche, { email: admin.email, password: admin.password });
});
afterAll(async () => {
  await browser?.close();
  await ruche?.stop();
});

/** The text a reader sees in the page's main region. */
function mainText(page: Page): Promise<string> {
  return page.getByRole("main").innerText();
}

describe.each(["en", "fr"] as const)("search, in %s", (language: Language) => {
  const data = cast[language];
  const t = (key: string, values?: Record<string, string | number>) => text(language, key, values);
  const step = journeySteps(() => journey);
  let journey: Journey;
  let author: ApiSession;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    journey = await startJourney(`search-${language}`);
    author = await addColleague(ruche, direction, data.author);
    const reader = await addColleague(ruche, direction, data.reader);
    const open = await author.call<Community>("POST", "/communities", data.open);
    const secret = await author.call<Community>("POST", "/communities", data.secret);
    await reader.call("POST", `/communities/${open.id}/join`);
    await author.call("POST", "/posts", { communityId: open.id, body: data.post });
    await author.call("POST", "/posts", { communityId: secret.id, body: data.secretPost });
    context = await newVisitor(browser, { baseURL: ruche.url, locale: browserLocale[language] });
    page = await journey.open(context);
    await signInToHome(page, language, data.reader);
  });
  afterAll(async () => {
    await context?.close();
  });

  step("suggests the community as the word is typed without accents, and not the secret one", async () => {
    await typeInHeader(page, language, { typed: data.typed, option: data.open.name });
    const offered = await headerSuggestions(page, language).innerText();
    expect(offered).not.toContain(data.secret.name);
    expect(offered).toContain(t("search:header.searchFor", { query: data.typed }));
    await journey.expectAccessible(page, "header-suggestions");
  });

  step("searches everything on Enter and shows the post with the accented word marked", async () => {
    await headerSearch(page, language).press("Enter");
    await page.waitForURL((url) => url.pathname === "/search" && url.searchParams.get("q") === data.typed);
    await waitForHeading(page, t("search:page.title"));
    const results = searchResults(page, language, data.typed);
    const post = results.getByRole("listitem").filter({ has: page.getByRole("link", { name: t("search:hit.post", { author: data.author.displayName }), exact: true }) });
    await post.waitFor();
    expect(await post.locator("mark").allInnerTexts()).toContain(data.found);
    await journey.expectAccessible(page, "results");
  });

  step("narrows the results to posts with the kind filter", async () => {
    const results = searchResults(page, language, data.typed);
    await results.getByRole("link", { name: data.open.name, exact: true }).waitFor();
    await page.getByRole("textbox", { name: t("search:filters.kind"), exact: true }).click();
    await page.getByRole("option", { name: t("search:kinds.post"), exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get("kind") === "post");
    // The list is drawn anew for the filter: wait for the post in it, then look for the community.
    await page.getByRole("status").filter({ hasText: t("search:page.shown", { count: 1 }) }).waitFor({ state: "attached" });
    await results.getByRole("link", { name: t("search:hit.post", { author: data.author.displayName }), exact: true }).waitFor();
    expect(await results.getByRole("link", { name: data.open.name, exact: true }).count()).toBe(0);
    await journey.expectAccessible(page, "posts-only");
  });

  step("never shows the secret community's post or name to someone outside it", async () => {
    expect(await mainText(page)).not.toContain(data.secretWord);
    expect(await mainText(page)).not.toContain(data.secret.name);
    await searchFromPage(page, language, data.secretWord);
    await page.getByRole("heading", { name: t("search:empty.title", { query: data.secretWord }), exact: true }).waitFor();
    expect(await mainText(page)).toContain(t("search:empty.spelling"));
    expect(await mainText(page)).not.toContain(data.secretPost.slice(0, 20));
    await journey.expectAccessible(page, "no-results");
    // Not an index that missed it: a member of the secret community finds the same word.
    const membersView = await author.call<SearchPage>("GET", `/search?q=${encodeURIComponent(data.secretWord)}`);
    expect(membersView.items.map((hit) => hit.kind)).toContain("post");
  });

  step("explains kindly that a word to exclude alone searches nothing", async () => {
    await searchFromPage(page, language, data.excluded);
    await page.getByRole("status").filter({ hasText: t("search:page.nothingToSearch") }).waitFor();
    await journey.expectAccessible(page, "excluded-word-only");
  });

  step("opens the community's page when its suggestion is chosen with the keyboard", async () => {
    const box = await typeInHeader(page, language, { typed: data.typed, option: data.open.name });
    await box.press("ArrowDown");
    await box.press("Enter");
    await waitForHeading(page, data.open.name);
    await headerSuggestions(page, language).waitFor({ state: "hidden" });
    expect(await headerSearch(page, language).inputValue()).toBe("");
  });
});
