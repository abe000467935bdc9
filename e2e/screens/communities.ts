import type { Locator, Page } from "playwright-core";
import { text, type Language } from "../support/catalogue.ts";
import { navigate, waitForHeading } from "./shell.ts";

/** The lists of the communities directory, by the heading each one wears. */
export type DirectoryList = "all" | "mine" | "invited";

/** The tabs of a community's page: its posts at its own URL, each other tab at `/communities/:id/<tab>`. */
export type CommunityTab = "posts" | "about" | "members" | "requests" | "invitations" | "settings";

/** Opens the communities directory from the main navigation and waits for its heading. */
export async function openDirectory(page: Page, language: Language): Promise<void> {
  await navigate(page, language, "nav.communities");
  await page.waitForURL((url) => url.pathname === "/communities");
  await waitForHeading(page, text(language, "communities:directory.title"));
}

/** One list of communities as cards (the directory's, or a guest's home), named by its heading. */
export function communityList(page: Page, language: Language, list: DirectoryList): Locator {
  return page.getByRole("list", { name: text(language, `communities:directory.headings.${list}`), exact: true });
}

/** The card of the community named `name` in a list of communities. */
export function communityCard(list: Locator, name: string): Locator {
  return list.getByRole("listitem").filter({ has: list.page().getByRole("heading", { level: 3, name, exact: true }) });
}

/**
 * The names of the communities a list shows, once `expected` of them are there: waiting for the
 * count first keeps a list that is still loading from passing for a short one.
 */
export async function communityNames(list: Locator, expected: number): Promise<string[]> {
  const titles = list.getByRole("listitem").getByRole("heading", { level: 3 });
  await titles.nth(expected - 1).waitFor();
  return titles.allTextContents();
}

/** Chooses one of the directory's lists (all, mine, invitations) by clicking its label in the segmented control. */
export async function chooseDirectoryList(page: Page, language: Language, list: DirectoryList): Promise<void> {
  const views = page.getByRole("radiogroup", { name: text(language, "communities:directory.views.label"), exact: true });
  await views.getByText(text(language, `communities:directory.views.${list}`), { exact: true }).click();
  await page.getByRole("heading", { level: 2, name: text(language, `communities:directory.headings.${list}`), exact: true }).waitFor();
}

/** Types `query` into the directory's search box and waits for the search to reach the URL. */
export async function searchCommunities(page: Page, language: Language, query: string): Promise<void> {
  await page.getByRole("searchbox", { name: text(language, "communities:directory.search"), exact: true }).fill(query);
  await page.waitForURL((url) => url.searchParams.get("q") === query);
}

/** Waits for the directory to say that nothing matches the search. */
export async function expectNoMatch(page: Page, language: Language): Promise<void> {
  await page.getByRole("status").getByText(text(language, "communities:directory.empty.noMatch"), { exact: true }).waitFor();
}

/** From a community's card, opens "ask to join" and writes `message` in the modal, leaving it open to be checked and sent. */
export async function openRequestToJoin(page: Page, language: Language, input: { card: Locator; name: string; message: string }): Promise<Locator> {
  await input.card.getByRole("button", { name: text(language, "communities:actions.request"), exact: true }).click();
  const dialog = page.getByRole("dialog", { name: text(language, "communities:request.title", { name: input.name }), exact: true });
  await dialog.waitFor();
  await dialog.getByRole("textbox", { name: text(language, "communities:request.message"), exact: true }).fill(input.message);
  return dialog;
}

/** Sends the open "ask to join" modal and waits for the confirmation and the modal to close. */
export async function sendRequestToJoin(page: Page, language: Language, input: { dialog: Locator; name: string }): Promise<void> {
  await input.dialog.getByRole("button", { name: text(language, "communities:request.send"), exact: true }).click();
  await page.getByText(text(language, "communities:membership.requested", { name: input.name }), { exact: true }).waitFor();
  await input.dialog.waitFor({ state: "hidden" });
}

/** Opens a community's page from its card, by the link on its name. */
export async function openCommunity(page: Page, card: Locator, name: string): Promise<void> {
  await card.getByRole("link", { name, exact: true }).click();
  await page.waitForURL(/\/communities\/[^/]+$/);
  await waitForHeading(page, name);
}

/**
 * A tab of the community's page. The requests tab also tells screen readers how many requests
 * wait (`pending`), which its name then includes.
 */
