import { describe, expect, it } from "vitest";
import { decodePage, readPageMetadata } from "./metadata.ts";

describe("reading a page for its link preview", () => {
  it("prefers Open Graph tags, resolving the image against the page", () => {
    const html = `<html><head><title>Fallback</title>
      <meta property="og:title" content="Le  rucher &amp; ses abeilles">
      <meta property="og:description" content="Tout sur
        les ruches">
      <meta property="og:site_name" content="Apiculture">
      <meta property="og:image" content="/images/ruche.png"></head><body></body></html>`;
    expect(readPageMetadata(html, "https://example.org/articles/1")).toEqual({
      title: "Le rucher & ses abeilles",
      description: "Tout sur les ruches",
      siteName: "Apiculture",
      imageUrl: "https://example.org/images/ruche.png",
    });
  });

  it("falls back on the title, the meta description and the host", () => {
    const html = `<title> Page &eacute;tonnante </title><meta name="description" content="Une description">`;
    expect(readPageMetadata(html, "https://www.example.org/")).toEqual({
      title: "Page étonnante",
      description: "Une description",
      siteName: "example.org",
      imageUrl: null,
    });
  });

  it("keeps markup as text and drops image URLs that are not http(s)", () => {
    const html = `<meta property="og:title" content="<script>alert(1)</script>"><meta property="og:image" content="javascript:alert(1)">`;
    const metadata = readPageMetadata(html, "https://example.org/");
    expect(metadata.title).toBe("<script>alert(1)</script>");
    expect(metadata.imageUrl).toBeNull();
  });

  it("cuts overlong text", () => {
    const metadata = readPageMetadata(`<title>${"a".repeat(1000)}</title>`, "https://example.org/");
    expect(metadata.title).toHaveLength(300);
    expect(metadata.title?.endsWith("…")).toBe(true);
  });

  it("decodes the charset the page declares", () => {
    const latin1 = Buffer.from("<title>Caf\xe9</title>", "latin1");
    expect(decodePage(latin1, "text/html; charset=ISO-8859-1")).toBe("<title>Café</title>");
    expect(decodePage(Buffer.concat([Buffer.from('<meta charset="windows-1252">'), latin1]), "text/html")).toContain("Café");
    expect(decodePage(Buffer.from("<title>Café</title>"), "text/html; charset=nonsense")).toBe("<title>Café</title>");
  });
});
