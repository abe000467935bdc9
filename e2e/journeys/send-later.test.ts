import type { Community } from "@ruche/contracts";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { signInToHome } from "../screens/login.ts";
import { localInputValue, openScheduled, openSendLater, scheduledAttachments, scheduledPoll, scheduledPost, scheduleFor, sendTimeField } from "../screens/scheduling.ts";
import { waitForHeading } from "../screens/shell.ts";
import { addPoll, attachFiles, chooseCommunity, composer, feed, markdownField, poll, postCard, renderedBody } from "../screens/stream.ts";
import { startJourney, type Journey } from "../support/accessibility.ts";
import { addColleague, signInByApi } from "../support/api.ts";
import { launchBrowser, newVisitor } from "../support/browser.ts";
import { browserLocale, text } from "../support/catalogue.ts";
import { startRuche, type RunningRuche } from "../support/ruche.ts";
import { journeySteps } from "../support/steps.ts";

// "Send later", on a real clock: Lucie writes the club's next meeting with its agenda attached
// and a poll, and schedules it for a minute or two ahead. It leaves her composer, stays out of
// the club's feed, and waits on her scheduled page with its file and poll, the file still hers
// alone. When its minute comes (the publishing job runs every minute), it reaches Paul's open
// feed of the club, file and poll with it. In French, the language of the first organisations:
// the rules themselves (times, limits, refusals when the time comes) are tested on fixed clocks
// in the server's tests. It waits for a real minute to come, two to three minutes in all, which
// is why it runs in one language only.

const language = "fr" as const;
const t = (key: string, values?: Record<string, string | number>) => text(language, key, values);
const admin = { email: "direction@marronniers.example", displayName: "Jeanne Baret", password: "une longue phrase de passe" };
const author = { email: "lucie@marronniers.example", displayName: "Lucie Aubrac", password: "la phrase de passe de Lucie" };
const reader = { email: "paul@marronniers.example", displayName: "Paul Langevin", password: "la phrase de passe de Paul" };
const club = "Club de lecture";
const earlier = "Bienvenue au club de lecture !";
const meeting = {
  body: "Prochaine réunion du club : nous parlerons des *Misérables*. L'ordre du jour est joint.",
  containing: "Prochaine réunion du club",
  agenda: { name: "ordre-du-jour.txt", content: "1. Tome I, Fantine\n2. Choix du prochain livre\n" },
  options: ["Jeudi 18 h", "Vendredi 12 h 30"],
};

/** The first minute boundary at least 70 s away: a minute-precise time still ahead once typed in and sent. */
function minuteAtLeast70SecondsAway(now = Date.now()): number {
  return Math.ceil((now + 70_000) / 60_000) * 60_000;
}

