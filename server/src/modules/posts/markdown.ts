import MarkdownIt from "markdown-it";
import type StateCore from "markdown-it/lib/rules_core/state_core.mjs";
import type Token from "markdown-it/lib/token.mjs";
import { sanitizeRendered } from "./sanitize.ts";

/**
 * Markdown of posts and comments: CommonMark with bare URLs linked, tables and strikethrough.
 * Raw HTML is shown as text, images are not embedded (attachments carry them: `![x](url)` is a
 * link), and only http, https and mailto links are links at all. Two additions:
 * `[@Name](mention:<person id>)` names a person, and `#word` tags a topic.
 *
 * Rendering happens in two steps so the database is asked once per body: `parseMarkdown` finds
 * the mentions and topics, the caller resolves them, then `renderMarkdown` writes the HTML, which
 * is sanitised again whatever the parser did.
 */

/** A mentioned person as resolved: linked to their profile only when they may read the text. */
export interface MentionTarget {
  displayName: string;
  link: boolean;
}

/** What the database tells the renderer about a body's mentions and topics. */
export interface BodyResolution {
  /** The person a mention names; undefined renders what the author wrote, as plain text. */
  mention(personId: string): MentionTarget | undefined;
  /** The folded form of a topic name, as the `topics.slug` column holds it. */
  slugOf(topicName: string): string;
}

/** A body parsed once, with the references to resolve before rendering. */
export interface ParsedMarkdown {
  tokens: Token[];
  /** Distinct person ids mentioned, lowercase. */
  mentionIds: string[];
  /** Mention links whose target is not a person id. */
  malformedMentions: number;
  /** Topic names, each distinct way of writing one once. */
  topicNames: string[];
  /** The first http(s) link: the one a link preview shows. */
  firstLink: string | null;
}

interface ParseEnv {
  mentionIds: Set<string>;
  malformedMentions: number;
  topicNames: Set<string>;
  firstLink: string | null;
}

