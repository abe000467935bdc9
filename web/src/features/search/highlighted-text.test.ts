import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { HighlightedText } from "./HighlightedText.tsx";

const render = (pieces: { text: string; match: boolean }[]) => renderToStaticMarkup(createElement(HighlightedText, { pieces }));

describe("HighlightedText", () => {
  it("marks the words the search found and leaves the rest as plain text", () => {
    const html = render([
      { text: "Le ", match: false },
      { text: "séminaire", match: true },
      { text: " de décembre", match: false },
    ]);
    expect(html).toBe('Le <mark class="search-match">séminaire</mark> de décembre');
  });

  it("marks each found word on its own when several are found", () => {
    const html = render([
      { text: "café", match: true },
      { text: " et ", match: false },
      { text: "cafés", match: true },
    ]);
    expect(html.match(/<mark /g)).toHaveLength(2);
  });

  it("shows markup typed in a post as text, never as HTML, found or not", () => {
    const html = render([
      { text: "<img src=x onerror=alert(1)>", match: false },
      { text: "<script>alert(1)</script>", match: true },
    ]);
    expect(html).toBe('&lt;img src=x onerror=alert(1)&gt;<mark class="search-match">&lt;script&gt;alert(1)&lt;/script&gt;</mark>');
  });

  it("keeps an entity written in a post as written", () => {
    expect(render([{ text: "R&amp;D", match: true }])).toBe('<mark class="search-match">R&amp;amp;D</mark>');
  });

  it("renders nothing for nothing found", () => {
    expect(render([])).toBe("");
  });
});
