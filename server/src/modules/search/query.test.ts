import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hasTerms, parseQuery, type ParsedQuery } from "./query.ts";

const nothing: ParsedQuery = { words: [], phrases: [], excluded: [], prefix: null };
const parsed = (overrides: Partial<ParsedQuery>): ParsedQuery => ({ ...nothing, ...overrides });

describe("reading a search query", () => {
  it("reads plain words, whatever the spacing", () => {
    expect(parseQuery("  transformation   digitale\tplan\n")).toEqual(parsed({ words: ["transformation", "digitale", "plan"] }));
  });

  it("reads a quoted phrase apart from the words around it", () => {
    expect(parseQuery('plan "transformation digitale" 2025')).toEqual(parsed({ words: ["plan", "2025"], phrases: ["transformation digitale"] }));
  });

  it("reads a quoted single word as a word, and empty quotes as nothing", () => {
    expect(parseQuery('"ruche"')).toEqual(parsed({ words: ["ruche"] }));
    expect(parseQuery('"" " "')).toEqual(nothing);
  });

  it("drops the punctuation inside a phrase, keeping its words in order", () => {
    expect(parseQuery('"droit, à la... déconnexion!"')).toEqual(parsed({ phrases: ["droit à la déconnexion"] }));
  });

  it("pairs quotes from the left and reads an unpaired last quote as a space", () => {
    expect(parseQuery('"unbalanced quote')).toEqual(parsed({ words: ["unbalanced", "quote"] }));
    expect(parseQuery('a "b c" "d')).toEqual(parsed({ words: ["a", "d"], phrases: ["b c"] }));
    expect(parseQuery('a"b')).toEqual(parsed({ words: ["a", "b"] }));
  });

  it("excludes a word written with a leading minus sign, ASCII or typographic", () => {
    expect(parseQuery("réunion -budget")).toEqual(parsed({ words: ["réunion"], excluded: ["budget"] }));
    expect(parseQuery("réunion −budget --annulé")).toEqual(parsed({ words: ["réunion"], excluded: ["budget", "annulé"] }));
  });

  it("keeps a hyphen inside a word as part of it: e-mail is not 'e' without 'mail'", () => {
    expect(parseQuery("e-mail")).toEqual(parsed({ words: ["e-mail"] }));
    expect(parseQuery("porte-parole -demi-journée")).toEqual(parsed({ words: ["porte-parole"], excluded: ["demi-journée"] }));
    expect(parseQuery("budget-")).toEqual(parsed({ words: ["budget"] }));
  });

  it("keeps straight and curly apostrophes inside words", () => {
    expect(parseQuery("l'équipe d’été aujourd'hui")).toEqual(parsed({ words: ["l'équipe", "d’été", "aujourd'hui"] }));
    expect(parseQuery("'quoted' ’x")).toEqual(parsed({ words: ["quoted", "x"] }));
  });

  it("reads letters and digits of any script, and nothing of emoji or symbols", () => {
    expect(parseQuery("🐝 ruche 🍯 東京 ελληνικά 42")).toEqual(parsed({ words: ["ruche", "東京", "ελληνικά", "42"] }));
    expect(parseQuery("🐝🍯 ✨")).toEqual(nothing);
  });

  it("reads tsquery and SQL syntax as mere characters around words", () => {
    expect(parseQuery("a & b | !c")).toEqual(parsed({ words: ["a", "b", "c"] }));
    expect(parseQuery("x:* <-> (y) \\z")).toEqual(parsed({ words: ["x", "y", "z"] }));
    expect(parseQuery("'; drop table posts; --")).toEqual(parsed({ words: ["drop", "table", "posts"] }));
    expect(parseQuery("&&& | ! :* <> ()")).toEqual(nothing);
  });

  it("reads a 500-character query whole", () => {
    const query = Array.from({ length: 100 }, (_, index) => `m${String(index).padStart(3, "0")}`).join(" ");
    expect(query).toHaveLength(499);
    const result = parseQuery(`${query}x`);
    expect(result.words).toHaveLength(100);
    expect(result.words.at(-1)).toBe("m099x");
    expect(parseQuery("a".repeat(500)).words).toEqual(["a".repeat(500)]);
  });
});

