import { describe, expect, it } from "vitest";
import { directoryFromUrl, directoryQuery, directoryToUrl, showsSuggestions } from "./directory-view.ts";

const url = (text: string) => new URLSearchParams(text);

describe("directoryFromUrl", () => {
  it("reads the search, kind and list from the URL", () => {
    expect(directoryFromUrl(url("q=vélo&kind=interest&view=mine"), { admin: false })).toEqual({ q: "vélo", kind: "interest", view: "mine" });
  });

  it("ignores values it does not know", () => {
    expect(directoryFromUrl(url("kind=club&view=popular"), { admin: false })).toEqual({ q: "", kind: "", view: "all" });
  });

  it("opens the deleted communities to admins only", () => {
    expect(directoryFromUrl(url("view=deleted"), { admin: true }).view).toBe("deleted");
    expect(directoryFromUrl(url("view=deleted"), { admin: false }).view).toBe("all");
  });
});

describe("directoryToUrl", () => {
  it("writes only what differs from the plain directory, trimmed", () => {
    expect(directoryToUrl({ q: "  vélo ", kind: "", view: "all" }).toString()).toBe("q=v%C3%A9lo");
    expect(directoryToUrl({ q: "", kind: "", view: "all" }).toString()).toBe("");
    expect(directoryToUrl({ q: "", kind: "project", view: "invited" }).toString()).toBe("kind=project&view=invited");
  });
});

describe("directoryQuery", () => {
  it("asks the API for each list", () => {
    expect(directoryQuery({ q: "", kind: "", view: "all" })).toEqual({});
    expect(directoryQuery({ q: " erp ", kind: "project", view: "mine" })).toEqual({ q: "erp", kind: "project", mine: true });
    expect(directoryQuery({ q: "", kind: "", view: "invited" })).toEqual({ invited: true });
    expect(directoryQuery({ q: "", kind: "", view: "deleted" })).toEqual({ deleted: true });
  });
});

describe("showsSuggestions", () => {
  it("suggests communities on the plain directory only", () => {
    expect(showsSuggestions({ q: "", kind: "", view: "all" })).toBe(true);
    expect(showsSuggestions({ q: "vélo", kind: "", view: "all" })).toBe(false);
    expect(showsSuggestions({ q: "", kind: "project", view: "all" })).toBe(false);
    expect(showsSuggestions({ q: "", kind: "", view: "mine" })).toBe(false);
  });
});
