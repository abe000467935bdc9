import type { Community, Post } from "@ruche/contracts";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { makeImage } from "../../server/test/uploads.ts";
import { signInToHome } from "../screens/login.ts";
import { waitForHeading } from "../screens/shell.ts";
import {
  acknowledge,
  addPoll,
  announcementBanner,
  announcements,
  attachFiles,
  chooseCommunity,
  chooseFirstSuggestionByKeyboard,
  composer,
  editPost,
  feed,
  iconToggle,
  makeMustRead,
  markdownField,
  openBookmarks,
  openComments,
  openPostPage,
  openReadReceipts,
  openRevisions,
  openTopic,
  poll,
  pollResult,
  postCard,
  publish,
  reactionToggle,
  renderedBody,
  repliesTo,
  replyTo,
  showEditorTab,
  typeForSuggestion,
  vote,
  writeComment,
} from "../screens/stream.ts";
import { startJourney, type Journey } from "../support/accessibility.ts";
import { addColleague, signInByApi, type ApiSession } from "../support/api.ts";
import { launchBrowser, newVisitor } from "../support/browser.ts";
import { browserLocale, text } from "../support/catalogue.ts";
import { startRuche, type RunningRuche } from "../support/ruche.ts";
import { journeySteps } from "../support/steps.ts";

// The stream, in French: in an astronomy club, Lucie (who runs it) posts an evening out with
// Markdown, a topic and a mention picked from the autocomplete, a photo and a poll; Paul reacts,
// comments, votes, follows the topic and keeps the post; Lucie answers him and corrects her post;
// then she posts a must-read announcement, which Paul acknowledges and she sees read.
const language = "fr";
const t = (key: string, values?: Record<string, string | number>) => text(language, key, values);
const admin = { email: "direction@tilleuls.example", password: "une longue phrase de passe", name: "Jeanne Baret" };
const lucie = { email: "lucie@tilleuls.example", displayName: "Lucie Aubrac", password: "la phrase de passe de Lucie" };
const paul = { email: "paul@tilleuls.example", displayName: "Paul Langevin", password: "la phrase de passe de Paul", profile: { jobTitle: "Ingénieur optique" } };
const irene = { email: "irene@tilleuls.example", displayName: "Irène Joliot", password: "la phrase de passe d'Irène" };
const club = { kind: "interest", visibility: "public", name: "Club d'astronomie", description: "Observations du ciel sur le toit du bâtiment B." } as const;
const topic = "astronomie";
const earlierPost = `Qui a vu la Lune rousse hier soir ? #${topic}`;
const evening = {
  opening: "Ce vendredi, **observation de Jupiter** sur le toit :",
  items: ["lunette de 90 mm", "jumelles"],
  // Images are re-encoded (WebP, without metadata) and named after what they now are.
  photo: { chosen: "jupiter.png", shown: "jupiter.webp" },
  options: ["Vendredi 21 h", "Samedi 22 h"],
};
const edited = "Ce vendredi, **observation de Jupiter et de Saturne** sur le toit. Apportez vos jumelles !";
const comment = "Je viens avec mes jumelles, et une thermos de thé.";
const reply = "Parfait, rendez-vous à 21 h devant l'ascenseur.";
const notice = "Samedi, la coupole est fermée pour travaux : sortie reportée.";

let ruche: RunningRuche;
let browser: Browser;
let journey: Journey;
let community: Community;
let paulId: string;
const contexts: BrowserContext[] = [];

/** A French visitor's page, signed in as `person`. */
async function signedIn(person: { email: string; password: string; displayName: string }): Promise<Page> {
  const context = await newVisitor(browser, { baseURL: ruche.url, locale: browserLocale[language] });
  contexts.push(context);
  const page = await journey.open(context);
  await signInToHome(page, language, person);
  return page;
}

