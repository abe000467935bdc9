import type { Community } from "@ruche/contracts";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect } from "vitest";
import {
  chooseDirectoryList,
  communityCard,
  communityList,
  expectNoMatch,
  expectNotFound,
  invitePerson,
  openCommunity,
  openDirectory,
  openTab,
  searchCommunities,
} from "../screens/communities.ts";
import { signInToHome } from "../screens/login.ts";
import { waitForHeading } from "../screens/shell.ts";
import { startJourney, type Journey } from "../support/accessibility.ts";
import { addColleague, signInByApi, type ApiSession } from "../support/api.ts";
import { launchBrowser, newVisitor } from "../support/browser.ts";
import { browserLocale, text, type Language } from "../support/catalogue.ts";
import { startRuche, type RunningRuche } from "../support/ruche.ts";
import { journeySteps } from "../support/steps.ts";

// A secret community leaves no trace for those outside it, in each language: not in the
// directory nor its search, not on its owner's profile, and its address is "page not found",
// exactly like an address that never existed. Once invited, the outsider finds and joins it.
const admin = { email: "admin@northwind.example", password: "a long admin passphrase", name: "Ada Lovelace" };
const people = {
  en: {
    owner: { email: "margaret@northwind.example", displayName: "Margaret Hamilton", password: "apollo guidance computer 1969" },
    outsider: { email: "grace@northwind.example", displayName: "Grace Hopper", password: "compilers all the way down" },
    secret: { kind: "interest", visibility: "secret", name: "Nightingale merger talks", description: "Board-level preparation of the Nightingale merger." },
    open: { kind: "interest", visibility: "public", name: "Lunchtime chess club", description: "Blitz games every Tuesday." },
  },
  fr: {
    owner: { email: "marie@northwind.example", displayName: "Marie Curie", password: "polonium et radium 1898" },
    outsider: { email: "helene@northwind.example", displayName: "Hélène Boucher", password: "aviatrice du record 1934" },
    secret: { kind: "interest", visibility: "secret", name: "Rachat de Rossignol", description: "Préparation confidentielle du rachat." },
    open: { kind: "interest", visibility: "public", name: "Chorale du jeudi", description: "Répétitions le jeudi à midi." },
  },
} as const;

let ruche: RunningRuche;
let browser: Browser;
let direction: ApiSession;

beforeAll(async () => {
  [ruche, browser] = await Promise.all([
    startRuche({ RUCHE_ADMIN_EMAIL: admin.email, RUCHE_ADMIN_PASSWORD: admin.password, RUCHE_ADMIN_NAME: admin.name }),
    launchBrowser(),
  ]);
  direction = await signInByApi(ruche, { email: admin.email, password: admin.password });
});
afterAll(async () => {
  await browser?.close();
  await ruche?.stop();
});

/** The text a reader sees in the page's main region. */
function mainText(page: Page): Promise<string> {
  return page.getByRole("main").innerText();
}

/** An id shaped like the secret community's (same time, same version) that names no community. */
function unknownIdLike(id: string): string {
  return `${id.slice(0, -12)}000000000000`;
}

