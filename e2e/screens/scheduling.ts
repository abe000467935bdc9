import type { Locator, Page } from "playwright-core";
import { text, type Language } from "../support/catalogue.ts";
import { waitForHeading } from "./shell.ts";

/**
 * `at` as a `datetime-local` input takes it ("2026-03-10T08:05"), on the clock of the page's
 * browser: the picker reads what is typed in the visitor's time zone, not the test runner's.
 */
export async function localInputValue(page: Page, at: number): Promise<string> {
  const timeZone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(new Date(at))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** The date-time field of an open "send later" picker (or of a scheduled post, inside `scope`). */
export function sendTimeField(scope: Page | Locator, language: Language): Locator {
  return scope.getByLabel(text(language, "scheduling:sendLater.when"), { exact: true });
}

/** Opens the composer's "Envoyer plus tard" picker and waits for its date-time field. */
export async function openSendLater(form: Locator, language: Language): Promise<void> {
  await form.getByRole("button", { name: text(language, "scheduling:sendLater.open"), exact: true }).click();
  await sendTimeField(form.page(), language).waitFor();
}

/** The confirmation "Programmée pour mar. 08:05": its time is written as the browser formats it, so only the words around it are matched. */
function scheduledConfirmation(language: Language): RegExp {
  const escape = (part: string) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const [before = "", after = ""] = text(language, "scheduling:sendLater.scheduled", { time: "\n" }).split("\n");
  return new RegExp(`^${escape(before)}.+${escape(after)}$`);
}

/**
 * In the open picker, sets the time to `when` (a `datetime-local` value, see `localInputValue`),
 * schedules the post and waits for the confirmation and the picker to close.
 */
export async function scheduleFor(page: Page, language: Language, when: string): Promise<void> {
  const field = sendTimeField(page, language);
  await field.fill(when);
  await page.getByRole("button", { name: text(language, "scheduling:sendLater.confirm"), exact: true }).click();
  await page.getByText(scheduledConfirmation(language)).waitFor();
  await field.waitFor({ state: "hidden" });
}

/** Opens the scheduled posts from the user menu of `name` and waits for the page's title. */
export async function openScheduled(page: Page, language: Language, name: string): Promise<void> {
  await page.getByRole("button", { name: text(language, "nav.userMenu", { name }), exact: true }).click();
  await page.getByRole("menuitem", { name: text(language, "scheduling:list.title"), exact: true }).click();
  await page.waitForURL((url) => url.pathname === "/scheduled");
  await waitForHeading(page, text(language, "scheduling:list.title"));
}

/** A scheduled post on /scheduled, by the community it goes to (the item's heading). */
export function scheduledPost(page: Page, community: string): Locator {
  return page.getByRole("main").getByRole("listitem").filter({ has: page.getByText(community, { exact: true }) });
}

/** The files a waiting scheduled post holds, each a link named after the file. */
export function scheduledAttachments(item: Locator, language: Language): Locator {
  return item.getByRole("list", { name: text(language, "scheduling:list.attachments"), exact: true });
}

/** "Sondage : A ou B": a scheduled post's poll, its options joined as the page's language joins alternatives. */
export function scheduledPoll(item: Locator, language: Language, options: string[]): Locator {
  const joined = new Intl.ListFormat(language, { type: "disjunction" }).format(options);
  return item.getByText(text(language, "scheduling:list.poll", { options: joined }), { exact: true });
}
