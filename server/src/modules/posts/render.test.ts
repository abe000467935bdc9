import fc from "fast-check";
import { Parser } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { parseMarkdown, renderMarkdown, type BodyResolution } from "./markdown.ts";

const PERSON = "0190f5c2-0000-7000-8000-00000000000a";
const OUTSIDER = "0190f5c2-0000-7000-8000-00000000000b";

// Display names come from people's profiles: they may hold anything, markup included.
const HOSTILE_NAMES = ['<img src=x onerror=alert(1)>', '"><script>alert(1)</script>', "Zoé ' onmouseover='alert(1)", "javascript:alert(1)"];

/** Mentions of ids starting with an even digit link; the rest are people who may not read the text. */
const resolution: BodyResolution = {
  mention: (id) => ({ displayName: HOSTILE_NAMES[id.charCodeAt(0) % HOSTILE_NAMES.length] ?? "", link: id.charCodeAt(0) % 2 === 0 }),
  slugOf: (name) => name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase(),
};

const render = (source: string, using: BodyResolution = resolution) => renderMarkdown(parseMarkdown(source), using);

interface Element {
  name: string;
  attributes: Record<string, string>;
}

/** Every element of an HTML fragment, as a browser's parser would see it (entities decoded). */
function elementsOf(html: string): Element[] {
  const elements: Element[] = [];
  const parser = new Parser({ onopentag: (name, attributes) => elements.push({ name, attributes }) }, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  parser.write(html);
  parser.end();
  return elements;
}

const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  a: ["href", "title", "rel", "class", "data-person-id"],
  span: ["class"],
  code: ["class"],
  ol: ["start"],
  th: ["style"],
  td: ["style"],
};
const TEXT_TAGS = ["p", "br", "strong", "em", "del", "s", "pre", "blockquote", "ul", "li", "hr", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr"];
const SAFE_TARGET = /^(https?:|mailto:|\/people\/[0-9a-f-]{36}$|\/topics\/[^/]+$)/i;

/** What makes rendered HTML unsafe: a tag or attribute that is not on the allow-list, a target that could run script, a link without rel. */
function problemsIn(html: string): string[] {
  const problems: string[] = [];
  for (const { name, attributes } of elementsOf(html)) {
    const allowed = ALLOWED_ATTRIBUTES[name] ?? (TEXT_TAGS.includes(name) ? [] : undefined);
    if (!allowed) {
      problems.push(`tag <${name}>`);
      continue;
    }
    for (const [attribute, value] of Object.entries(attributes)) {
      if (attribute.startsWith("on") || !allowed.includes(attribute)) problems.push(`attribute ${attribute} on <${name}>`);
      if (attribute === "style" && !/^text-align:(left|right|center);?$/.test(value)) problems.push(`style ${value}`);
    }
    if (name !== "a") continue;
    // Browsers ignore whitespace and control characters inside a scheme: judge the href as they would read it.
    const href = attributes.href?.replace(/[\p{Cc}\s]/gu, "");
    if (href !== undefined && !SAFE_TARGET.test(href)) problems.push(`href ${attributes.href}`);
    const rel = (attributes.rel ?? "").split(/\s+/);
    if (!["noopener", "nofollow", "ugc"].every((word) => rel.includes(word))) problems.push(`rel ${attributes.rel ?? "(none)"}`);
  }
  return problems;
}

const KNOWN_VECTORS = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "<svg onload=alert(1)><circle/></svg>",
  "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
  "<iframe src=javascript:alert(1)></iframe>",
  "<object data=javascript:alert(1)>",
  "<embed src=javascript:alert(1)>",
  "<style>body{background:url(javascript:alert(1))}</style>",
  "<a href=\"javascript:alert(1)\">x</a>",
  "<a href='jav&#x09;ascript:alert(1)'>x</a>",
  "[x](javascript:alert(1))",
  "[x](JaVaScRiPt:alert(1))",
  "[x](javascript&#58;alert(1))",
  "[x](&#106;avascript:alert(1))",
  "[x](&#x6A;avascript&colon;alert(1))",
  "[x]( javascript:alert(1))",
  "[x](<javascript:alert(1)>)",
  "[x]((javascript:alert(1)))",
  "[x](java\tscript:alert(1))",
  "[x](vbscript:msgbox(1))",
  "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "![x](javascript:alert(1))",
  "![x](data:image/png;base64,iVBORw0KGgo=)",
  "<javascript:alert(1)>",
  "<vbscript:msgbox(1)>",
  "[a]: javascript:alert(1)\n\n[a]",
  "[a]: <data:text/html,<script>alert(1)</script>>\n\n[a]",
  "[x](//evil.example)",
  "[x](/relative/path)",
  "[x](#fragment)",
  "[@x](mention:\"onerror=alert(1))",
  `[@x](mention:${PERSON}" onmouseover="alert(1))`,
  `[@x](mention:${PERSON} "title" onclick=alert(1))`,
  `[@[nested](javascript:alert(1))](mention:${PERSON})`,
  `[[@x](mention:${PERSON})](javascript:alert(1))`,
  "\"><script>alert(1)</script>",
  "'><img src=x onerror=alert(1)>",
  "```\"><script>alert(1)</script>\ncode\n```",
  "~~~js\" onload=\"alert(1)\nx\n~~~",
  "| a | b |\n|:-|-:|\n| <script>alert(1)</script> | [x](javascript:alert(1)) |",
  "`<script>alert(1)</script>`",
  "&lt;script&gt;alert(1)&lt;/script&gt;",
  "&#x3C;script&#x3E;alert(1)&#x3C;/script&#x3E;",
  "www.example.com/\"onmouseover=alert(1)",
  "https://ok.example/?q=\"><svg/onload=alert(1)>",
  "[x](https://ok.example \"title\\\" onmouseover=alert(1)\")",
  "#<script>alert(1)</script>",
  "#topic\"onmouseover=alert(1)",
];

