import type { Community } from "@ruche/contracts";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect } from "vitest";
import {
  approveRequest,
  communityCard,
  communityList,
  communityNotice,
  communityTab,
  openCommunity,
  openDirectory,
  openRefusal,
  openRequestToJoin,
  openTab,
  personRow,
  sendRefusal,
  sendRequestToJoin,
} from "../screens/communities.ts";
import { signInToHome } from "../screens/login.ts";
import { waitForHeading } from "../screens/shell.ts";
import { startJourney, type Journey } from "../support/accessibility.ts";
import { addColleague, signInByApi, type ApiSession } from "../support/api.ts";
import { launchBrowser, newVisitor } from "../support/browser.ts";
import { browserLocale, text } from "../support/catalogue.ts";
import { startRuche, type RunningRuche } from "../support/ruche.ts";
import { journeySteps } from "../support/steps.ts";

// A closed community, in French: a colleague asks to join with a word for its manager, who
// approves them; another one is refused, and reads why.
const language = "fr";
const t = (key: string, values?: Record<string, string | number>) => text(language, key, values);
const admin = { email: "direction@tilleuls.example", password: "une longue phrase de passe", name: "Jeanne Baret" };
const manager = { email: "lucie@tilleuls.example", displayName: "Lucie Aubrac", password: "la phrase de passe de Lucie" };
const requester = { email: "paul@tilleuls.example", displayName: "Paul Langevin", password: "la phrase de passe de Paul" };
const refused = { email: "irene@tilleuls.example", displayName: "Irène Joliot", password: "la phrase de passe d'Irène" };
const club = {
  kind: "interest",
  visibility: "closed",
  name: "Club d'astronomie",
  description: "Observations du ciel le premier vendredi du mois, sur le toit du bâtiment B.",
} as const;
const message = "J'ai une lunette de 90 mm et j'aimerais partager mes observations de Jupiter.";
const reason = "Le toit n'accueille que douze personnes : le club est complet jusqu'à la rentrée.";

let ruche: RunningRuche;
let browser: Browser;
let journey: Journey;
let community: Community;
const contexts: BrowserContext[] = [];

/** A French visitor's page, signed in as `person`. */
async function signedIn(person: { email: string; password: string; displayName: string }): Promise<Page> {
  const context = await newVisitor(browser, { baseURL: ruche.url, locale: browserLocale[language] });
  contexts.push(context);
  const page = await journey.open(context);
  await signInToHome(page, language, person);
  return page;
}

beforeAll(async () => {
  [ruche, browser, journey] = await Promise.all([
    startRuche({ RUCHE_ADMIN_EMAIL: admin.email, RUCHE_ADMIN_PASSWORD: admin.password, RUCHE_ADMIN_NAME: admin.name }),
    launchBrowser(),
    startJourney("closed-community-fr"),
  ]);
  const direction = await signInByApi(ruche, { email: admin.email, password: admin.password });
  const lucie: ApiSession = await addColleague(ruche, direction, manager);
  await addColleague(ruche, direction, requester);
  const irene = await addColleague(ruche, direction, refused);
  community = await lucie.call<Community>("POST", "/communities", club);
  await irene.call("POST", `/communities/${community.id}/requests`, { message: "Je voudrais venir aux observations." });
});
afterAll(async () => {
  await Promise.all(contexts.map((context) => context.close()));
  await browser?.close();
  await ruche?.stop();
});

describe("a request to join a closed community, in fr", () => {
  const step = journeySteps(() => journey);
  let requesterPage: Page;
  let managerPage: Page;

  step("lets a colleague find the closed community in the directory and ask to join it with a message", async () => {
    requesterPage = await signedIn(requester);
    await openDirectory(requesterPage, language);
    const card = communityCard(communityList(requesterPage, language, "all"), club.name);
    await card.waitFor();
    expect(await card.textContent()).toContain(t("communities:visibility.closed"));
    await journey.expectAccessible(requesterPage, "directory");

    const dialog = await openRequestToJoin(requesterPage, language, { card, name: club.name, message });
    expect(await dialog.textContent()).toContain(t("communities:request.intro"));
    await journey.expectAccessible(requesterPage, "request-modal");
    await sendRequestToJoin(requesterPage, language, { dialog, name: club.name });
    await card.getByText(t("communities:actions.requested"), { exact: true }).waitFor();
    await card.getByRole("button", { name: t("communities:actions.withdraw"), exact: true }).waitFor();
    await journey.expectAccessible(requesterPage, "request-sent");
  });

  step("shows the manager both pending requests, each with its message, on the Demandes tab", async () => {
    managerPage = await signedIn(manager);
    await managerPage.goto(`/communities/${community.id}`);
    await waitForHeading(managerPage, club.name);
    await openTab(managerPage, language, "requests", 2);
    const row = personRow(managerPage, language, "requests", requester.displayName);
    await row.getByText(message, { exact: true }).waitFor();
    await personRow(managerPage, language, "requests", refused.displayName).waitFor();
    await journey.expectAccessible(managerPage, "requests");
  });

  step("lets the manager approve the request, which leaves the list", async () => {
    await approveRequest(managerPage, language, requester.displayName);
    await personRow(managerPage, language, "requests", requester.displayName).waitFor({ state: "detached" });
    await communityTab(managerPage, language, "requests", 1).waitFor();
  });

  step("shows the approved colleague as a member on the community's page and in its member list", async () => {
    await requesterPage.reload();
    const card = communityCard(communityList(requesterPage, language, "all"), club.name);
    await openCommunity(requesterPage, card, club.name);
    await requesterPage.getByText(t("communities:roles.member"), { exact: true }).first().waitFor();
    await requesterPage.getByRole("button", { name: t("communities:actions.leave"), exact: true }).waitFor();
    await journey.expectAccessible(requesterPage, "member-of-community");

    await openTab(requesterPage, language, "members");
    const row = personRow(requesterPage, language, "members", requester.displayName);
    await row.getByText(t("communities:roles.member"), { exact: true }).waitFor();
    await personRow(requesterPage, language, "members", manager.displayName).getByText(t("communities:roles.owner"), { exact: true }).waitFor();
    await journey.expectAccessible(requesterPage, "members");
  });

  step("lets the manager refuse the other request with a reason", async () => {
    const dialog = await openRefusal(managerPage, language, { name: refused.displayName, reason });
    await journey.expectAccessible(managerPage, "refuse-modal");
    await sendRefusal(managerPage, language, { dialog, name: refused.displayName });
    await managerPage.getByText(t("communities:requests.empty"), { exact: true }).waitFor();
    await journey.expectAccessible(managerPage, "no-more-requests");
  });

  step("shows the refused colleague the reason on the community's page, and lets them ask again", async () => {
    const refusedPage = await signedIn(refused);
    await refusedPage.goto(`/communities/${community.id}`);
    await waitForHeading(refusedPage, club.name);
    const notice = communityNotice(refusedPage, t("communities:refusal.again"));
    await notice.getByText(t("communities:refusal.reason", { reason }), { exact: true }).waitFor();
    await refusedPage.getByRole("button", { name: t("communities:actions.request"), exact: true }).waitFor();
    await journey.expectAccessible(refusedPage, "request-refused");
  });
});
