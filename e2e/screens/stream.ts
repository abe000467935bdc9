import type { Locator, Page } from "playwright-core";
import { text, type Language } from "../support/catalogue.ts";
import { waitForHeading } from "./shell.ts";

/** A file handed to a file input, as Playwright takes it: no file on disk needed. */
export interface FileToAttach {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** Who wrote a post and where: the two parts of a post card's accessible name. */
export interface PostIdentity {
  author: string;
  community: string;
  /** Words of the body that tell this post from the author's others there. */
  containing: string;
}

/** The composer: "Publier" on the home page, "Publier dans <community>" on a community's page. */
export function composer(page: Page, language: Language, community?: string): Locator {
  const title = community ? text(language, "stream:composer.titleIn", { community }) : text(language, "stream:composer.title");
  return page.getByRole("region", { name: title, exact: true });
}

/** Picks the community to post in, in the home composer's searchable list. */
export async function chooseCommunity(form: Locator, language: Language, name: string): Promise<void> {
  await form.getByRole("textbox", { name: text(language, "stream:composer.community"), exact: true }).click();
  await form.page().getByRole("option", { name, exact: true }).click();
}

/** The Markdown field of the composer (or of the post editor, by its `label`). */
export function markdownField(scope: Locator, language: Language, label = text(language, "stream:composer.body")): Locator {
  return scope.getByRole("textbox", { name: label, exact: true });
}

/** The autocomplete under a text field, listing people (after `@`) or topics (after `#`). */
export function suggestions(page: Page, language: Language, kind: "person" | "topic"): Locator {
  return page.getByRole("listbox", { name: text(language, kind === "person" ? "stream:mentions.personList" : "stream:mentions.topicList"), exact: true });
}

/**
 * Types `typed` at the end of `field` (an `@name` or `#topic` being written) and waits for the
 * autocomplete to offer `option`, leaving the list open.
 */
export async function typeForSuggestion(field: Locator, input: { typed: string; kind: "person" | "topic"; option: string; language: Language }): Promise<Locator> {
  await field.press("End");
  await field.pressSequentially(input.typed);
  const choice = suggestions(field.page(), input.language, input.kind).getByRole("option").filter({ hasText: input.option });
  await choice.waitFor();
  return choice;
}

/** Chooses the highlighted-first suggestion with the keyboard (arrow down, Enter), as the list invites. */
export async function chooseFirstSuggestionByKeyboard(field: Locator, language: Language, kind: "person" | "topic"): Promise<void> {
  await field.press("ArrowDown");
  await field.press("Enter");
  await suggestions(field.page(), language, kind).waitFor({ state: "hidden" });
}

/** Switches the Markdown field between writing and the server's preview; answers the preview's region when shown. */
export async function showEditorTab(scope: Locator, language: Language, tab: "write" | "preview", label = text(language, "stream:composer.body")): Promise<Locator> {
  const modes = scope.getByRole("tablist", { name: text(language, "stream:editor.modes", { field: label }), exact: true });
  await modes.getByRole("tab", { name: text(language, `stream:editor.${tab}`), exact: true }).click();
  const preview = scope.getByRole("region", { name: text(language, "stream:editor.previewOf", { field: label }), exact: true });
  if (tab === "preview") await preview.locator(".rendered-html").waitFor();
  return preview;
}

/** Attaches files through the composer's file input (what "Joindre des fichiers" opens) and waits for each upload to end. */
export async function attachFiles(form: Locator, language: Language, files: FileToAttach[]): Promise<void> {
  await form.locator("input[type=file]").setInputFiles(files);
  const uploaded = form.getByRole("list", { name: text(language, "stream:attachments.list"), exact: true }).getByText(text(language, "stream:attachments.uploaded"), { exact: true });
  await uploaded.nth(files.length - 1).waitFor();
}

/** Adds a poll to the post being written, with `options` (two or more). */
export async function addPoll(form: Locator, language: Language, options: string[]): Promise<void> {
  await form.getByRole("button", { name: text(language, "stream:poll.add"), exact: true }).click();
  for (const [index, option] of options.entries()) {
    if (index >= 2) await form.getByRole("button", { name: text(language, "stream:poll.addOption"), exact: true }).click();
    await form.getByRole("textbox", { name: text(language, "stream:poll.option", { number: index + 1 }), exact: true }).fill(option);
  }
}

/** Marks the post being written as a must-read announcement (offered to those who manage the community). */
export async function makeMustRead(form: Locator, language: Language): Promise<void> {
  // The switch's input is hidden under the track Mantine draws: a person clicks its label.
  await form.getByText(text(language, "stream:composer.announcement"), { exact: true }).click();
  const announcement = form.getByRole("switch", { name: text(language, "stream:composer.announcement"), exact: true });
  if (!(await announcement.isChecked())) throw new Error("the announcement switch did not turn on");
  await form.getByRole("checkbox", { name: text(language, "stream:composer.mustRead"), exact: true }).check();
}

/** Publishes the composer's post and waits for the confirmation. */
export async function publish(form: Locator, language: Language): Promise<void> {
  await form.getByRole("button", { name: text(language, "stream:composer.publish"), exact: true }).click();
  await form.page().getByText(text(language, "stream:composer.published"), { exact: true }).waitFor();
}

/** A feed of posts (role="feed"), by its name: "Fil d'actualité", "Favoris", "Publications sur #x"... */
export function feed(page: Page, name: string): Locator {
  return page.getByRole("feed", { name, exact: true });
}

/** The card of one post, wherever it shows (a feed, its own page, a topic page). */
export function postCard(scope: Page | Locator, language: Language, post: PostIdentity): Locator {
  return scope.getByRole("article", { name: text(language, "stream:post.label", { author: post.author, community: post.community }), exact: true }).filter({ hasText: post.containing });
}

/** The HTML the server rendered for a post's (or comment's) body, inside `scope`. */
export function renderedBody(scope: Locator): Locator {
  return scope.locator(".rendered-html").first();
}

/** Opens a post's own page from its card, by the link on its time, and waits for its title. */
export async function openPostPage(card: Locator, language: Language, author: string): Promise<void> {
  const page = card.page();
  await card.locator("a[href^='/posts/']").first().click();
  await page.waitForURL(/\/posts\/[^/]+$/);
  await page.getByRole("heading", { level: 1, name: text(language, "stream:post.pageTitle", { author }), exact: true }).waitFor();
}

/** The reaction toggle of `kind` on a card, by its name: "Bravo (1)". */
export function reactionToggle(card: Locator, language: Language, kind: string, count: number): Locator {
  const reaction = text(language, `stream:reactions.kinds.${kind}`);
  return card.getByRole("button", { name: text(language, "stream:reactions.toggle", { reaction, count }), exact: true });
}

/** Opens a post's comments from its "n commentaires" button. */
export async function openComments(card: Locator, language: Language, count: number): Promise<Locator> {
  await card.getByRole("button", { name: text(language, "stream:comments.count", { count }), exact: true }).click();
  const comments = card.getByRole("list", { name: text(language, "stream:comments.title"), exact: true });
  await comments.waitFor({ state: "attached" });
  return comments;
}

/** What is written in a comment or reply, and the line of it to wait for (the whole body when it is one line). */
export interface CommentInput {
  body: string;
  shown?: string;
}

/** Writes a comment under an open post's comments and waits for it to show. */
export async function writeComment(card: Locator, language: Language, input: CommentInput): Promise<void> {
  await card.getByRole("textbox", { name: text(language, "stream:comments.label"), exact: true }).fill(input.body);
  await card.getByRole("button", { name: text(language, "stream:comments.send"), exact: true }).click();
  await card.getByRole("list", { name: text(language, "stream:comments.title"), exact: true }).getByText(input.shown ?? input.body, { exact: true }).waitFor();
}

/** One comment (or reply) in a card, by a line of its text. */
export function commentItem(card: Locator, body: string): Locator {
  return card.getByRole("listitem").filter({ has: card.page().getByText(body, { exact: true }) }).last();
}

/** Replies to the top-level comment of `name` showing the line `comment`, and waits for the reply to show under it. */
export async function replyTo(card: Locator, language: Language, input: CommentInput & { name: string; comment: string }): Promise<void> {
  const thread = commentItem(card, input.comment);
  await thread.getByRole("button", { name: text(language, "stream:comments.reply"), exact: true }).first().click();
  const replyField = card.page().getByRole("textbox", { name: text(language, "stream:comments.replyLabel", { name: input.name }), exact: true });
  const form = thread.locator("form").filter({ has: replyField });
  await form.getByRole("textbox").fill(input.body);
  await form.getByRole("button", { name: text(language, "stream:comments.sendReply"), exact: true }).click();
  await repliesTo(card, language, input.name).getByText(input.shown ?? input.body, { exact: true }).waitFor();
}

/** The list of replies under the comment of `name`. */
export function repliesTo(card: Locator, language: Language, name: string): Locator {
  return card.getByRole("list", { name: text(language, "stream:comments.repliesTo", { name }), exact: true });
}

/** The poll of a card. */
export function poll(card: Locator, language: Language): Locator {
  return card.getByRole("region", { name: text(language, "stream:poll.label"), exact: true });
}

/** Votes for `option` in a single-choice poll and waits for the ballot to go. */
export async function vote(card: Locator, language: Language, option: string): Promise<void> {
  const ballot = poll(card, language);
  await ballot.getByRole("radiogroup", { name: text(language, "stream:poll.chooseOne"), exact: true }).getByRole("radio", { name: option, exact: true }).check();
  await ballot.getByRole("button", { name: text(language, "stream:poll.vote"), exact: true }).click();
  await ballot.getByRole("button", { name: text(language, "stream:poll.vote"), exact: true }).waitFor({ state: "detached" });
}

/** The line of one option in a poll's results: its label, then "x % · n voix". */
export function pollResult(card: Locator, language: Language, option: string): Locator {
  return poll(card, language).getByRole("list", { name: text(language, "stream:poll.results"), exact: true }).getByRole("listitem").filter({ hasText: option });
}

/** A card's toggle drawn as an icon ("Favori", "Suivre les commentaires"), whose state is `aria-pressed`. */
export function iconToggle(card: Locator, language: Language, action: "bookmark" | "follow"): Locator {
  return card.getByRole("button", { name: text(language, `stream:actions.${action}`), exact: true });
}

/** Opens a topic's page from the topic link in a card, and waits for its title. */
export async function openTopic(card: Locator, name: string): Promise<void> {
  await card.getByRole("link", { name: `#${name}`, exact: true }).first().click();
  await card.page().waitForURL(/\/topics\/[^/]+$/);
  await waitForHeading(card.page(), `#${name}`);
}

/** Opens the bookmarks from the main navigation and waits for the page's title. */
export async function openBookmarks(page: Page, language: Language): Promise<void> {
  await page.getByRole("navigation", { name: text(language, "nav.main"), exact: true }).getByRole("link", { name: text(language, "nav.bookmarks"), exact: true }).click();
  await page.waitForURL((url) => url.pathname === "/bookmarks");
  await waitForHeading(page, text(language, "stream:bookmarks.title"));
}

/** Edits a post from its menu: replaces the body and saves, waiting for the confirmation. */
export async function editPost(card: Locator, language: Language, body: string): Promise<void> {
  await card.getByRole("button", { name: text(language, "stream:menu.label"), exact: true }).click();
  await card.page().getByRole("menuitem", { name: text(language, "stream:menu.edit"), exact: true }).click();
  await markdownField(card, language, text(language, "stream:edit.label")).fill(body);
  await card.getByRole("button", { name: text(language, "save"), exact: true }).click();
  await card.page().getByText(text(language, "stream:edit.saved"), { exact: true }).waitFor();
}

/** Opens an edited post's earlier versions from its "modifié" marker. */
export async function openRevisions(card: Locator, language: Language): Promise<Locator> {
  await card.getByRole("button", { name: text(language, "stream:post.edited"), exact: true }).click();
  const dialog = card.page().getByRole("dialog", { name: text(language, "stream:revisions.title"), exact: true });
  await dialog.getByRole("list", { name: text(language, "stream:revisions.title"), exact: true }).getByRole("listitem").first().waitFor();
  return dialog;
}

/** The announcements the viewer has yet to acknowledge, above the home page's stream. */
export function announcements(page: Page, language: Language): Locator {
  return page.getByRole("region", { name: text(language, "stream:announcements.title"), exact: true });
}

/** One unread announcement's banner, by its author and community. */
export function announcementBanner(page: Page, language: Language, input: { author: string; community: string }): Locator {
  return announcements(page, language).getByRole("article", { name: text(language, "stream:announcements.from", input), exact: true });
}

/** Acknowledges ("J'ai lu") an announcement from its banner and waits for the thanks. */
export async function acknowledge(banner: Locator, language: Language): Promise<void> {
  await banner.getByRole("button", { name: text(language, "stream:announcements.acknowledge"), exact: true }).click();
  await banner.page().getByText(text(language, "stream:announcements.acknowledged"), { exact: true }).waitFor();
}

/** Opens who has and has not read an announcement, from its "x sur y ont lu" under the card. */
export async function openReadReceipts(card: Locator, language: Language, input: { read: number; audience: number }): Promise<Locator> {
  await card.getByRole("button", { name: text(language, "stream:receipts.summary", { count: input.read, total: input.audience }), exact: true }).click();
  const dialog = card.page().getByRole("dialog", { name: text(language, "stream:receipts.title"), exact: true });
  await dialog.waitFor();
  return dialog;
}

/** Shares a post from its menu into `community`, with a word, and waits for the confirmation. */
export async function sharePost(card: Locator, language: Language, input: { community: string; comment: string }): Promise<void> {
  const page = card.page();
  await card.getByRole("button", { name: text(language, "stream:menu.label"), exact: true }).click();
  await page.getByRole("menuitem", { name: text(language, "stream:menu.share"), exact: true }).click();
  const dialog = page.getByRole("dialog", { name: text(language, "stream:share.title"), exact: true });
  await dialog.getByRole("textbox", { name: text(language, "stream:share.community"), exact: true }).click();
  await page.getByRole("option", { name: input.community, exact: true }).click();
  await dialog.getByRole("textbox", { name: text(language, "stream:share.comment"), exact: true }).fill(input.comment);
  await dialog.getByRole("button", { name: text(language, "stream:share.submit"), exact: true }).click();
  await page.getByText(text(language, "stream:share.done", { community: input.community }), { exact: true }).waitFor();
  await dialog.waitFor({ state: "hidden" });
}
