import { Parser } from "htmlparser2";

/** What a link preview shows of a page, as plain text (the web app escapes it like any text). */
export interface PageMetadata {
  title: string | null;
  description: string | null;
  siteName: string | null;
  /** Absolute http(s) URL of the page's image, to fetch through the safe client in turn. */
  imageUrl: string | null;
}

const LIMITS = { title: 300, description: 1000, siteName: 100 };

/** Collapses whitespace and cuts to `max` characters; nothing left is null. */
function cleanText(value: string | undefined, max: number): string | null {
  const text = (value ?? "").replace(/\s+/g, " ").trim();
  if (!text) return null;
  const characters = Array.from(text);
  return characters.length <= max ? text : `${characters.slice(0, max - 1).join("").trimEnd()}…`;
}

function absoluteHttpUrl(value: string | undefined, base: string): string | null {
  if (!value?.trim()) return null;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.toString() : null;
  } catch {
    return null;
  }
}

/** The `<meta>` values (first of each, by `property` or `name`) and the first `<title>` of a page. */
function collectTags(html: string): { meta: Map<string, string>; title: string } {
  const meta = new Map<string, string>();
  let title = "";
  let inTitle = false;
  let titleSeen = false;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === "title" && !titleSeen) inTitle = true;
        const key = (attributes.property ?? attributes.name ?? "").trim().toLowerCase();
        if (name === "meta" && key && attributes.content !== undefined && !meta.has(key)) meta.set(key, attributes.content);
      },
      ontext(text) {
        if (inTitle) title += text;
      },
      onclosetag(name) {
        if (name !== "title" || !inTitle) return;
        inTitle = false;
        titleSeen = true;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return { meta, title };
}

/**
 * Reads a page's Open Graph tags, falling back on Twitter cards, `<title>` and the meta
 * description; the site is named by its host when the page does not say.
 * @example readPageMetadata('<meta property="og:title" content="Hello">', "https://example.org/") // { title: "Hello", ... }
 */
export function readPageMetadata(html: string, pageUrl: string): PageMetadata {
  const { meta, title } = collectTags(html);
  const first = (...keys: string[]) => keys.map((key) => meta.get(key)).find((value) => value?.trim());
  return {
    title: cleanText(first("og:title", "twitter:title") ?? title, LIMITS.title),
    description: cleanText(first("og:description", "twitter:description", "description"), LIMITS.description),
    siteName: cleanText(first("og:site_name") ?? new URL(pageUrl).hostname.replace(/^www\./, ""), LIMITS.siteName),
    imageUrl: absoluteHttpUrl(first("og:image", "og:image:url", "og:image:secure_url", "twitter:image"), pageUrl),
  };
}

/** A page's text: in the charset its Content-Type or its first `<meta>` names, UTF-8 otherwise. */
export function decodePage(body: Buffer, contentType: string): string {
  const declared = /charset=["']?([\w-]+)/i.exec(contentType)?.[1] ?? /<meta[^>]+charset=["']?([\w-]+)/i.exec(body.subarray(0, 4096).toString("latin1"))?.[1];
  try {
    return new TextDecoder(declared ?? "utf-8").decode(body);
  } catch {
    return new TextDecoder("utf-8").decode(body);
  }
}
