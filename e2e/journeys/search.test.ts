import type { Comment, Community, Post, SearchPage } from "@ruche/contracts";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { signInToHome } from "../screens/login.ts";
import { authorFilter, chooseAuthor, headerSearch, headerSuggestions, searchFromPage, searchResults, typeInHeader } from "../screens/search.ts";
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
// suggestion, while its members find it. A reply found by the search opens the post at that reply
// (a page of comments further, in a thread that was closed), marked; filtering by its author keeps
// it and leaves out a colleague's post with the same word.
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
    filler: "Noted, thanks",
    question: "Where did the kit go?",
    reply: "The descaling kit is in the cupboard under the sink.",
    readerPost: "Who has seen the descaling kit? The machine needs it.",
    replyWord: "descaling",
    authorTyped: "Ada",
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
    filler: "Bien noté, merci",
    question: "Où est passé le kit ?",
    reply: "Le kit de détartrage est dans le placard sous l'évier.",
    readerPost: "Qui a vu le kit de détartrage ? La machine en a besoin.",
    replyWord: "détartrage",
    authorTyped: "Émilie",
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
  let post: Post;
  let reply: Comment;

  beforeAll(async () => {
    journey = await startJourney(`search-${language}`);
    author = await addColleague(ruche, direction, data.author);
    const reader = await addColleague(ruche, direction, data.reader);
    const open = await author.call<Community>("POST", "/communities", data.open);
    const secret = await author.call<Community>("POST", "/communities", data.secret);
    await reader.call("POST", `/communities/${open.id}/join`);
    post = await author.call<Post>("POST", "/posts", { communityId: open.id, body: data.post });
    await author.call("POST", "/posts", { communityId: secret.id, body: data.secretPost });
    // A page of comments (20) before the question, so that its thread is on the second page.
    for (let n = 1; n <= 20; n += 1) await author.call("POST", `/posts/${post.id}/comments`, { body: `${data.filler} (${n})` });
    const question = await reader.call<Comment>("POST", `/posts/${post.id}/comments`, { body: data.question });
    reply = await author.call<Comment>("POST", `/posts/${post.id}/comments`, { body: data.reply, parentId: question.id });
    await reader.call("POST", "/posts", { communityId: open.id, body: data.readerPost });
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

  step("opens a reply found by the search at that reply, its thread opened, scrolled to and marked", async () => {
    await page.goto("/search");
    await searchFromPage(page, language, data.replyWord);
    const results = searchResults(page, language, data.replyWord);
    await results.getByRole("link", { name: t("search:hit.comment", { author: data.author.displayName }), exact: true }).click();
    await page.waitForURL((url) => url.pathname === `/posts/${post.id}` && url.hash === `#comment-${reply.id}`);
    // The question is the 21st comment: a second page loads, and its closed thread opens, by themselves.
    const found = page.locator(`li[id="comment-${reply.id}"]`);
    await found.waitFor();
    expect(await found.innerText()).toContain(data.reply);
    expect(await found.getAttribute("class")).toContain("comment-anchored");
    await page.waitForFunction((id) => {
      const element = document.getElementById(id);
      if (!element) return false;
      const box = element.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight && document.activeElement === element;
    }, `comment-${reply.id}`);
    expect(await found.getByText(t("stream:comments.linked"), { exact: true }).count()).toBe(1);
    await journey.expectAccessible(page, "linked-reply");
  });

  step("keeps only an author's results with the author filter, kept in the URL", async () => {
    await page.goto(`/search?q=${encodeURIComponent(data.replyWord)}`);
    const results = searchResults(page, language, data.replyWord);
    const readersPost = results.getByRole("link", { name: t("search:hit.post", { author: data.reader.displayName }), exact: true });
    const authorsReply = results.getByRole("link", { name: t("search:hit.comment", { author: data.author.displayName }), exact: true });
    await readersPost.waitFor();
    await authorsReply.waitFor();
    await chooseAuthor(page, language, { typed: data.authorTyped, name: data.author.displayName });
    await page.waitForURL((url) => url.searchParams.get("author") === author.userId);
    await page.getByRole("status").filter({ hasText: t("search:page.shown", { count: 1 }) }).waitFor({ state: "attached" });
    await authorsReply.waitFor();
    expect(await readersPost.count()).toBe(0);
    await journey.expectAccessible(page, "author-filter");
    // From the URL alone, the chip names the author; removing it brings the colleague's post back.
    await page.reload();
    const remove = page.getByRole("button", { name: t("search:filters.clearAuthor", { name: data.author.displayName }), exact: true });
    await remove.click();
    await page.waitForURL((url) => !url.searchParams.has("author"));
    await readersPost.waitFor();
    expect(await authorFilter(page, language).evaluate((element) => element === document.activeElement)).toBe(true);
  });
});
