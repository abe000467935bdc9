/** What is being typed at the caret: a person to mention after `@`, or a topic after `#`. */
export interface Trigger {
  kind: "mention" | "topic";
  /** The text typed after the sign, which the autocomplete searches for. */
  query: string;
  /** Where the sign is, and where the typed word ends: the span a choice replaces. */
  start: number;
  end: number;
}

// Names have spaces ("Marie Curie"), so a mention's query runs over a few words; a topic is one word.
const MENTION_QUERY = /^[^\s@#[\]()][^\n@#[\]()]{0,59}$/u;
const TOPIC_CHARACTER = /[\p{L}\p{N}_-]/u;
const MAX_MENTION_WORDS = 3;

/** A sign starts a trigger only at the start of a line or after a space or an opening bracket, so e-mail addresses and URL fragments do not. */
function startsWord(text: string, index: number): boolean {
  if (index === 0) return true;
  return /[\s(]/u.test(text.charAt(index - 1));
}

function mentionAt(text: string, sign: number, caret: number): Trigger | null {
  const query = text.slice(sign + 1, caret);
  if (query === "") return { kind: "mention", query, start: sign, end: caret };
  if (!MENTION_QUERY.test(query) || query.split(/\s+/u).filter(Boolean).length > MAX_MENTION_WORDS) return null;
  return { kind: "mention", query, start: sign, end: caret };
}

function topicAt(text: string, sign: number, caret: number): Trigger | null {
  const query = text.slice(sign + 1, caret);
  if (![...query].every((character) => TOPIC_CHARACTER.test(character))) return null;
  let end = caret;
  while (end < text.length && TOPIC_CHARACTER.test(text.charAt(end))) end += 1;
  return { kind: "topic", query, start: sign, end };
}

/**
 * The `@name` or `#topic` the caret is in, if any: the nearest sign before the caret on the same
 * line, at the start of a word. A mention already written as `[@Name](mention:id)` is not one,
 * because its `@` follows a bracket.
 */
export function triggerAt(text: string, caret: number): Trigger | null {
  const lineStart = text.lastIndexOf("\n", caret - 1) + 1;
  for (let index = caret - 1; index >= lineStart; index -= 1) {
    const character = text.charAt(index);
    if (character !== "@" && character !== "#") continue;
    if (!startsWord(text, index)) return null;
    return character === "@" ? mentionAt(text, index, caret) : topicAt(text, index, caret);
  }
  return null;
}

/** The result of a choice in the autocomplete: the new text and where the caret goes. */
export interface Insertion {
  text: string;
  caret: number;
}

function replace(text: string, trigger: Trigger, markup: string): Insertion {
  const before = text.slice(0, trigger.start);
  const after = text.slice(trigger.end);
  const spaced = after.startsWith(" ") ? markup : `${markup} `;
  return { text: `${before}${spaced}${after}`, caret: before.length + spaced.length };
}

/** A display name as a Markdown link label: brackets and backslashes would end or break the link. */
function escapeLabel(name: string): string {
  return name.replace(/[\\[\]]/g, (character) => `\\${character}`);
}

/**
 * Replaces the typed `@Mar` with the mention markup the server reads, `[@Marie Curie](mention:<id>)`.
 *
 * @example insertMention("Merci @Mar", trigger, { id: "p1", displayName: "Marie Curie" }).text === "Merci [@Marie Curie](mention:p1) "
 */
export function insertMention(text: string, trigger: Trigger, person: { id: string; displayName: string }): Insertion {
  return replace(text, trigger, `[@${escapeLabel(person.displayName)}](mention:${person.id})`);
}

/** Replaces the typed `#rand` with the chosen topic, `#randonnée`. */
export function insertTopic(text: string, trigger: Trigger, topic: { name: string }): Insertion {
  return replace(text, trigger, `#${topic.name}`);
}

/**
 * A body as a person reads it, mentions shown as `@Marie Curie` instead of their markup: for
 * earlier versions of a post, shown as plain text.
 */
export function withoutMentionMarkup(body: string): string {
  return body.replace(/\[@((?:\\.|[^\]\\])*)\]\(mention:[^)\s]+\)/g, (_markup, label: string) => `@${label.replace(/\\([\\[\]])/g, "$1")}`);
}