export function communityTab(page: Page, language: Language, tab: CommunityTab, pending?: number): Locator {
  const tabs = page.getByRole("tablist", { name: text(language, "communities:tabs.label"), exact: true });
  const label = text(language, `communities:tabs.${tab}`);
  const name = pending ? `${label} (${text(language, "communities:requests.count", { count: pending })})` : label;
  return tabs.getByRole("tab", { name, exact: true });
}

/** Opens a tab of the community's page and waits for its URL. */
export async function openTab(page: Page, language: Language, tab: CommunityTab, pending?: number): Promise<void> {
  await communityTab(page, language, tab, pending).click();
  await page.waitForURL((url) => (tab === "posts" ? /\/communities\/[^/]+$/ : new RegExp(`/communities/[^/]+/${tab}$`)).test(url.pathname));
}

/** The row of a person in one of the page's lists (members, requests), by the link on their name. */
export function personRow(page: Page, language: Language, list: "members" | "requests", name: string): Locator {
  return page
    .getByRole("list", { name: text(language, `communities:tabs.${list}`), exact: true })
    .getByRole("listitem")
    .filter({ has: page.getByRole("link", { name, exact: true }) });
}

/** Approves the request of `name` on the requests tab and waits for the confirmation. */
export async function approveRequest(page: Page, language: Language, name: string): Promise<void> {
  await personRow(page, language, "requests", name).getByRole("button", { name: text(language, "communities:requests.approve"), exact: true }).click();
  await page.getByText(text(language, "communities:requests.approved", { name }), { exact: true }).waitFor();
}

/** Opens the refusal modal for the request of `name` and writes the reason, leaving it open to be checked and sent. */
export async function openRefusal(page: Page, language: Language, input: { name: string; reason: string }): Promise<Locator> {
  await personRow(page, language, "requests", input.name).getByRole("button", { name: text(language, "communities:requests.refuse"), exact: true }).click();
  const dialog = page.getByRole("dialog", { name: text(language, "communities:requests.refuseTitle", { name: input.name }), exact: true });
  await dialog.waitFor();
  await dialog.getByRole("textbox", { name: text(language, "communities:requests.reason"), exact: true }).fill(input.reason);
  return dialog;
}

/** Sends the open refusal modal and waits for the confirmation. */
export async function sendRefusal(page: Page, language: Language, input: { dialog: Locator; name: string }): Promise<void> {
  await input.dialog.getByRole("button", { name: text(language, "communities:requests.refuse"), exact: true }).click();
  await page.getByText(text(language, "communities:requests.refused", { name: input.name }), { exact: true }).waitFor();
  await input.dialog.waitFor({ state: "hidden" });
}

/** On the invitations tab, invites the colleague found by typing `search` and picked as `option`; waits for the confirmation. */
export async function invitePerson(page: Page, language: Language, input: { search: string; option: string; name: string }): Promise<void> {
  const form = page.getByRole("region", { name: text(language, "communities:invitations.byName"), exact: true });
  await form.getByRole("textbox", { name: text(language, "communities:invitations.person"), exact: true }).fill(input.search);
  await page.getByRole("option", { name: input.option, exact: true }).click();
  await form.getByRole("button", { name: text(language, "communities:invitations.invite"), exact: true }).click();
  await page.getByText(text(language, "communities:invitations.sent", { who: input.name }), { exact: true }).waitFor();
}

/** The invitations tab's form that invites by email, which explains that a guest account may be created. */
export function inviteByEmailForm(page: Page, language: Language): Locator {
  return page.getByRole("region", { name: text(language, "communities:invitations.byEmail"), exact: true });
}

/** Invites `email` (an address without an account) from the invitations tab; waits for "sent, with a guest account". */
export async function inviteGuestByEmail(page: Page, language: Language, email: string): Promise<void> {
  const form = inviteByEmailForm(page, language);
  await form.getByRole("textbox", { name: text(language, "communities:invitations.email"), exact: true }).fill(email);
  await form.getByRole("button", { name: text(language, "communities:invitations.sendEmail"), exact: true }).click();
  await page.getByText(text(language, "communities:invitations.sentToGuest", { who: email }), { exact: true }).waitFor();
}

/** The standing notices at the top of a community's page (external, invitation, refusal...). */
export function communityNotice(page: Page, title: string): Locator {
  return page.getByRole("note").filter({ hasText: title });
}

/** Waits for the app's "page not found" screen, which hidden, foreign and missing communities all show. */
export async function expectNotFound(page: Page, language: Language): Promise<void> {
  await waitForHeading(page, text(language, "notFound.title"));
}
