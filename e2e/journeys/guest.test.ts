import type { CommunitiesPage, Community, CommunityInvitation } from "@ruche/contracts";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect } from "vitest";
import {
  chooseDirectoryList,
  communityCard,
  communityList,
  communityNames,
  communityNotice,
  expectNotFound,
  inviteByEmailForm,
  inviteGuestByEmail,
  openCommunity,
  openDirectory,
  openTab,
} from "../screens/communities.ts";
import { acceptInvitation, expectInvitation } from "../screens/invitation.ts";
import { signInToHome } from "../screens/login.ts";
import { navigate, waitForHeading } from "../screens/shell.ts";
import { startJourney, type Journey } from "../support/accessibility.ts";
import { addColleague, signInByApi } from "../support/api.ts";
import { launchBrowser, newVisitor } from "../support/browser.ts";
import { browserLocale, text } from "../support/catalogue.ts";
import { waitForLink } from "../support/mail.ts";
import { startRuche, type RunningRuche } from "../support/ruche.ts";
import { journeySteps } from "../support/steps.ts";

// A partner from outside the organisation, in French: invited by email into an external
// community, they get a guest account that sees that community, its members, and nothing else.
const language = "fr";
const t = (key: string, values?: Record<string, string | number>) => text(language, key, values);
const organisationName = "Coopérative des Tilleuls";
const admin = { email: "direction@tilleuls.example", password: "une longue phrase de passe", displayName: "Jeanne Baret" };
// A colleague who works with the partner, and one who does not.
const colleague = { email: "camille@tilleuls.example", displayName: "Camille Moreau", password: "la phrase de passe de Camille" };
const stranger = { email: "sam@tilleuls.example", displayName: "Sam Lefèvre", password: "la phrase de passe de Sam" };
const guest = { email: "lou@nordtech.example", displayName: "Lou Martin", password: "la phrase de passe de Lou" };
const partners = { kind: "external", visibility: "closed", name: "Partenaires Nordtech", description: "Échanges avec l'équipe de Nordtech sur l'intégration." } as const;
const hiking = { kind: "interest", visibility: "public", name: "Randonnée du midi", description: "Une sortie à pied chaque jeudi midi." } as const;

let ruche: RunningRuche;
let browser: Browser;
let journey: Journey;
const contexts: BrowserContext[] = [];
let communities: { partners: Community; hiking: Community; company: Community };

/** A French visitor's page, not signed in. */
async function visitor(): Promise<Page> {
  const context = await newVisitor(browser, { baseURL: ruche.url, locale: browserLocale[language] });
  contexts.push(context);
  return journey.open(context);
}

/**
 * The organisation as the guest will find it: an external community (with the colleague in it),
 * a public one, the company's (every organisation has one from the start), and a colleague who
 * belongs to none of the guest's.
 */
async function prepareOrganisation(): Promise<typeof communities> {
  const direction = await signInByApi(ruche, { email: admin.email, password: admin.password });
  await direction.call("PATCH", "/organisation", { name: organisationName });
  const camille = await addColleague(ruche, direction, colleague);
  await addColleague(ruche, direction, stranger);
  const [company] = (await direction.call<CommunitiesPage>("GET", "/communities?kind=company")).items;
  if (!company) throw new Error("the organisation has no company community");
  const created = {
    partners: await direction.call<Community>("POST", "/communities", partners),
    hiking: await direction.call<Community>("POST", "/communities", hiking),
    company,
  };
  const invitation = await direction.call<CommunityInvitation>("POST", `/communities/${created.partners.id}/invitations`, { userId: camille.userId });
  await camille.call("POST", `/communities/${created.partners.id}/invitations/${invitation.id}/accept`);
  return created;
}

beforeAll(async () => {
  [ruche, browser, journey] = await Promise.all([
    startRuche({ RUCHE_ADMIN_EMAIL: admin.email, RUCHE_ADMIN_PASSWORD: admin.password, RUCHE_ADMIN_NAME: admin.displayName }),
    launchBrowser(),
    startJourney("guest-fr"),
  ]);
  communities = await prepareOrganisation();
});
afterAll(async () => {
  await Promise.all(contexts.map((context) => context.close()));
  await browser?.close();
  await ruche?.stop();
});

