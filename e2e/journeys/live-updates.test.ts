import type { Community } from "@ruche/contracts";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { signInToHome } from "../screens/login.ts";
import { waitForHeading } from "../screens/shell.ts";
import { chooseCommunity, composer, feed, markdownField, postCard, publish } from "../screens/stream.ts";
import { startJourney, type Journey } from "../support/accessibility.ts";
import { addColleague, signInByApi } from "../support/api.ts";
import { launchBrowser, newVisitor } from "../support/browser.ts";
import { browserLocale, text, type Language } from "../support/catalogue.ts";
import { startRuche, type RunningRuche } from "../support/ruche.ts";
import { journeySteps } from "../support/steps.ts";

// Live updates, in both languages, two people in two browsers: Ada posts in the club while Grace
// reads her home feed, which offers "1 new post" without reloading; then Ada mentions Grace, whose
// bell goes from nothing to 1 unread live; Grace opens her notifications and the mention, which
// is then read.

interface Person {
  email: string;
  displayName: string;
  password: string;
}

const cast: Record<Language, { admin: Person; author: Person; reader: Person; club: string; earlier: string; first: string; mention: string }> = {
  en: {
    admin: { email: "office@lindens.example", displayName: "Mary Somerville", password: "a long enough pass phrase" },
    author: { email: "ada@lindens.example", displayName: "Ada Lovelace", password: "Ada's long pass phrase" },
    reader: { email: "grace@lindens.example", displayName: "Grace Hopper", password: "Grace's long pass phrase" },
    club: "Chess club",
    earlier: "Welcome to the chess club!",
    first: "Friday's tournament starts at six in room 4.",
    mention: "can you bring the spare clocks?",
  },
  fr: {
    admin: { email: "direction@tilleuls.example", displayName: "Jeanne Baret", password: "une longue phrase de passe" },
    author: { email: "ada@tilleuls.example", displayName: "Ada Lovelace", password: "la phrase de passe d'Ada" },
    reader: { email: "grace@tilleuls.example", displayName: "Grace Hopper", password: "la phrase de passe de Grace" },
    club: "Club d'échecs",
    earlier: "Bienvenue au club d'échecs !",
    first: "Le tournoi de vendredi commence à 18 h en salle 4.",
    mention: "peux-tu apporter les pendules de rechange ?",
  },
};

/** Marks the page, so that a later check tells whether it was reloaded in between. */
const markPage = (page: Page) => page.evaluate(() => Object.assign(window, { rucheNotReloaded: true }));
const stillSamePage = (page: Page) => page.evaluate(() => "rucheNotReloaded" in window);

/** Topics the page's stream was told are now delivered, watched from its WebSocket frames. */
function watchSubscriptions(page: Page): Set<string> {
  const topics = new Set<string>();
  page.on("websocket", (socket) => {
    socket.on("framereceived", ({ payload }) => {
      const message = JSON.parse(String(payload)) as { type?: string; topics?: string[] };
      if (message.type === "subscribed") for (const topic of message.topics ?? []) topics.add(topic);
    });
  });
  return topics;
}

