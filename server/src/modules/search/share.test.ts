import { describe, expect, it } from "vitest";
import { estimateShare } from "./share.ts";

const shares = new Map([
  ["reunion", 0.1],
  ["client", 0.2],
  ["projet", 0.4],
  ["project", 0.05],
  ["mise", 0.02],
  ["jour", 0.5],
  ["l'equipe", 0.01],
]);

describe("estimateShare", () => {
  it("counts a common word's share and none for a word the statistics do not list", () => {
    expect(estimateShare("'reunion'", shares)).toBe(0.1);
    expect(estimateShare("'zorblak'", shares)).toBe(0);
  });

  it("multiplies words that must appear together, and takes the likelier of alternatives", () => {
    // Two words, in French and in English, as ruche_search_query writes them.
    const query = "( 'reunion' | 'reunion' ) & ( 'client' | 'client' ) | ( 'reunion' | 'reunion' ) & ( 'client' | 'client' )";
    expect(estimateShare(query, shares)).toBeCloseTo(0.02, 10);
    expect(estimateShare("'reunion' & 'zorblak'", shares)).toBe(0);
    expect(estimateShare("'zorblak' | 'projet'", shares)).toBe(0.4);
  });

  it("binds & tighter than |, and ! and <-> tighter than &", () => {
    expect(estimateShare("'reunion' | 'client' & 'projet'", shares)).toBeCloseTo(0.1, 10);
    expect(estimateShare("'client' & !'projet'", shares)).toBeCloseTo(0.2 * 0.6, 10);
    expect(estimateShare("'mise' <-> 'jour' & 'client'", shares)).toBeCloseTo(0.02 * 0.5 * 0.2, 10);
    expect(estimateShare("'mise' <2> 'jour'", shares)).toBeCloseTo(0.01, 10);
  });

  it("adds up the common lexemes a prefix begins, up to every document", () => {
    expect(estimateShare("'proj':* | 'proj'", shares)).toBeCloseTo(0.45, 10);
    expect(estimateShare("'':*", shares)).toBe(1);
  });

  it("reads quotes inside a lexeme and survives text that is not a well-formed query", () => {
    expect(estimateShare("'l''equipe'", shares)).toBe(0.01);
    expect(estimateShare("", shares)).toBe(0);
    expect(estimateShare("( 'reunion' &", shares)).toBe(0);
    expect(estimateShare("'reunion' & ) 'client'", shares)).toBeCloseTo(0, 10);
  });
});
