import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { signIn } from "../screens/login.ts";
import { findAndOpenPerson } from "../screens/people.ts";
import { profileField, saveProfile } from "../screens/profile.ts";
import { navigate, waitForHeading } from "../screens/shell.ts";
import { startJourney, type Journey } from "../support/accessibility.ts";
import { addColleague, signInByApi } from "../support/api.ts";
import { launchBrowser, newVisitor } from "../support/browser.ts";
import { browserLocale, text } from "../support/catalogue.ts";
import { startRuche, type RunningRuche } from "../support/ruche.ts";
import { journeySteps } from "../support/steps.ts";

// A French-speaking member on a phone (375 × 812, touch): sign-in, profile and directory
// through the burger navigation.
const language = "fr";
const t = (key: string, values?: Record<string, string | number>) => text(language, key, values);
const admin = { email: "direction@tilleuls.example", password: "une longue phrase de passe", name: "Jeanne Baret" };
const colleague = {
  email: "camille@tilleuls.example",
  displayName: "Camille Moreau",
  password: "une autre phrase de passe",
  profile: { jobTitle: "Responsable logistique", department: "Logistique", skills: ["Transport", "Stocks"] },
};

let ruche: RunningRuche;
let browser: Browser;
let journey: Journey;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  [ruche, browser, journey] = await Promise.all([
    startRuche({ RUCHE_ADMIN_EMAIL: admin.email, RUCHE_ADMIN_PASSWORD: admin.password, RUCHE_ADMIN_NAME: admin.name }),
    launchBrowser(),
    startJourney("phone-fr"),
  ]);
  await addColleague(ruche, await signInByApi(ruche, { email: admin.email, password: admin.password }), colleague);
  context = await newVisitor(browser, { baseURL: ruche.url, locale: browserLocale[language], phone: true });
  page = await journey.open(context);
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await ruche?.stop();
});

describe("Ruche on a phone", () => {
  const step = journeySteps(() => journey);

  step("signs in", async () => {
    await page.goto("/");
    await page.waitForURL(/\/login/);
    await journey.expectAccessible(page, "login");
    await signIn(page, language, colleague);
    await waitForHeading(page, t("home.welcome", { name: colleague.displayName }));
    await journey.expectAccessible(page, "home");
  });

  step("opens the folded navigation with the burger and edits the profile", async () => {
    const burger = page.getByRole("button", { name: t("nav.openMenu"), exact: true });
    expect.soft(await burger.getAttribute("aria-expanded"), "the burger says whether the navigation is folded").toBe("false");
    await burger.tap();
    await page.getByRole("navigation", { name: t("nav.main"), exact: true }).getByRole("link", { name: t("nav.profile"), exact: true }).waitFor();
    expect.soft(await burger.getAttribute("aria-expanded"), "the burger says the navigation is open").toBe("true");
    await journey.expectAccessible(page, "navigation-open");
    await page.getByRole("navigation", { name: t("nav.main"), exact: true }).getByRole("link", { name: t("nav.profile"), exact: true }).tap();
    await page.waitForURL(/\/me$/);
    await waitForHeading(page, t("people:profile.title"));
    await journey.expectAccessible(page, "profile");
    await page.getByRole("textbox", { name: t("people:fields.location"), exact: true }).fill("Lyon");
    await saveProfile(page, language);
    expect(await profileField(page, language, "jobTitle")).toBe(colleague.profile.jobTitle);
    await journey.expectAccessible(page, "profile-saved");
  });

  step("finds a colleague in the directory and opens their profile", async () => {
    await navigate(page, language, "nav.people", { phone: true });
    await page.waitForURL(/\/people/);
    await waitForHeading(page, t("people:directory.title"));
    await journey.expectAccessible(page, "directory");
    await findAndOpenPerson(page, language, "Baret", admin.name, { phone: true });
    await journey.expectAccessible(page, "person");
  });

  step("shows the colleague's own public profile with what they wrote", async () => {
    await navigate(page, language, "nav.profile", { phone: true });
    await page.getByRole("link", { name: t("people:profile.viewPublic"), exact: true }).tap();
    await waitForHeading(page, colleague.displayName);
    await page.getByText("Lyon", { exact: false }).first().waitFor();
    await journey.expectAccessible(page, "own-public-profile");
  });

  step("opens the access tokens screen from the user menu", async () => {
    await page.getByRole("button", { name: t("nav.userMenu", { name: colleague.displayName }), exact: true }).tap();
    await page.getByRole("menuitem", { name: t("nav.tokens"), exact: true }).tap();
    await waitForHeading(page, t("people:tokens.title"));
    await journey.expectAccessible(page, "tokens");
  });
});