describe("send later: a post with a file and a poll, held until its time, then in the feed", () => {
  let ruche: RunningRuche;
  let browser: Browser;
  let journey: Journey;
  let communityId = "";
  const contexts: BrowserContext[] = [];
  let authorPage: Page;
  let readerPage: Page;
  /** The instant chosen, and the picker's value for it. */
  let sendAt = 0;
  let when = "";
  /** Where the agenda downloads from, read on the scheduled page. */
  let agendaUrl = "";
  const byAuthor = { author: author.displayName, community: club };

  async function signedIn(person: typeof author): Promise<Page> {
    const context = await newVisitor(browser, { baseURL: ruche.url, locale: browserLocale[language] });
    contexts.push(context);
    const page = await journey.open(context);
    await signInToHome(page, language, person);
    return page;
  }

  /** The club's feed on `page`, open on the club's page. */
  const clubFeed = (page: Page) => feed(page, t("stream:community.feed"));

  /** What `page`'s visitor gets when asking for the agenda: its status, and its text when served. */
  async function downloadAgenda(page: Page): Promise<{ status: number; body: string }> {
    const response = await page.request.get(new URL(agendaUrl, page.url()).href);
    return { status: response.status(), body: response.ok() ? await response.text() : "" };
  }

  beforeAll(async () => {
    [ruche, browser, journey] = await Promise.all([
      startRuche({ RUCHE_ADMIN_EMAIL: admin.email, RUCHE_ADMIN_PASSWORD: admin.password, RUCHE_ADMIN_NAME: admin.displayName }),
      launchBrowser(),
      startJourney("send-later-fr"),
    ]);
    const direction = await signInByApi(ruche, { email: admin.email, password: admin.password });
    const authorApi = await addColleague(ruche, direction, author);
    const readerApi = await addColleague(ruche, direction, reader);
    const community = await authorApi.call<Community>("POST", "/communities", { kind: "interest", visibility: "public", name: club, description: club });
    communityId = community.id;
    await readerApi.call("POST", `/communities/${community.id}/join`);
    // Something in the feed already: an empty feed shows a sentence, not a feed to look in.
    await authorApi.call("POST", "/posts", { communityId: community.id, body: earlier });
    authorPage = await signedIn(author);
    readerPage = await signedIn(reader);
  });
  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    await browser?.close();
    await ruche?.stop();
  });

  const step = journeySteps(() => journey);

  step("lets a member schedule a post with a file and a poll a minute or two ahead, and empties the composer", async () => {
    expect(communityId).not.toBe("");
    const form = composer(authorPage, language);
    await chooseCommunity(form, language, club);
    await markdownField(form, language).fill(meeting.body);
    await attachFiles(form, language, [{ name: meeting.agenda.name, mimeType: "text/plain", buffer: Buffer.from(meeting.agenda.content) }]);
    await addPoll(form, language, meeting.options);
    await openSendLater(form, language);
    await journey.expectAccessible(authorPage, "send-later-picker");
    sendAt = minuteAtLeast70SecondsAway();
    when = await localInputValue(authorPage, sendAt);
    await scheduleFor(authorPage, language, when);
    await expect.poll(() => markdownField(form, language).inputValue()).toBe("");
    await form.getByRole("list", { name: t("stream:attachments.list"), exact: true }).waitFor({ state: "detached" });
    await form.getByRole("button", { name: t("stream:poll.add"), exact: true }).waitFor();
  });

  step("keeps the post out of the club's feed before its time", async () => {
    await readerPage.goto(`/communities/${communityId}`);
    await waitForHeading(readerPage, club);
    await postCard(clubFeed(readerPage), language, { ...byAuthor, containing: earlier }).waitFor();
    expect(await postCard(clubFeed(readerPage), language, { ...byAuthor, containing: meeting.containing }).count()).toBe(0);
    expect(Date.now()).toBeLessThan(sendAt);
  });

  step("lists it on the author's scheduled page, with its time, its file and its poll", async () => {
    await openScheduled(authorPage, language, author.displayName);
    const item = scheduledPost(authorPage, club);
    await item.getByText(t("scheduling:status.scheduled"), { exact: true }).waitFor();
    expect(await item.getByRole("textbox", { name: t("scheduling:list.body"), exact: true }).inputValue()).toBe(meeting.body);
    expect(await sendTimeField(item, language).inputValue()).toBe(when);
    await scheduledPoll(item, language, meeting.options).waitFor();
    const file = scheduledAttachments(item, language).getByRole("link", { name: meeting.agenda.name, exact: true });
    agendaUrl = (await file.getAttribute("href")) ?? "";
    expect(agendaUrl).toMatch(/^\/api\/v1\/attachments\/[^/]+\/download$/);
    await journey.expectAccessible(authorPage, "scheduled-posts");
  });

  step("keeps the file its author's alone until the post goes out", async () => {
    expect(await downloadAgenda(authorPage)).toEqual({ status: 200, body: meeting.agenda.content });
    expect((await downloadAgenda(readerPage)).status).toBe(404);
    expect(Date.now()).toBeLessThan(sendAt);
  });

  step(
    "brings the post, its file and its poll into a colleague's open feed of the club when its time comes",
    async () => {
      // The publishing job is due every minute; pg-boss looks at its schedules every 10 s and
      // picks the run up within 2 s (platform/jobs.ts): the post is out well within 30 s of its minute.
      const banner = readerPage.getByRole("button", { name: t("notifications:live.newPosts", { count: 1 }), exact: true });
      await banner.waitFor({ timeout: sendAt - Date.now() + 30_000 });
      expect(Date.now()).toBeGreaterThanOrEqual(sendAt);
      await banner.click();
      const card = postCard(clubFeed(readerPage), language, { ...byAuthor, containing: meeting.containing });
      await renderedBody(card).locator("em").getByText("Misérables", { exact: true }).waitFor();
      await card.getByRole("list", { name: t("stream:attachments.files"), exact: true }).getByRole("link", { name: meeting.agenda.name, exact: true }).waitFor();
      const ballot = poll(card, language).getByRole("radiogroup", { name: t("stream:poll.chooseOne"), exact: true });
      for (const option of meeting.options) await ballot.getByRole("radio", { name: option, exact: true }).waitFor();
      expect(await downloadAgenda(readerPage)).toEqual({ status: 200, body: meeting.agenda.content });
      await journey.expectAccessible(readerPage, "scheduled-post-in-feed");
    },
    // At most 130 s to its time, then the half minute the job may take.
    180_000,
  );

  step("marks it sent on the author's scheduled page, with a link to the post", async () => {
    await authorPage.reload();
    await waitForHeading(authorPage, t("scheduling:list.title"));
    const item = scheduledPost(authorPage, club);
    await item.getByText(t("scheduling:status.published"), { exact: true }).waitFor();
    await item.getByRole("link", { name: t("scheduling:list.openPost"), exact: true }).click();
    await authorPage.waitForURL(/\/posts\/[^/]+$/);
    await postCard(authorPage, language, { ...byAuthor, containing: meeting.containing }).waitFor();
  });
});