describe("search-as-you-type", () => {
  it("reads the last word as a prefix while it is being typed", () => {
    expect(parseQuery("plan transfo", { prefix: true })).toEqual(parsed({ words: ["plan"], prefix: "transfo" }));
    expect(parseQuery("transfo", { prefix: true })).toEqual(parsed({ prefix: "transfo" }));
  });

  it("reads a finished word (a space typed after it) as a whole word", () => {
    expect(parseQuery("transfo ", { prefix: true })).toEqual(parsed({ words: ["transfo"] }));
  });

  it("never reads a phrase or an excluded word as a prefix", () => {
    expect(parseQuery('plan "transformation digitale"', { prefix: true })).toEqual(parsed({ words: ["plan"], phrases: ["transformation digitale"] }));
    expect(parseQuery('"ruche"', { prefix: true })).toEqual(parsed({ words: ["ruche"] }));
    expect(parseQuery("plan -budg", { prefix: true })).toEqual(parsed({ words: ["plan"], excluded: ["budg"] }));
  });

  it("reads the last word of the last token as the prefix, the rest as words", () => {
    expect(parseQuery("x:* (trans", { prefix: true })).toEqual(parsed({ words: ["x"], prefix: "trans" }));
    expect(parseQuery("plan &&&", { prefix: true })).toEqual(parsed({ words: ["plan"] }));
  });

  it("reads the part after an apostrophe or hyphen as the prefix, as the index splits those words", () => {
    expect(parseQuery("toute l'équ", { prefix: true })).toEqual(parsed({ words: ["toute", "l"], prefix: "équ" }));
    expect(parseQuery("e-ma", { prefix: true })).toEqual(parsed({ words: ["e"], prefix: "ma" }));
    expect(parseQuery("e-mail ", { prefix: true })).toEqual(parsed({ words: ["e-mail"] }));
  });

  it("has no prefix without the option", () => {
    expect(parseQuery("transfo").prefix).toBeNull();
  });
});

describe("whether a query asks for anything", () => {
  it("counts words, phrases and a prefix, never exclusions alone", () => {
    expect(hasTerms(parseQuery("ruche"))).toBe(true);
    expect(hasTerms(parseQuery('"a b"'))).toBe(true);
    expect(hasTerms(parseQuery("ru", { prefix: true }))).toBe(true);
    expect(hasTerms(parseQuery("-ruche -miel"))).toBe(false);
    expect(hasTerms(parseQuery("   "))).toBe(false);
    expect(hasTerms(parseQuery("& | !"))).toBe(false);
  });
});

describe("any text at all", () => {
  /** A run of letters or digits joined by inner apostrophes or hyphens: what `parseQuery` promises to hand on. */
  const PLAIN_WORD = /^[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*$/u;
  const PLAIN_PHRASE = /^[\p{L}\p{N}'’-]+(?: [\p{L}\p{N}'’-]+)+$/u;
  const text = fc.oneof(
    fc.string({ maxLength: 500, unit: "binary" }),
    fc.string({ maxLength: 200, unit: fc.constantFrom(..."ab é\"'’-−&|!:*<>()\\;".split("")) }),
  );

  it("gives only plain words and phrases, never an operator, and never throws", () => {
    fc.assert(
      fc.property(text, fc.boolean(), (query, prefix) => {
        const result = parseQuery(query, { prefix });
        for (const word of [...result.words, ...result.excluded, ...(result.prefix === null ? [] : [result.prefix])]) expect(word).toMatch(PLAIN_WORD);
        for (const phrase of result.phrases) expect(phrase).toMatch(PLAIN_PHRASE);
        if (!prefix) expect(result.prefix).toBeNull();
      }),
      { numRuns: 2000 },
    );
  });
});