describe("a guest in an external community, in fr", () => {
  const step = journeySteps(() => journey);
  let guestPage: Page;

  step("lets the administrator invite a partner by email, explaining that a guest account is created", async () => {
    const adminPage = await visitor();
    await signInToHome(adminPage, language, admin);
    await adminPage.goto(`/communities/${communities.partners.id}`);
    await waitForHeading(adminPage, partners.name);
    await openTab(adminPage, language, "invitations");
    await inviteByEmailForm(adminPage, language).getByText(t("communities:invitations.guestExplanation"), { exact: true }).waitFor();
    await journey.expectAccessible(adminPage, "invitations-tab");
    await inviteGuestByEmail(adminPage, language, guest.email);
    const pending = adminPage.getByRole("list", { name: t("communities:invitations.pending"), exact: true }).getByRole("listitem");
    await pending.filter({ hasText: guest.email }).getByText(t("communities:invitations.guest"), { exact: true }).waitFor();
    await journey.expectAccessible(adminPage, "guest-invited");
  });

  step("lets the guest open the mailed link, choose a name and password, and reach their home", async () => {
    guestPage = await visitor();
    await guestPage.goto(await waitForLink(ruche.mailDir, guest.email, `${ruche.url}/invitations/accept?token=`));
    await expectInvitation(guestPage, language, { organisationName, email: guest.email });
    await journey.expectAccessible(guestPage, "invitation");
    await acceptInvitation(guestPage, language, guest);
    // A guest lands on their home (a colleague on their profile, to complete it).
    await guestPage.waitForURL(new RegExp(`^${ruche.url}/$`));
    await waitForHeading(guestPage, t("home.welcome", { name: guest.displayName }));
  });

  step("lists only the external community on the guest's home", async () => {
    await guestPage.getByText(t("communities:guestHome.intro"), { exact: true }).waitFor();
    const mine = communityList(guestPage, language, "mine");
    expect(await communityNames(mine, 1)).toEqual([partners.name]);
    await communityCard(mine, partners.name).getByText(t("communities:external.badge"), { exact: true }).waitFor();
    await journey.expectAccessible(guestPage, "guest-home");
  });

  step("warns on the community's page that people from outside take part", async () => {
    await openCommunity(guestPage, communityCard(communityList(guestPage, language, "mine"), partners.name), partners.name);
    await communityNotice(guestPage, t("communities:external.warning")).waitFor();
    await journey.expectAccessible(guestPage, "external-community");
  });

  step("shows the guest only that community in the directory, with nothing to create", async () => {
    await openDirectory(guestPage, language);
    expect(await communityNames(communityList(guestPage, language, "all"), 1)).toEqual([partners.name]);
    expect(await guestPage.getByRole("button", { name: t("communities:create.open"), exact: true }).count()).toBe(0);
    await journey.expectAccessible(guestPage, "guest-directory");
  });

  step("answers the organisation's other communities with 'page not found'", async () => {
    await guestPage.goto(`/communities/${communities.hiking.id}`);
    await expectNotFound(guestPage, language);
    expect(await guestPage.getByRole("main").innerText()).not.toContain(hiking.name);
    await journey.expectAccessible(guestPage, "other-community-not-found");
    await guestPage.goto(`/communities/${communities.company.id}`);
    await expectNotFound(guestPage, language);
    expect(await guestPage.getByRole("main").innerText()).not.toContain(communities.company.name);
  });

  step("shows the guest only their co-members in the people directory", async () => {
    await guestPage.goto("/");
    await navigate(guestPage, language, "nav.people");
    await waitForHeading(guestPage, t("people:directory.title"));
    const results = guestPage.getByRole("list", { name: t("people:directory.results"), exact: true });
    const names = results.getByRole("listitem").getByRole("link");
    await names.nth(2).waitFor();
    expect((await names.allTextContents()).sort()).toEqual([admin.displayName, colleague.displayName, guest.displayName].sort());
    await journey.expectAccessible(guestPage, "guest-people");
  });

  step("marks the community as external for a colleague who belongs to it too, and not the company's", async () => {
    const colleaguePage = await visitor();
    await signInToHome(colleaguePage, language, colleague);
    await openDirectory(colleaguePage, language);
    await chooseDirectoryList(colleaguePage, language, "mine");
    const mine = communityList(colleaguePage, language, "mine");
    expect((await communityNames(mine, 2)).sort()).toEqual([communities.company.name, partners.name].sort());
    await communityCard(mine, partners.name).getByText(t("communities:external.badge"), { exact: true }).waitFor();
    expect(await communityCard(mine, communities.company.name).getByText(t("communities:external.badge"), { exact: true }).count()).toBe(0);
    await journey.expectAccessible(colleaguePage, "colleague-communities");
    await openCommunity(colleaguePage, communityCard(mine, partners.name), partners.name);
    await communityNotice(colleaguePage, t("communities:external.warning")).waitFor();
  });
});