const MENTION_SCHEME = "mention:";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LINK_SCHEMES = /^(https?|mailto):/i;
// A topic starts with a letter or digit after `#`, which must not follow a word character (`C#`, `a#b`).
const TOPIC = /(?<![\p{L}\p{N}_&#])#([\p{L}\p{N}][\p{L}\p{N}_-]*)/gu;
const WORD_CHARACTER = /[\p{L}\p{N}_&#]$/u;
const TOPIC_MIN = 2;
const TOPIC_MAX = 50;

const markdown = new MarkdownIt("commonmark", { html: false, xhtmlOut: false, linkify: true, breaks: true });
markdown.enable(["linkify", "table", "strikethrough"]);
markdown.disable(["image", "html_block", "html_inline"]);
// Only the schemes Ruche links to; anything else (javascript:, data:, relative paths) stays text.
markdown.validateLink = (url) => LINK_SCHEMES.test(url) || url.toLowerCase().startsWith(MENTION_SCHEME);
markdown.core.ruler.before("text_join", "ruche_references", findReferences);
markdown.renderer.rules.mention = (tokens, index, _options, env: { resolution: BodyResolution }) => renderMention(tokens[index], env.resolution);
markdown.renderer.rules.topic = (tokens, index, _options, env: { resolution: BodyResolution }) => renderTopic(tokens[index], env.resolution);

/** Parses a body and lists what it mentions, tags and links. */
export function parseMarkdown(source: string): ParsedMarkdown {
  const env: ParseEnv = { mentionIds: new Set(), malformedMentions: 0, topicNames: new Set(), firstLink: null };
  const tokens = markdown.parse(source, env);
  return {
    tokens,
    mentionIds: [...env.mentionIds],
    malformedMentions: env.malformedMentions,
    topicNames: [...env.topicNames.values()],
    firstLink: env.firstLink,
  };
}

/** The sanitised HTML of a parsed body, its mentions and topics resolved. */
export function renderMarkdown(parsed: ParsedMarkdown, resolution: BodyResolution): string {
  return sanitizeRendered(markdown.renderer.render(parsed.tokens, markdown.options, { resolution })).trim();
}

/** Core rule: turns mention links into mention tokens, `#words` into topic tokens, and drops links Ruche does not render. */
function findReferences(state: StateCore): void {
  const env = state.env as ParseEnv;
  for (const block of state.tokens) {
    if (block.type === "inline" && block.children) block.children = rewriteInline(state, block.children, env);
  }
}

/** The index of the `link_close` that ends the link opened at `open`. */
function closingLink(tokens: Token[], open: number): number {
  let depth = 0;
  for (let index = open; index < tokens.length; index += 1) {
    const type = tokens[index]?.type;
    if (type === "link_open") depth += 1;
    if (type === "link_close" && --depth === 0) return index;
  }
  return tokens.length;
}

function rewriteInline(state: StateCore, tokens: Token[], env: ParseEnv): Token[] {
  const out: Token[] = [];
  let previousText = "";
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index] as Token;
    if (token.type === "link_open") {
      const close = closingLink(tokens, index);
      out.push(...rewriteLink(state, { open: token, inner: tokens.slice(index + 1, close), close: tokens[close] }, env));
      index = close;
      previousText = "";
    } else if (token.type === "text") {
      // Mention syntax that did not parse as a link (a space or quote in the target) is a broken mention, not prose.
      if (token.content.toLowerCase().includes(`](${MENTION_SCHEME}`)) env.malformedMentions += 1;
      out.push(...splitTopics(state, token, { previousText, env }));
      previousText = token.content;
    } else {
      out.push(token);
      previousText = token.type === "text_special" ? token.content : "";
    }
  }
  return out;
}

interface LinkTokens {
  open: Token;
  inner: Token[];
  close: Token | undefined;
}

/** A link as Ruche renders it: a mention, a web or mail link, or (for any other target) its text alone. */
function rewriteLink(state: StateCore, link: LinkTokens, env: ParseEnv): Token[] {
  const href = link.open.attrGet("href") ?? "";
  if (href.toLowerCase().startsWith(MENTION_SCHEME)) return [mentionToken(state, { href, inner: link.inner }, env)];
  if (!LINK_SCHEMES.test(href)) return link.inner;
  if (env.firstLink === null && /^https?:/i.test(href)) env.firstLink = href;
  return link.close ? [link.open, ...link.inner, link.close] : [link.open, ...link.inner];
}

function mentionToken(state: StateCore, mention: { href: string; inner: Token[] }, env: ParseEnv): Token {
  const target = mention.href.slice(MENTION_SCHEME.length);
  const id = UUID.test(target) ? target.toLowerCase() : null;
  if (id) env.mentionIds.add(id);
  else env.malformedMentions += 1;
  const written = mention.inner.map((token) => token.content).join("").trim().replace(/^@/, "");
  const token = new state.Token("mention", "", 0);
  token.meta = { id, written };
  return token;
}

/** Splits a text token around its `#topics`. */
function splitTopics(state: StateCore, token: Token, context: { previousText: string; env: ParseEnv }): Token[] {
  const parts: Token[] = [];
  const text = token.content;
  let start = 0;
  const pushText = (content: string) => {
    if (!content) return;
    const piece = new state.Token("text", "", 0);
    piece.content = content;
    parts.push(piece);
  };
  for (const match of text.matchAll(TOPIC)) {
    const at = match.index;
    if (at === 0 && WORD_CHARACTER.test(context.previousText)) continue;
    const name = (match[1] ?? "").replace(/[-_]+$/, "");
    const length = [...name].length;
    if (length < TOPIC_MIN || length > TOPIC_MAX || !/\p{L}/u.test(name)) continue;
    pushText(text.slice(start, at));
    const topic = new state.Token("topic", "", 0);
    topic.meta = { name };
    parts.push(topic);
    start = at + 1 + name.length;
    context.env.topicNames.add(name);
  }
  if (start === 0) return [token];
  pushText(text.slice(start));
  return parts;
}

const escapeHtml = (text: string) => markdown.utils.escapeHtml(text);

function renderMention(token: Token | undefined, resolution: BodyResolution): string {
  const { id, written } = (token?.meta ?? {}) as { id: string | null; written: string };
  const target = id ? resolution.mention(id) : undefined;
  const label = escapeHtml(`@${target?.displayName ?? written}`);
  if (id && target?.link) return `<a class="mention" href="/people/${id}" data-person-id="${id}">${label}</a>`;
  return `<span class="mention-plain">${label}</span>`;
}

function renderTopic(token: Token | undefined, resolution: BodyResolution): string {
  const { name } = (token?.meta ?? { name: "" }) as { name: string };
  return `<a class="topic" href="/topics/${encodeURIComponent(resolution.slugOf(name))}">#${escapeHtml(name)}</a>`;
}