const MARKDOWN_PIECES = ["**", "__", "*", "_", "~~", "`", "```", "#", "# ", "## ", "> ", "- ", "1. ", "[", "]", "(", ")", "<", ">", "!", "\n", "\n\n", "|", "---", "\\", "&", "@", "\"", "'", "=", ":", "#Déconnexion", "#a_b-c", "C#", " #123 "];

const schemeLink = fc
  .tuple(
    fc.constantFrom("javascript", "JAVASCRIPT", "vbscript", "data", "file", "http", "https", "mailto", "mention", "java\tscript", "&#106;avascript", "javascript&#58;", ""),
    fc.string({ maxLength: 20 }),
    fc.boolean(),
  )
  .map(([scheme, rest, autolink]) => (autolink ? `<${scheme}:${rest}>` : `[t](${scheme}:${rest})`));

const htmlTag = fc
  .tuple(
    fc.constantFrom("script", "img", "svg", "iframe", "a", "div", "style", "b", "math", "object", "embed", "form", "input"),
    fc.constantFrom("onerror", "onload", "href", "src", "style", "srcdoc", "formaction", "xlink:href"),
    fc.constantFrom("javascript:alert(1)", "alert(1)", "x\" onerror=\"alert(1)", "data:text/html,<script>alert(1)</script>"),
  )
  .map(([tag, attribute, value]) => `<${tag} ${attribute}="${value}">x</${tag}>`);

const mention = fc
  .tuple(fc.string({ maxLength: 15 }), fc.oneof(fc.uuid(), fc.string({ maxLength: 40 }), fc.constant(PERSON), fc.constant(OUTSIDER)))
  .map(([name, target]) => `[@${name}](mention:${target})`);