/** The club, with Lucie as its owner, Paul and Irène as members, and an earlier post that made the topic known. */
async function prepareClub(): Promise<void> {
  const direction = await signInByApi(ruche, { email: admin.email, password: admin.password });
  const lucieApi: ApiSession = await addColleague(ruche, direction, lucie);
  const paulApi = await addColleague(ruche, direction, paul);
  const ireneApi = await addColleague(ruche, direction, irene);
  paulId = paulApi.userId;
  community = await lucieApi.call<Community>("POST", "/communities", club);
  await paulApi.call("POST", `/communities/${community.id}/join`);
  await ireneApi.call("POST", `/communities/${community.id}/join`);
  await paulApi.call<Post>("POST", "/posts", { communityId: community.id, body: earlierPost });
}

beforeAll(async () => {
  [ruche, browser, journey] = await Promise.all([
    startRuche({ RUCHE_ADMIN_EMAIL: admin.email, RUCHE_ADMIN_PASSWORD: admin.password, RUCHE_ADMIN_NAME: admin.name }),
    launchBrowser(),
    startJourney("stream-fr"),
  ]);
  await prepareClub();
});
afterAll(async () => {
  await Promise.all(contexts.map((context) => context.close()));
  await browser?.close();
  await ruche?.stop();
});

describe("posting, reacting, commenting and announcing in a community, in fr", () => {
  const step = journeySteps(() => journey);
  const byLucie = { author: lucie.displayName, community: club.name };
  const evenings = { ...byLucie, containing: "observation de Jupiter" };
  let luciePage: Page;
  let paulPage: Page;

  step("lets an author write Markdown and pick a person and a topic from the autocomplete", async () => {
    luciePage = await signedIn(lucie);
    const form = composer(luciePage, language);
    await chooseCommunity(form, language, club.name);
    const body = markdownField(form, language);
    await body.fill(`${evening.opening}\n\n${evening.items.map((item) => `- ${item}`).join("\n")}\n\nAvec `);
    const person = await typeForSuggestion(body, { typed: "@Pau", kind: "person", option: paul.displayName, language });
    expect(await person.textContent()).toContain(paul.profile.jobTitle);
    await journey.expectAccessible(luciePage, "composer-mention-suggestions");
    await chooseFirstSuggestionByKeyboard(body, language, "person");
    await typeForSuggestion(body, { typed: "pour le club #astr", kind: "topic", option: `#${topic}`, language });
    await chooseFirstSuggestionByKeyboard(body, language, "topic");
    expect(await body.inputValue()).toContain(`Avec [@${paul.displayName}](mention:${paulId}) pour le club #${topic} `);
  });

  step("lets the author attach a photo and a poll, and preview the post as it will read", async () => {
    const form = composer(luciePage, language);
    await attachFiles(form, language, [{ name: evening.photo.chosen, mimeType: "image/png", buffer: await makeImage("png", 320, 200) }]);
    await addPoll(form, language, evening.options);
    const preview = await showEditorTab(form, language, "preview");
    await preview.locator("strong").getByText("observation de Jupiter", { exact: true }).waitFor();
    expect(await preview.getByRole("listitem").allTextContents()).toEqual(evening.items);
    expect(await preview.getByRole("link", { name: `@${paul.displayName}`, exact: true }).getAttribute("href")).toBe(`/people/${paulId}`);
    await preview.getByRole("link", { name: `#${topic}`, exact: true }).waitFor();
    await journey.expectAccessible(luciePage, "composer-preview");
    await showEditorTab(form, language, "write");
  });

  step("publishes it at the top of the home feed, rendered, with its photo's thumbnail", async () => {
    await publish(composer(luciePage, language), language);
    const home = feed(luciePage, t("stream:feed.homeTitle"));
    const card = home.getByRole("article").first();
    await postCard(home, language, evenings).waitFor();
    expect(await card.getAttribute("aria-label")).toBe(t("stream:post.label", byLucie));
    const body = renderedBody(card);
    await body.locator("strong").getByText("observation de Jupiter", { exact: true }).waitFor();
    expect(await body.getByRole("listitem").allTextContents()).toEqual(evening.items);
    expect(await body.getByRole("link", { name: `@${paul.displayName}`, exact: true }).getAttribute("href")).toBe(`/people/${paulId}`);
    expect(await body.getByRole("link", { name: `#${topic}`, exact: true }).getAttribute("href")).toBe(`/topics/${topic}`);
    const thumbnail = card.getByRole("button", { name: t("stream:attachments.open", { name: evening.photo.shown }), exact: true }).locator("img");
    expect(await thumbnail.getAttribute("src")).toMatch(/\/api\/v1\/attachments\/[^/]+\/thumbnail/);
    await expect.poll(() => thumbnail.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBeGreaterThan(0);
    await journey.expectAccessible(luciePage, "feed-with-post");
  });

  step("shows it to a colleague of the club, who reacts and comments", async () => {
    paulPage = await signedIn(paul);
    const card = postCard(feed(paulPage, t("stream:feed.homeTitle")), language, evenings);
    await poll(card, language).getByRole("radiogroup", { name: t("stream:poll.chooseOne"), exact: true }).waitFor();
    await reactionToggle(card, language, "celebrate", 0).click();
    const celebrated = reactionToggle(card, language, "celebrate", 1);
    await expect.poll(() => celebrated.getAttribute("aria-pressed")).toBe("true");
    await openComments(card, language, 0);
    await writeComment(card, language, { body: comment });
    await card.getByRole("button", { name: t("stream:comments.count", { count: 1 }), exact: true }).waitFor();
    await journey.expectAccessible(paulPage, "reacted-and-commented");
  });

  step("lets the author answer the comment on the post's own page", async () => {
    await luciePage.reload();
    const card = postCard(feed(luciePage, t("stream:feed.homeTitle")), language, evenings);
    await openPostPage(card, language, lucie.displayName);
    const own = postCard(luciePage, language, evenings);
    await reactionToggle(own, language, "celebrate", 1).waitFor();
    await replyTo(own, language, { name: paul.displayName, comment, body: reply });
    await journey.expectAccessible(luciePage, "post-page-with-reply");
  });

  step("lets the colleague vote and then, the results being shown after voting, see them", async () => {
    await paulPage.reload();
    const card = postCard(feed(paulPage, t("stream:feed.homeTitle")), language, evenings);
    expect(await poll(card, language).getByRole("list", { name: t("stream:poll.results"), exact: true }).count()).toBe(0);
    await vote(card, language, evening.options[0] ?? "");
    await pollResult(card, language, evening.options[0] ?? "").getByText(t("stream:poll.share", { percent: 100, count: 1 }), { exact: true }).waitFor();
    await pollResult(card, language, evening.options[1] ?? "").getByText(t("stream:poll.share", { percent: 0, count: 0 }), { exact: true }).waitFor();
    await poll(card, language).getByText(t("stream:poll.voters", { count: 1 }), { exact: false }).waitFor();
    await openComments(card, language, 2);
    await card.getByRole("button", { name: t("stream:comments.showReplies", { count: 1 }), exact: true }).click();
    await repliesTo(card, language, paul.displayName).getByText(reply, { exact: true }).waitFor();
    await journey.expectAccessible(paulPage, "voted-and-read-reply");
  });

  step("lets the colleague follow the topic from its page, which lists the club's posts on it", async () => {
    const card = postCard(feed(paulPage, t("stream:feed.homeTitle")), language, evenings);
    await openTopic(card, topic);
    const follow = paulPage.getByRole("button", { name: t("stream:topic.follow"), exact: true });
    expect(await follow.getAttribute("aria-pressed")).toBe("false");
    await follow.click();
    await expect.poll(() => follow.getAttribute("aria-pressed")).toBe("true");
    const posts = feed(paulPage, t("stream:topic.feed", { name: topic }));
    await postCard(posts, language, evenings).waitFor();
    await postCard(posts, language, { author: paul.displayName, community: club.name, containing: "Lune rousse" }).waitFor();
    await journey.expectAccessible(paulPage, "topic-page");
  });

  step("lets the colleague bookmark the post and find it among their bookmarks", async () => {
    await paulPage.goBack();
    const card = postCard(feed(paulPage, t("stream:feed.homeTitle")), language, evenings);
    const bookmark = iconToggle(card, language, "bookmark");
    await bookmark.click();
    await paulPage.getByText(t("stream:actions.bookmarked"), { exact: true }).waitFor();
    expect(await bookmark.getAttribute("aria-pressed")).toBe("true");
    await openBookmarks(paulPage, language);
    const kept = feed(paulPage, t("stream:bookmarks.title"));
    await postCard(kept, language, evenings).waitFor();
    expect(await kept.getByRole("article").count()).toBe(1);
    await journey.expectAccessible(paulPage, "bookmarks");
  });

  step("marks the author's corrected post as edited, its earlier version kept in its history", async () => {
    const card = postCard(luciePage, language, evenings);
    await editPost(card, language, edited);
    await renderedBody(card).locator("strong").getByText("observation de Jupiter et de Saturne", { exact: true }).waitFor();
    const history = await openRevisions(card, language);
    await history.getByText(t("stream:revisions.version", { version: 1 }), { exact: false }).waitFor();
    expect(await history.innerText()).toContain(evening.opening);
    expect(await history.innerText()).toContain(`Avec @${paul.displayName} pour le club #${topic}`);
    await journey.expectAccessible(luciePage, "revisions");
    await luciePage.keyboard.press("Escape");
    await history.waitFor({ state: "hidden" });
  });

  step("lets the club's manager post a must-read announcement from the composer", async () => {
    await luciePage.goto("/");
    const form = composer(luciePage, language);
    await chooseCommunity(form, language, club.name);
    await makeMustRead(form, language);
    await markdownField(form, language).fill(notice);
    await publish(form, language);
    const card = postCard(feed(luciePage, t("stream:feed.homeTitle")), language, { ...byLucie, containing: notice });
    await card.getByText(t("stream:post.mustRead"), { exact: true }).waitFor();
    await card.getByRole("button", { name: t("stream:receipts.summary", { count: 0, total: 2 }), exact: true }).waitFor();
  });

  step("shows the announcement above a member's home until they acknowledge it", async () => {
    await paulPage.goto("/");
    const banner = announcementBanner(paulPage, language, byLucie);
    await banner.getByText(notice, { exact: true }).waitFor();
    await banner.getByText(t("stream:post.mustRead"), { exact: true }).waitFor();
    await announcements(paulPage, language).getByText(t("stream:announcements.unread", { count: 1 }), { exact: true }).waitFor();
    await journey.expectAccessible(paulPage, "announcement-banner");
    await acknowledge(banner, language);
    await announcements(paulPage, language).waitFor({ state: "detached" });
    await paulPage.reload();
    await postCard(feed(paulPage, t("stream:feed.homeTitle")), language, { ...byLucie, containing: notice }).getByText(t("stream:announcements.read"), { exact: true }).waitFor();
    expect(await announcements(paulPage, language).count()).toBe(0);
  });

  step("tells the author who has read the announcement and who has not", async () => {
    await luciePage.reload();
    const card = postCard(feed(luciePage, t("stream:feed.homeTitle")), language, { ...byLucie, containing: notice });
    const receipts = await openReadReceipts(card, language, { read: 1, audience: 2 });
    await receipts.getByRole("list", { name: t("stream:receipts.read"), exact: true }).getByRole("link", { name: paul.displayName, exact: true }).waitFor();
    await journey.expectAccessible(luciePage, "read-receipts");
    await receipts.getByRole("tab", { name: t("stream:receipts.unread"), exact: true }).click();
    const unread = receipts.getByRole("list", { name: t("stream:receipts.unread"), exact: true });
    await unread.getByRole("link", { name: irene.displayName, exact: true }).waitFor();
    expect(await unread.getByRole("listitem").count()).toBe(1);
  });

  step("opens the club's page on its posts, the announcement and the evening among them", async () => {
    await luciePage.keyboard.press("Escape");
    await luciePage.goto(`/communities/${community.id}`);
    await waitForHeading(luciePage, club.name);
    const posts = feed(luciePage, t("stream:community.feed"));
    await postCard(posts, language, { ...byLucie, containing: notice }).waitFor();
    await postCard(posts, language, { ...byLucie, containing: "Saturne" }).waitFor();
    await journey.expectAccessible(luciePage, "community-posts");
  });
});
