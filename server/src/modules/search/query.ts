/**
 * What someone typed in a search box, read as plain words, "quoted phrases", -excluded words and,
 * for search-as-you-type, the last word typed so far. Nothing typed is ever handed to PostgreSQL as
 * tsquery syntax: each piece becomes text for plainto/phraseto_tsquery (see `ruche_search_query`
 * in migration 0014), so `&`, `|`, `!`, `:*`, `<->`, parentheses or SQL are only characters.
 */
export interface ParsedQuery {
  words: string[];
  phrases: string[];
  excluded: string[];
  /** The word being typed (search-as-you-type), matched as a prefix. */
  prefix: string | null;
}

/** A run of letters or digits (any script), with inner apostrophes and hyphens: l'équipe, e-mail. */
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

function wordsOf(text: string): string[] {
  return text.match(WORD) ?? [];
}

/**
 * Reads a query. Quotes pair from the left; an unpaired one is ignored. A `-` counts as "exclude"
 * only at the start of a word (so `e-mail` stays one word). With `prefix`, the last plain word
 * typed (when nothing follows it) becomes the prefix (its last part, after an apostrophe or hyphen).
 */
export function parseQuery(text: string, options: { prefix?: boolean } = {}): ParsedQuery {
  const parsed: ParsedQuery = { words: [], phrases: [], excluded: [], prefix: null };
  const quotes = [...text.matchAll(/"/g)].map((match) => match.index);
  // Pair quotes from the left; the last one stays alone when their number is odd.
  const paired = quotes.length % 2 === 0 ? quotes : quotes.slice(0, -1);
  let rest = "";
  let cursor = 0;
  for (let i = 0; i < paired.length; i += 2) {
    const [open, close] = [paired[i] as number, paired[i + 1] as number];
    rest += `${text.slice(cursor, open)} `;
    const phrase = wordsOf(text.slice(open + 1, close));
    if (phrase.length > 1) parsed.phrases.push(phrase.join(" "));
    else parsed.words.push(...phrase);
    cursor = close + 1;
  }
  rest += text.slice(cursor).replace(/"/g, " ");
  const tokens = rest.split(/\s+/).filter((token) => token !== "");
  tokens.forEach((token, index) => {
    const negative = /^[-−]/.test(token);
    const words = wordsOf(token);
    if (negative) parsed.excluded.push(...words);
    else parsed.words.push(...words);
    const last = index === tokens.length - 1;
    if (options.prefix && last && !negative && words.length > 0 && !/\s$/.test(text) && !text.trimEnd().endsWith('"')) {
      // The index holds l'équipe as "l" and "équipe", e-mail also as "e" and "mail": the part being
      // typed is the prefix, the parts before it are words.
      const parts = (parsed.words.pop() ?? "").split(/['’-]/);
      parsed.prefix = parts.pop() ?? null;
      parsed.words.push(...parts);
    }
  });
  return parsed;
}

/** Whether a parsed query asks for anything: exclusions alone would match everything. */
export function hasTerms(query: ParsedQuery): boolean {
  return query.words.length > 0 || query.phrases.length > 0 || query.prefix !== null;
}
