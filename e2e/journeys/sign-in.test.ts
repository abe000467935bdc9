import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { signIn } from "../screens/login.ts";
import { chooseNewPassword, requestPasswordReset } from "../screens/password-reset.ts";
import { interfaceLanguage } from "../screens/shell.ts";
import { startJourney, type Journey } from "../support/accessibility.ts";
import { addColleague, signInByApi } from "../support/api.ts";
import { launchBrowser, newVisitor } from "../support/browser.ts";
import { browserLocale, text, type Language } from "../support/catalogue.ts";
import { waitForLink } from "../support/mail.ts";
import { startRuche, type RunningRuche } from "../support/ruche.ts";

const admin = { email: "admin@example.com", password: "a long admin passphrase", name: "Ada Lovelace" };
// Someone who forgot their password (the administrator's stays as it is for the other journeys).
const forgetful = { email: "oublieuse@example.com", displayName: "Louise Michel", password: "la commune de paris 1871" };

let ruche: RunningRuche;
let browser: Browser;

beforeAll(async () => {
  [ruche, browser] = await Promise.all([
    startRuche({ RUCHE_ADMIN_EMAIL: admin.email, RUCHE_ADMIN_PASSWORD: admin.password, RUCHE_ADMIN_NAME: admin.name }),
    launchBrowser(),
  ]);
  await addColleague(ruche, await signInByApi(ruche, { email: admin.email, password: admin.password }), forgetful);
});
afterAll(async () => {
  await browser?.close();
  await ruche?.stop();
});

/** A journey recorded as `name`, in a fresh visitor's browser: screenshots on failure, closed at the end. */
async function visit(name: string, language: Language): Promise<{ journey: Journey; page: Page }> {
  const journey = await startJourney(name);
  const visitor = await newVisitor(browser, { baseURL: ruche.url, locale: browserLocale[language] });
  // Vitest runs "finished" hooks before "failed" ones: capture, then close, in one.
  onTestFinished(async ({ task }) => {
    if (task.result?.state === "fail") await journey.captureFailure();
    await visitor.close();
  });
  return { journey, page: await journey.open(visitor) };
}

describe.each(["en", "fr"] as const)("signing in, in %s", (language: Language) => {
  it("says clearly, in the visitor's language, that a password is wrong, then signs in and returns to the page asked for", async () => {
    const { journey, page } = await visit(`sign-in-${language}`, language);

    await page.goto("/people");
    await page.waitForURL(/\/login\?next=%2Fpeople$/);
    expect(await interfaceLanguage(page)).toBe(language);
    await journey.expectAccessible(page, "login");

    await signIn(page, language, { email: admin.email, password: "not the right passphrase" });
    const alert = page.getByRole("alert").filter({ hasText: text(language, "errors.invalid_credentials") });
    await alert.waitFor();
    expect(await alert.textContent()).toContain(text(language, "auth:login.failed"));
    await journey.expectAccessible(page, "wrong-password");

    await signIn(page, language, admin);
    await page.waitForURL(/\/people$/);
    await journey.expectAccessible(page, "people");
  });
});

describe("a forgotten password, in fr", () => {
  it("sends a reset link by email, whose page sets a new password that then signs in", async () => {
    const language = "fr";
    const { journey, page } = await visit("password-reset-fr", language);

    await page.goto("/login");
    await requestPasswordReset(page, language, forgetful.email);
    await journey.expectAccessible(page, "reset-requested");

    await page.goto(await waitForLink(ruche.mailDir, forgetful.email, `${ruche.url}/password-reset?token=`));
    await page.getByRole("heading", { level: 1, name: text(language, "auth:reset.newTitle"), exact: true }).waitFor();
    await journey.expectAccessible(page, "new-password");
    await chooseNewPassword(page, language, "une toute nouvelle phrase de passe");
    await journey.expectAccessible(page, "password-changed");

    await page.getByRole("link", { name: text(language, "auth:links.signIn"), exact: true }).click();
    await signIn(page, language, { email: forgetful.email, password: "une toute nouvelle phrase de passe" });
    await page.getByRole("heading", { level: 1, name: text(language, "home.welcome", { name: forgetful.displayName }), exact: true }).waitFor();
  });
});

describe("the keyboard alone, in en", () => {
  it("signs in, then skips the navigation to the content", async () => {
    const language = "en";
    const { page } = await visit("keyboard-en", language);
    const isFocused = (locator: Locator) => locator.evaluate((element) => element === document.activeElement);

    await page.goto("/login");
    await page.getByRole("heading", { level: 1, name: text(language, "auth:login.title"), exact: true }).waitFor();
    await page.keyboard.press("Tab");
    expect(await isFocused(page.getByRole("textbox", { name: text(language, "auth:fields.email"), exact: true }))).toBe(true);
    await page.keyboard.type(admin.email);
    await page.keyboard.press("Tab");
    expect(await isFocused(page.getByRole("textbox", { name: text(language, "auth:fields.password"), exact: true }))).toBe(true);
    await page.keyboard.type(admin.password);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: text(language, "home.welcome", { name: admin.name }), exact: true }).waitFor();

    await page.keyboard.press("Tab");
    const skipLink = page.getByRole("link", { name: text(language, "skipToContent"), exact: true });
    expect(await isFocused(skipLink)).toBe(true);
    expect((await skipLink.boundingBox())?.x ?? -1).toBeGreaterThanOrEqual(0);
    await page.keyboard.press("Enter");
    expect(await isFocused(page.getByRole("main"))).toBe(true);
  });
});