const fragment = fc.oneof(
  fc.constantFrom(...KNOWN_VECTORS),
  fc.constantFrom(...MARKDOWN_PIECES),
  schemeLink,
  htmlTag,
  mention,
  fc.string({ maxLength: 30 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
);

const body = fc.array(fragment, { maxLength: 16 }).map((pieces) => pieces.join(""));

describe("the Markdown renderer's output, whatever it is fed", () => {
  it("is judged by a checker that does flag unsafe HTML", () => {
    expect(problemsIn('<img src=x onerror=alert(1)><a href="jav&#x09;ascript:x">x</a><a href="/people/x" rel="nofollow">y</a><p onclick="x">z</p>')).toEqual([
      "tag <img>",
      "href jav\tascript:x",
      "rel (none)",
      "href /people/x",
      "rel nofollow",
      "attribute onclick on <p>",
    ]);
  });

  it("never holds a tag, attribute or link target that can run script (3,000 generated bodies)", () => {
    fc.assert(
      fc.property(body, (source) => {
        expect(problemsIn(render(source))).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });

  it.each(KNOWN_VECTORS)("neutralises %j", (vector) => {
    expect(problemsIn(render(vector))).toEqual([]);
  });
});

describe("rendering Markdown", () => {
  it("keeps CommonMark formatting, tables and strikethrough, and turns line breaks into <br>", () => {
    const html = render("**bold** _em_ ~~gone~~\nnext line\n\n| a |\n|---|\n| 1 |");
    expect(html).toContain("<strong>bold</strong> <em>em</em> <s>gone</s><br />");
    expect(html).toContain("<td>1</td>");
  });

  it("shows raw HTML as text instead of interpreting it", () => {
    expect(render("<b>hi</b>")).toBe("<p>&lt;b&gt;hi&lt;/b&gt;</p>");
  });

  it("steps headings down so a post never outranks its page", () => {
    expect(render("# One\n## Two\n###### Six")).toBe("<h3>One</h3>\n<h4>Two</h4>\n<h6>Six</h6>");
  });

  it("links web and mail addresses, bare ones included, with rel noopener nofollow ugc", () => {
    const html = render("See www.example.com, <https://ruche.example/a> and [mail](mailto:hello@example.com)");
    expect(html).toContain('<a href="http://www.example.com" rel="noopener nofollow ugc">www.example.com</a>');
    expect(html).toContain('<a href="https://ruche.example/a" rel="noopener nofollow ugc">');
    expect(html).toContain('<a href="mailto:hello@example.com" rel="noopener nofollow ugc">mail</a>');
  });

  it("embeds no image: an image becomes a link to it", () => {
    expect(render("![diagram](https://example.com/d.png)")).toBe('<p>!<a href="https://example.com/d.png" rel="noopener nofollow ugc">diagram</a></p>');
  });

  it("leaves links to anything but http, https and mailto as text", () => {
    for (const source of ["[x](/admin)", "[x](javascript:alert(1))", "[x](ftp://example.com)"]) expect(render(source)).not.toContain("<a");
  });

  it("tells the first web link, for the link preview", () => {
    expect(parseMarkdown("mail [me](mailto:a@example.com) then https://one.example and https://two.example").firstLink).toBe("https://one.example");
    expect(parseMarkdown("`https://in.code.example`").firstLink).toBeNull();
  });
});

describe("mentions", () => {
  const people: BodyResolution = {
    mention: (id) => (id === PERSON ? { displayName: "Zoé <Martin>", link: true } : id === OUTSIDER ? { displayName: "Paul", link: false } : undefined),
    slugOf: (name) => name.toLowerCase(),
  };

  it("links a person who may read the text to their profile, under their real name", () => {
    expect(render(`Hi [@Someone else](mention:${PERSON})!`, people)).toBe(
      `<p>Hi <a class="mention" data-person-id="${PERSON}" href="/people/${PERSON}" rel="noopener nofollow ugc">@Zoé &lt;Martin&gt;</a>!</p>`,
    );
  });

  it("shows a person who may not read the text as plain text", () => {
    expect(render(`cc [@Paul](mention:${OUTSIDER})`, people)).toBe('<p>cc <span class="mention-plain">@Paul</span></p>');
  });

  it("lists distinct ids, lowercase, and counts malformed targets", () => {
    const parsed = parseMarkdown(`[@a](mention:${PERSON.toUpperCase()}) [@b](mention:${PERSON}) [@c](mention:not-an-id) [@d](mention:)`);
    expect(parsed.mentionIds).toEqual([PERSON]);
    expect(parsed.malformedMentions).toBe(2);
  });

  it("renders an unresolved mention as the text written", () => {
    expect(render("[@Ghost](mention:0190f5c2-0000-7000-8000-0000000000ff)", people)).toBe('<p><span class="mention-plain">@Ghost</span></p>');
  });
});

describe("topics", () => {
  const topicsOf = (source: string) => parseMarkdown(source).topicNames;

  it("finds #words with accents, digits, underscores and hyphens, and links them to their slug", () => {
    expect(topicsOf("#Déconnexion and #team_2025 and #remote-work.")).toEqual(["Déconnexion", "team_2025", "remote-work"]);
    expect(render("#Déconnexion")).toBe('<p><a class="topic" href="/topics/deconnexion" rel="noopener nofollow ugc">#Déconnexion</a></p>');
  });

  it("ignores numbers, single letters, over-long words and a # inside a word", () => {
    expect(topicsOf(`#123 #a C#sharp x#y #${"a".repeat(51)}`)).toEqual([]);
    expect(topicsOf(`#${"a".repeat(50)}`)).toHaveLength(1);
  });

  it("ignores #words in code, in links and when escaped", () => {
    expect(topicsOf("`#code` [#linked](https://example.com) https://example.com/#anchor \\#escaped &#35;entity\n\n    #indented")).toEqual([]);
  });

  it("keeps trailing hyphens and underscores out of the topic", () => {
    expect(topicsOf("#draft-")).toEqual(["draft"]);
    expect(render("#draft-")).toContain("#draft</a>-");
  });

  it("does not take a heading for a topic", () => {
    expect(topicsOf("# Heading\n\n#Topic")).toEqual(["Topic"]);
  });
});