for (const language of ["en", "fr"] as const) {
  describe(`live updates between two browsers, in ${language}`, () => {
    const t = (key: string, values?: Record<string, string | number>) => text(language, key, values);
    const { admin, author, reader, club, earlier, first, mention } = cast[language];
    const inClub = { author: author.displayName, community: club };
    let ruche: RunningRuche;
    let browser: Browser;
    let journey: Journey;
    let readerId = "";
    const contexts: BrowserContext[] = [];
    let authorPage: Page;
    let readerPage: Page;
    let readerTopics = new Set<string>();

    async function signedIn(person: Person): Promise<{ page: Page; topics: Set<string> }> {
      const context = await newVisitor(browser, { baseURL: ruche.url, locale: browserLocale[language] });
      contexts.push(context);
      const page = await journey.open(context);
      const topics = watchSubscriptions(page);
      await signInToHome(page, language, person);
      return { page, topics };
    }

    /** Waits until the reader's stream delivers `topic`: a post made earlier would not be live. */
    async function readerReceives(topic: string): Promise<void> {
      await expect.poll(() => readerTopics.has(topic), { timeout: 10_000 }).toBe(true);
    }

    async function post(body: string): Promise<void> {
      const form = composer(authorPage, language);
      // The composer keeps the last community; choosing it again would deselect it.
      const chosen = form.getByRole("textbox", { name: t("stream:composer.community"), exact: true });
      if ((await chosen.inputValue()) !== club) await chooseCommunity(form, language, club);
      expect(await chosen.inputValue()).toBe(club);
      await markdownField(form, language).fill(body);
      await publish(form, language);
    }

    beforeAll(async () => {
      [ruche, browser, journey] = await Promise.all([
        startRuche({ RUCHE_ADMIN_EMAIL: admin.email, RUCHE_ADMIN_PASSWORD: admin.password, RUCHE_ADMIN_NAME: admin.displayName }),
        launchBrowser(),
        startJourney(`live-updates-${language}`),
      ]);
      const direction = await signInByApi(ruche, { email: admin.email, password: admin.password });
      const authorApi = await addColleague(ruche, direction, author);
      const readerApi = await addColleague(ruche, direction, reader);
      readerId = readerApi.userId;
      const community = await authorApi.call<Community>("POST", "/communities", { kind: "interest", visibility: "public", name: club, description: club });
      await readerApi.call("POST", `/communities/${community.id}/join`);
      // Something to read already: an empty home shows a sentence, not a feed.
      await authorApi.call("POST", "/posts", { communityId: community.id, body: earlier });
      authorPage = (await signedIn(author)).page;
      ({ page: readerPage, topics: readerTopics } = await signedIn(reader));
    });
    afterAll(async () => {
      await Promise.all(contexts.map((context) => context.close()));
      await browser?.close();
      await ruche?.stop();
    });

    const step = journeySteps(() => journey);

    step("offers a colleague's new post as '1 new post' on an open feed, without reloading, and shows it on click", async () => {
      const home = feed(readerPage, t("stream:feed.homeTitle"));
      await postCard(home, language, { ...inClub, containing: earlier }).waitFor();
      await readerReceives("home");
      await markPage(readerPage);
      await post(first);
      const banner = readerPage.getByRole("button", { name: t("notifications:live.newPosts", { count: 1 }), exact: true });
      await banner.waitFor();
      expect(await postCard(home, language, { ...inClub, containing: first }).count()).toBe(0);
      await journey.expectAccessible(readerPage, "new-post-banner");
      await banner.click();
      await postCard(home, language, { ...inClub, containing: first }).waitFor();
      await banner.waitFor({ state: "detached" });
      expect(await stillSamePage(readerPage)).toBe(true);
      await journey.expectAccessible(readerPage, "new-post-shown");
    });

    step("turns the bell of a person mentioned in a post from no unread to 1 unread, live", async () => {
      await readerPage.getByRole("link", { name: t("notifications:bell.label"), exact: true }).waitFor();
      await readerReceives("notifications");
      await post(`[@${reader.displayName}](mention:${readerId}) ${mention}`);
      await readerPage.getByRole("link", { name: t("notifications:bell.unread", { count: 1 }), exact: true }).waitFor();
      expect(await stillSamePage(readerPage)).toBe(true);
      await journey.expectAccessible(readerPage, "bell-one-unread");
    });

    step("lists the mention on the notifications page, unread, and opening it marks it read", async () => {
      await readerPage.getByRole("link", { name: t("notifications:bell.unread", { count: 1 }), exact: true }).click();
      await waitForHeading(readerPage, t("notifications:page.title"));
      const list = readerPage.getByRole("list", { name: t("notifications:page.list"), exact: true });
      const item = list.getByRole("link").filter({ hasText: t("notifications:kinds.mentionPost", { actor: author.displayName }) });
      await item.getByText(t("notifications:page.unread"), { exact: true }).waitFor();
      expect(await item.innerText()).toContain(mention);
      await journey.expectAccessible(readerPage, "notifications-unread");
      await item.click();
      await readerPage.waitForURL(/\/posts\/[^/]+$/);
      await postCard(readerPage, language, { ...inClub, containing: mention }).waitFor();
      await readerPage.getByRole("link", { name: t("notifications:bell.label"), exact: true }).waitFor();
      await readerPage.goBack();
      await waitForHeading(readerPage, t("notifications:page.title"));
      await item.waitFor();
      await expect.poll(() => item.getByText(t("notifications:page.unread"), { exact: true }).count()).toBe(0);
      await journey.expectAccessible(readerPage, "notifications-read");
    });
  });
}