describe.each(["en", "fr"] as const)("a secret community, in %s", (language: Language) => {
  const data = people[language];
  const t = (key: string, values?: Record<string, string | number>) => text(language, key, values);
  const step = journeySteps(() => journey);
  let journey: Journey;
  let owner: ApiSession;
  let secret: Community;
  const contexts: BrowserContext[] = [];
  let outsiderPage: Page;
  let ownerPage: Page;

  /** A page in this language, signed in as `person`. */
  async function signedIn(person: { email: string; password: string; displayName: string }): Promise<Page> {
    const context = await newVisitor(browser, { baseURL: ruche.url, locale: browserLocale[language] });
    contexts.push(context);
    const page = await journey.open(context);
    await signInToHome(page, language, person);
    return page;
  }

  beforeAll(async () => {
    journey = await startJourney(`secret-community-${language}`);
    owner = await addColleague(ruche, direction, data.owner);
    await addColleague(ruche, direction, data.outsider);
    secret = await owner.call<Community>("POST", "/communities", data.secret);
    await owner.call<Community>("POST", "/communities", data.open);
  });
  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
  });

  step("leaves the secret community out of an outsider's directory", async () => {
    outsiderPage = await signedIn(data.outsider);
    await openDirectory(outsiderPage, language);
    await communityCard(communityList(outsiderPage, language, "all"), data.open.name).waitFor();
    expect(await mainText(outsiderPage)).not.toContain(data.secret.name);
    await journey.expectAccessible(outsiderPage, "directory");
  });

  step("finds nothing when the outsider searches the directory for its exact name", async () => {
    await searchCommunities(outsiderPage, language, data.secret.name);
    await expectNoMatch(outsiderPage, language);
    expect(await mainText(outsiderPage)).not.toContain(data.secret.description);
    await journey.expectAccessible(outsiderPage, "search-no-match");
  });

  step("shows no trace of it on its owner's profile", async () => {
    await outsiderPage.goto(`/people/${owner.userId}`);
    await waitForHeading(outsiderPage, data.owner.displayName);
    expect(await mainText(outsiderPage)).not.toContain(data.secret.name);
    await journey.expectAccessible(outsiderPage, "owner-profile");
  });

  step("answers its address with the same 'page not found' as an address that never existed", async () => {
    await outsiderPage.goto(`/communities/${unknownIdLike(secret.id)}`);
    await expectNotFound(outsiderPage, language);
    const neverExisted = await mainText(outsiderPage);
    await outsiderPage.goto(`/communities/${secret.id}`);
    await expectNotFound(outsiderPage, language);
    expect(await mainText(outsiderPage)).toBe(neverExisted);
    expect(await outsiderPage.title()).not.toContain(data.secret.name);
    await journey.expectAccessible(outsiderPage, "not-found");
  });

  step("lists and finds it for its owner", async () => {
    ownerPage = await signedIn(data.owner);
    await openDirectory(ownerPage, language);
    const card = communityCard(communityList(ownerPage, language, "all"), data.secret.name);
    await card.getByText(t("communities:visibility.secret"), { exact: true }).waitFor();
    await searchCommunities(ownerPage, language, data.secret.name);
    await card.getByText(t("communities:roles.owner"), { exact: true }).waitFor();
    await journey.expectAccessible(ownerPage, "owner-search");
  });

  step("lets the owner invite the outsider by name from the Invitations tab", async () => {
    await openCommunity(ownerPage, communityCard(communityList(ownerPage, language, "all"), data.secret.name), data.secret.name);
    await openTab(ownerPage, language, "invitations");
    await invitePerson(ownerPage, language, { search: data.outsider.displayName.split(" ")[0] ?? "", option: data.outsider.displayName, name: data.outsider.displayName });
    const pending = ownerPage.getByRole("list", { name: t("communities:invitations.pending"), exact: true });
    await pending.getByRole("link", { name: data.outsider.displayName, exact: true }).waitFor();
    await journey.expectAccessible(ownerPage, "invitation-sent");
  });

  step("shows the invited outsider the community under Invitations, where they accept it", async () => {
    await openDirectory(outsiderPage, language);
    await chooseDirectoryList(outsiderPage, language, "invited");
    const card = communityCard(communityList(outsiderPage, language, "invited"), data.secret.name);
    await card.waitFor();
    await journey.expectAccessible(outsiderPage, "invitations");
    await card.getByRole("button", { name: t("communities:actions.accept"), exact: true }).click();
    await outsiderPage.getByText(t("communities:membership.accepted", { name: data.secret.name }), { exact: true }).waitFor();
    await outsiderPage.getByText(t("communities:directory.empty.invited"), { exact: true }).waitFor();
  });

  step("makes the outsider a member who now finds it among their communities", async () => {
    await chooseDirectoryList(outsiderPage, language, "mine");
    const card = communityCard(communityList(outsiderPage, language, "mine"), data.secret.name);
    await openCommunity(outsiderPage, card, data.secret.name);
    await outsiderPage.getByText(t("communities:roles.member"), { exact: true }).first().waitFor();
    await journey.expectAccessible(outsiderPage, "secret-community-joined");
  });
});
