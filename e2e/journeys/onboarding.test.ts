import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { openInvitation, sendInvitation } from "../screens/admin.ts";
import { acceptInvitation, expectInvitation } from "../screens/invitation.ts";
import { signIn } from "../screens/login.ts";
import { findAndOpenPerson } from "../screens/people.ts";
import { fillProfile, profileField, saveProfile } from "../screens/profile.ts";
import { setUpOrganisation } from "../screens/setup.ts";
import { interfaceLanguage, navigate, waitForHeading } from "../screens/shell.ts";
import { startJourney, type Journey } from "../support/accessibility.ts";
import { launchBrowser, newVisitor } from "../support/browser.ts";
import { browserLocale, text, type Language } from "../support/catalogue.ts";
import { waitForLink } from "../support/mail.ts";
import { startRuche, type RunningRuche } from "../support/ruche.ts";
import { journeySteps } from "../support/steps.ts";

// The first day of a Ruche, in each language: the administrator sets it up and invites a
// colleague, who joins from the mailed link, fills in a profile and finds the administrator.
const people = {
  en: {
    // A French organisation with English-speaking staff: their browser's language wins.
    organisationName: "Northwind Traders",
    organisationLanguage: "fr",
    admin: { name: "Margaret Hamilton", email: "margaret@northwind.example", password: "apollo guidance computer 1969" },
    colleague: { name: "Grace Hopper", email: "grace@northwind.example", password: "compilers all the way down" },
    profile: { jobTitle: "Software engineer", department: "Research", skills: ["COBOL", "Compilers"], timezone: { search: "London", zone: "Europe/London" } },
  },
  fr: {
    organisationName: "Coopérative des Tilleuls",
    organisationLanguage: "fr",
    admin: { name: "Marie Curie", email: "marie@tilleuls.example", password: "polonium et radium 1898" },
    colleague: { name: "Hélène Boucher", email: "helene@tilleuls.example", password: "aviatrice du record 1934" },
    profile: { jobTitle: "Ingénieure qualité", department: "Production", skills: ["Audit", "Gestion de projet"], timezone: { search: "Paris", zone: "Europe/Paris" } },
  },
} as const;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(["en", "fr"] as const)("the first day of a Ruche, in %s", (language: Language) => {
  const data = people[language];
  const t = (key: string, values?: Record<string, string | number>) => text(language, key, values);
  const step = journeySteps(() => journey);
  let ruche: RunningRuche;
  let journey: Journey;
  let adminContext: BrowserContext;
  let colleagueContext: BrowserContext;
  let adminPage: Page;
  let colleaguePage: Page;

  beforeAll(async () => {
    // No RUCHE_ADMIN_*: the first visitor sets the organisation up.
    [ruche, journey] = await Promise.all([startRuche(), startJourney(`onboarding-${language}`)]);
    adminContext = await newVisitor(browser, { baseURL: ruche.url, locale: browserLocale[language] });
    colleagueContext = await newVisitor(browser, { baseURL: ruche.url, locale: browserLocale[language] });
    adminPage = await journey.open(adminContext);
    colleaguePage = await journey.open(colleagueContext);
  });
  afterAll(async () => {
    await Promise.all([adminContext?.close(), colleagueContext?.close()]);
    await ruche?.stop();
  });

  step("sends the first visitor to setup, where they name the organisation and become its administrator", async () => {
    await adminPage.goto("/");
    await adminPage.waitForURL(/\/setup$/);
    await waitForHeading(adminPage, t("auth:setup.title"));
    expect(await interfaceLanguage(adminPage)).toBe(language);
    await journey.expectAccessible(adminPage, "setup");
    await setUpOrganisation(adminPage, language, {
      organisationName: data.organisationName,
      defaultLanguage: data.organisationLanguage,
      adminName: data.admin.name,
      email: data.admin.email,
      password: data.admin.password,
    });
    await adminPage.waitForURL((url) => url.pathname === "/");
    await waitForHeading(adminPage, t("home.welcome", { name: data.admin.name }));
    expect(await interfaceLanguage(adminPage)).toBe(language);
    await journey.expectAccessible(adminPage, "home");
  });

  step("lets the administrator invite a colleague by email from the admin area", async () => {
    await navigate(adminPage, language, "nav.admin");
    await adminPage.waitForURL(/\/admin\/users$/);
    await waitForHeading(adminPage, t("admin:users.title"));
    await journey.expectAccessible(adminPage, "admin-users");
    await openInvitation(adminPage, language, data.colleague.email);
    await journey.expectAccessible(adminPage, "invite-modal");
    await sendInvitation(adminPage, language, data.colleague.email);
    await adminPage.getByRole("navigation", { name: t("admin:nav.label"), exact: true }).getByRole("link", { name: t("admin:nav.invitations"), exact: true }).click();
    await adminPage.waitForURL(/\/admin\/invitations$/);
    await adminPage.getByRole("cell", { name: data.colleague.email, exact: true }).waitFor();
    await journey.expectAccessible(adminPage, "admin-invitations");
    await adminPage.getByRole("navigation", { name: t("admin:nav.label"), exact: true }).getByRole("link", { name: t("admin:nav.organisation"), exact: true }).click();
    await waitForHeading(adminPage, t("admin:organisation.title"));
    const name = adminPage.getByRole("textbox", { name: t("admin:organisation.name"), exact: true });
    await expect.poll(() => name.inputValue()).toBe(data.organisationName);
    await journey.expectAccessible(adminPage, "admin-organisation");
  });

  step("lets the colleague open the mailed link, choose a name and password, and land on their profile", async () => {
    // PUBLIC_URL is this Ruche's own address, so the mailed link leads back to it.
    const link = await waitForLink(ruche.mailDir, data.colleague.email, `${ruche.url}/invitations/accept?token=`);
    await colleaguePage.goto(link);
    await expectInvitation(colleaguePage, language, { organisationName: data.organisationName, email: data.colleague.email });
    await journey.expectAccessible(colleaguePage, "invitation");
    await acceptInvitation(colleaguePage, language, { displayName: data.colleague.name, password: data.colleague.password });
    await colleaguePage.waitForURL(/\/me$/);
    await waitForHeading(colleaguePage, t("people:profile.title"));
    // Nobody chose a language yet: the interface follows the browser.
    expect(await interfaceLanguage(colleaguePage)).toBe(language);
    await journey.expectAccessible(colleaguePage, "new-profile");
  });

  step("lets the colleague fill in and save their profile, which stays saved", async () => {
    await fillProfile(colleaguePage, language, data.profile);
    await journey.expectAccessible(colleaguePage, "profile-filled");
    await saveProfile(colleaguePage, language);
    await colleaguePage.reload();
    await waitForHeading(colleaguePage, t("people:profile.title"));
    expect(await profileField(colleaguePage, language, "jobTitle")).toBe(data.profile.jobTitle);
    expect(await profileField(colleaguePage, language, "department")).toBe(data.profile.department);
  });

  step("lets the colleague find the administrator in the directory and open their profile", async () => {
    await navigate(colleaguePage, language, "nav.people");
    await colleaguePage.waitForURL(/\/people/);
    await waitForHeading(colleaguePage, t("people:directory.title"));
    await journey.expectAccessible(colleaguePage, "directory");
    await findAndOpenPerson(colleaguePage, language, data.admin.name.split(" ")[0] ?? "", data.admin.name);
    await journey.expectAccessible(colleaguePage, "admin-profile");
  });

  step("shows the administrator the colleague's saved profile", async () => {
    await navigate(adminPage, language, "nav.people");
    await findAndOpenPerson(adminPage, language, data.colleague.name, data.colleague.name);
    await adminPage.getByText(data.profile.jobTitle, { exact: true }).waitFor();
    // Ruche keeps one spelling per skill (lower-cased, so the directory can match it).
    for (const skill of data.profile.skills) await adminPage.getByRole("listitem").getByText(new RegExp(`^${skill}$`, "i")).waitFor();
    await journey.expectAccessible(adminPage, "colleague-profile");
  });

  step("signs the administrator out and back in", async () => {
    await adminPage.getByRole("button", { name: t("nav.userMenu", { name: data.admin.name }), exact: true }).click();
    await journey.expectAccessible(adminPage, "user-menu");
    await adminPage.getByRole("menuitem", { name: t("nav.logout"), exact: true }).click();
    await adminPage.waitForURL(/\/login/);
    await signIn(adminPage, language, { email: data.admin.email, password: data.admin.password });
    await adminPage.waitForURL((url) => url.pathname === "/");
  });
});
