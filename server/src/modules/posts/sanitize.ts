import sanitizeHtml from "sanitize-html";

/**
 * The last word on what rendered Markdown may contain, whatever the parser produced: an
 * allow-list of text tags, links to http, https and mailto (or Ruche's own /people and /topics
 * pages), no attribute that runs script, and `rel="noopener nofollow ugc"` on every link, since
 * what people write is neither endorsed nor trusted. Headings step down to h3-h6 so a post never
 * outranks the page it sits in.
 */
const ALIGNMENT = { "text-align": [/^(left|right|center)$/] };
const LINK_REL = "noopener nofollow ugc";
const INTERNAL_LINK = /^\/(people|topics)\/[^/?#\\]+$/;

const options: sanitizeHtml.IOptions = {
  allowedTags: [
    "p", "br", "strong", "em", "del", "s", "code", "pre", "blockquote", "ul", "ol", "li", "a", "span", "hr",
    "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td",
  ],
  allowedAttributes: {
    a: ["href", "title", "rel", "class", "data-person-id"],
    span: ["class"],
    code: ["class"],
    ol: ["start"],
    th: ["style"],
    td: ["style"],
  },
  allowedClasses: { a: ["mention", "topic"], span: ["mention-plain"], code: ["language-*"] },
  allowedStyles: { th: ALIGNMENT, td: ALIGNMENT },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  transformTags: {
    h1: "h3",
    h2: "h4",
    h3: "h5",
    h4: "h6",
    h5: "h6",
    a: (tagName, attribs) => ({ tagName, attribs: { ...linkAttributes(attribs), rel: LINK_REL } }),
  },
};

/** A link keeps an absolute web or mail address or an internal profile or topic path; any other target is dropped. */
function linkAttributes(attribs: sanitizeHtml.Attributes): sanitizeHtml.Attributes {
  const { href, ...rest } = attribs;
  if (href === undefined) return rest;
  const absolute = /^(https?|mailto):/i.test(href);
  return absolute || INTERNAL_LINK.test(href) ? { ...rest, href } : rest;
}

/** Sanitises HTML rendered from Markdown. */
export function sanitizeRendered(html: string): string {
  return sanitizeHtml(html, options);
}
