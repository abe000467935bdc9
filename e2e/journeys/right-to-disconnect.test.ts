import type { Community } from "@ruche/contracts";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { signInToHome } from "../screens/login.ts";
import { chooseCommunity, composer, markdownField, publish } from "../screens/stream.ts";
import { startJourney, type Journey } from "../support/accessibility.ts";
import { addColleague, signInByApi } from "../support/api.ts";
import { launchBrowser, newVisitor } from "../support/browser.ts";
import { browserLocale, text } from "../support/catalogue.ts";
import { mailTextsTo } from "../support/mail.ts";
import { startRuche, type RunningRuche } from "../support/ruche.ts";
import { journeySteps } from "../support/steps.ts";

// The right to disconnect, on a real clock: Grace asked for mail at once, but her working day
// starts in two minutes. Ada mentions her now: Grace's bell counts it at once, no mail leaves
// while she is off, and when her day starts the mention reaches her mailbox. In French, the
// language of the first organisations; the held-and-released rules themselves are tested on
// fixed clocks across time zones and DST changes in the server's tests. It takes its two
// minutes of real time, which is why it runs in one language only.

const language = "fr" as const;
const admin = { email: "direction@platanes.example", displayName: "Jeanne Baret", password: "une longue phrase de passe" };
const author = { email: "ada@platanes.example", displayName: "Ada Lovelace", password: "la phrase de passe d'Ada" };
const reader = { email: "grace@platanes.example", displayName: "Grace Hopper", password: "la phrase de passe de Grace" };
const club = "Atelier astronomie";
const mention = "le télescope est réservé pour jeudi soir.";

/** Zones far enough apart that in one of them the day is not about to end. */
const ZONES = ["Europe/Paris", "Asia/Tokyo", "America/Toronto", "Pacific/Auckland", "America/Los_Angeles"];

interface WorkingStart {
  zone: string;
  /** ISO weekday (1 = Monday) in that zone. */
  day: number;
  /** "HH:MM" in that zone: the next minute boundary at least 100 s away. */
  start: string;
  /** The same instant, to wait for. */
  at: number;
}

/** A working day that starts about two minutes from now, somewhere it will not cross midnight. */
function workingDayStartingSoon(now = Date.now()): WorkingStart {
  const at = Math.ceil((now + 100_000) / 60_000) * 60_000;
  for (const zone of ZONES) {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat("en-GB", { timeZone: zone, weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
        .formatToParts(new Date(at))
        .map((part) => [part.type, part.value]),
    );
    const [hour, minute] = [Number(parts.hour), Number(parts.minute)];
    if (hour >= 1 && hour <= 21) {
      const day = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(String(parts.weekday)) + 1;
      return { zone, day, start: `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`, at };
    }
  }
  throw new Error("no zone found where the day is under way");
}

describe("the right to disconnect: mail held outside working time, released when the day starts", () => {
  const t = (key: string, values?: Record<string, string | number>) => text(language, key, values);
  let ruche: RunningRuche;
  let browser: Browser;
  let journey: Journey;
  let readerId = "";
  let communityId = "";
  let dayStarts: WorkingStart;
  const contexts: BrowserContext[] = [];
  let authorPage: Page;
  let readerPage: Page;

  async function signedIn(person: typeof author): Promise<Page> {
    const context = await newVisitor(browser, { baseURL: ruche.url, locale: browserLocale[language] });
    contexts.push(context);
    const page = await journey.open(context);
    await signInToHome(page, language, person);
    return page;
  }

  const mentionMails = async () => (await mailTextsTo(ruche.mailDir, reader.email)).filter((mail) => mail.includes(mention));

  beforeAll(async () => {
    [ruche, browser, journey] = await Promise.all([
      startRuche({ RUCHE_ADMIN_EMAIL: admin.email, RUCHE_ADMIN_PASSWORD: admin.password, RUCHE_ADMIN_NAME: admin.displayName }),
      launchBrowser(),
      startJourney("right-to-disconnect-fr"),
    ]);
    const direction = await signInByApi(ruche, { email: admin.email, password: admin.password });
    const authorApi = await addColleague(ruche, direction, author);
    // Her own hours replace the organisation's: today, from two minutes from now to the evening.
    dayStarts = workingDayStartingSoon();
    const readerApi = await addColleague(ruche, direction, {
      ...reader,
      profile: { timezone: dayStarts.zone, workingHours: [{ day: dayStarts.day, start: dayStarts.start, end: "23:00" }] },
    });
    readerId = readerApi.userId;
    await readerApi.call("PATCH", "/me/notification-settings", { email: "immediate" });
    const community = await authorApi.call<Community>("POST", "/communities", { kind: "interest", visibility: "public", name: club, description: club });
    communityId = community.id;
    await readerApi.call("POST", `/communities/${community.id}/join`);
    authorPage = await signedIn(author);
    readerPage = await signedIn(reader);
  });
  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    await browser?.close();
    await ruche?.stop();
  });

  const step = journeySteps(() => journey);

  step("counts a mention on the bell of someone who is off, and mails nothing while they are off", async () => {
    expect(communityId).not.toBe("");
    const form = composer(authorPage, language);
    await chooseCommunity(form, language, club);
    await markdownField(form, language).fill(`[@${reader.displayName}](mention:${readerId}) ${mention}`);
    await publish(form, language);
    await readerPage.getByRole("link", { name: t("notifications:bell.unread", { count: 1 }), exact: true }).waitFor({ timeout: 15_000 });
    await journey.expectAccessible(readerPage, "bell-while-off");
    // Until a few seconds before her day starts, her mailbox stays empty of it (the release job
    // runs every minute, so a mail sent by mistake would have had time to land).
    while (Date.now() < dayStarts.at - 5_000) {
      expect(await mentionMails()).toEqual([]);
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
    expect(await mentionMails()).toEqual([]);
  }, 180_000);

  step("mails the mention once her working day has started", async () => {
    await expect.poll(async () => (await mentionMails()).length, { timeout: 150_000, interval: 2_000 }).toBe(1);
    expect(Date.now()).toBeGreaterThanOrEqual(dayStarts.at);
  }, 180_000);
});
