import { describe, expect, it } from "vitest";
import { datesReversed, emptySearch, hasFilters, searchFromUrl, searchPath, searchQuery, searchToUrl } from "./search-state.ts";

const communityId = "0190a000-0000-7000-8000-000000000001";
const authorId = "0190c000-0000-7000-8000-000000000001";
const url = (query: string) => new URLSearchParams(query);

describe("search in the URL", () => {
  it("reads the words and every filter", () => {
    expect(searchFromUrl(url(`q=s%C3%A9minaire&kind=post&community=${communityId}&author=${authorId}&topic=lyon&from=2025-03-01&to=2025-03-31`))).toEqual({
      q: "séminaire",
      kind: "post",
      communityId,
      authorId,
      topic: "lyon",
      from: "2025-03-01",
      to: "2025-03-31",
    });
  });

  it("drops an unknown kind, a malformed community or author id and impossible dates instead of sending them", () => {
    expect(searchFromUrl(url("q=train&kind=wiki&community=42&author=camille&from=2025-13-45&to=yesterday"))).toEqual({ ...emptySearch, q: "train" });
  });

  it("cuts a query longer than the API takes", () => {
    expect(searchFromUrl(url(`q=${"a".repeat(300)}`)).q).toHaveLength(200);
  });

  it("writes only what is set, trimmed, and reads it back the same", () => {
    const state = { ...emptySearch, q: "  note de frais ", kind: "file" as const };
    expect(searchToUrl(state).toString()).toBe("q=note+de+frais&kind=file");
    expect(searchFromUrl(searchToUrl(state))).toEqual({ ...state, q: "note de frais" });
  });

  it("keeps the author chosen in the URL and reads it back", () => {
    const state = { ...emptySearch, q: "budget", authorId };
    expect(searchToUrl(state).toString()).toBe(`q=budget&author=${authorId}`);
    expect(searchFromUrl(searchToUrl(state))).toEqual(state);
  });

  it("makes the address of a plain search, with quotes and accents kept", () => {
    expect(searchPath('"déconnexion" -vpn')).toBe("/search?q=%22d%C3%A9connexion%22+-vpn");
  });
});

describe("searchQuery", () => {
  it("asks nothing while no word is typed", () => {
    expect(searchQuery({ ...emptySearch, q: "   ", kind: "post" })).toBeNull();
  });

  it("includes both whole days of a date range, in the reader's time zone", () => {
    const query = searchQuery({ ...emptySearch, q: "budget", from: "2025-03-01", to: "2025-03-31" });
    expect(query?.from).toBe(new Date(2025, 2, 1).toISOString());
    // The API excludes its `to`: the range ends at the start of the next day.
    expect(query?.to).toBe(new Date(2025, 3, 1).toISOString());
  });

  it("passes the community and topic filters for content", () => {
    expect(searchQuery({ ...emptySearch, q: "budget", kind: "comment", communityId, topic: " #Déconnexion " })).toEqual({
      q: "budget",
      kind: "comment",
      communityId,
      topic: "#Déconnexion",
    });
  });

  it("sends the author chosen, with or without a kind", () => {
    expect(searchQuery({ ...emptySearch, q: "budget", authorId })).toEqual({ q: "budget", authorId });
    expect(searchQuery({ ...emptySearch, q: "budget", kind: "file", authorId })).toEqual({ q: "budget", kind: "file", authorId });
  });

  it("leaves out the content filters when searching people, communities or topics by name", () => {
    const state = { ...emptySearch, q: "camille", kind: "person" as const, communityId, authorId, topic: "rh", from: "2025-03-01" };
    expect(searchQuery(state)).toEqual({ q: "camille", kind: "person" });
  });
});

describe("filters", () => {
  it("counts any filter, not the words, as narrowing the search", () => {
    expect(hasFilters({ ...emptySearch, q: "budget" })).toBe(false);
    expect(hasFilters({ ...emptySearch, q: "budget", to: "2025-03-31" })).toBe(true);
    expect(hasFilters({ ...emptySearch, q: "budget", authorId })).toBe(true);
    expect(hasFilters({ ...emptySearch, q: "budget", topic: "  " })).toBe(false);
  });

  it("notices a date range that ends before it starts", () => {
    expect(datesReversed({ ...emptySearch, from: "2025-03-31", to: "2025-03-01" })).toBe(true);
    expect(datesReversed({ ...emptySearch, from: "2025-03-01", to: "2025-03-01" })).toBe(false);
    expect(datesReversed({ ...emptySearch, from: "2025-03-31" })).toBe(false);
  });
});
