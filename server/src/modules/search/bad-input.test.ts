import { errorCatalogue } from "@ruche/contracts";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import type { Browser } from "../../../test/factories.ts";
import { addMember, createThrough, personBrowser } from "../communities/testing.ts";
import { postThrough } from "../posts/testing.ts";
import { searchUrl } from "./testing.ts";

// Whatever is typed into the search box: a 200, or a 400 with a catalogued code, never a 500.
const RUNS = 3000;
/** The codes a search may refuse with: the request's shape, an empty query, a cursor it never gave. */
const REFUSALS = ["validation_failed", "search_query_empty", "search_cursor_invalid"];

let t: TestContext;
/** Searches are rate limited per person: enough searchers that no one reaches the limit. */
const searchers: Browser[] = [];
let requests = 0;

beforeAll(async () => {
  t = await createTestContext({ work: false });
  for (let index = 0; index < 30; index += 1) searchers.push(await personBrowser(t, { display_name: `Chercheur ${index}`, job_title: "Analyste & co" }));
  const [first] = searchers as [Browser];
  const { id } = await createThrough(first, { name: "Requêtes (bizarres) & co" });
  for (const searcher of searchers.slice(1, 3)) await addMember(t, id, searcher.userId);
  for (const body of ["Le #SQL et la déconnexion", "select * from posts; -- 'quoted'", "Un e-mail à l'équipe : \"phrase\" & (groupe)", "émoji 🐝 ruche"]) {
    await postThrough(first, id, body);
  }
});
afterAll(async () => {
  console.info(`search bad input: ${requests} requests`);
  await t.close();
});

const OPERATORS = [..."&|!:*<>()\\';\"-−’`$%_{}[]~^@#=+,./?"];
const FRAGMENTS = [
  "' or 1=1 --",
  "'; drop table posts; --",
  "$$ select 1 $$",
  "union select password_hash from users",
  "a:*",
  "!!b",
  "<->",
  "<2>",
  "x & !y | (z <-> w)",
  "\\x27",
  "E'\\\\'",
  "%00",
  "\u0000",
  "\u0001\u0002",
  "-",
  '"',
  "déconnexion",
  "ruche",
  "sql",
];

/** What someone might type, from the plausible to the hostile. */
const typed = fc.oneof(
  fc.constant(""),
  fc.string({ maxLength: 40, unit: "binary" }),
  fc.string({ maxLength: 500, unit: "binary" }),
  fc.string({ maxLength: 60, unit: fc.constantFrom(...OPERATORS, " ", "a", "é") }),
  fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 8 })), { maxLength: 12 }).map((parts) => parts.join(" ")),
  fc.string({ minLength: 190, maxLength: 500, unit: fc.constantFrom("a", " ", "-", '"', "é", "&") }),
);

const optionsArbitrary = fc.record(
  {
    prefix: fc.boolean(),
    kind: fc.constantFrom("post", "comment", "community", "person", "topic", "file"),
    limit: fc.integer({ min: 1, max: 50 }),
    cursor: fc.oneof(fc.constantFrom("o20", "o0", "o480"), fc.string({ maxLength: 12 })),
    topic: fc.oneof(fc.constantFrom("sql", "#SQL"), fc.string({ maxLength: 20, unit: "binary" })),
  },
  { requiredKeys: [] },
);

/** What is wrong with an answer, if anything. */
function problemWith(response: { statusCode: number; body: string }): string | undefined {
  if (response.statusCode === 200) return undefined;
  if (response.statusCode !== 400) return `answered ${response.statusCode}: ${response.body.slice(0, 300)}`;
  let code: string | undefined;
  try {
    code = (JSON.parse(response.body) as { error?: { code?: string } }).error?.code;
  } catch {
    return `a 400 without a JSON body: ${response.body.slice(0, 300)}`;
  }
  if (!code || !Object.hasOwn(errorCatalogue, code) || !REFUSALS.includes(code)) return `a 400 with the code ${String(code)}`;
  return undefined;
}

describe("any query at all", () => {
  it(`answers ${RUNS} generated searches and suggestions with a 200 or a 400 naming a stable code`, async () => {
    await fc.assert(
      fc.asyncProperty(typed, optionsArbitrary, async (q, options) => {
        const searcher = searchers[requests % searchers.length] as Browser;
        requests += 2;
        const search = await searcher.inject({ method: "GET", url: searchUrl({ q, ...options }) });
        expect(problemWith(search), `search ${JSON.stringify({ q, ...options })}`).toBeUndefined();
        const suggestions = await searcher.inject({ method: "GET", url: searchUrl({ q, ...(options.limit ? { limit: Math.min(options.limit, 10) } : {}) }, "/api/v1/search/suggestions") });
        expect(problemWith(suggestions), `suggestions ${JSON.stringify(q)}`).toBeUndefined();
      }),
      { numRuns: RUNS },
    );
    expect(requests).toBeGreaterThanOrEqual(2 * RUNS);
  }, 300_000);

  it("refuses an empty query, or one of exclusions alone, with a code naming it", async () => {
    const [searcher] = searchers as [Browser];
    for (const q of ["", "-ruche", "- − --", "🐝"]) {
      const response = await searcher.inject({ method: "GET", url: searchUrl({ q }) });
      expect(response.statusCode, q).toBe(400);
      expect(response.json().error.code, q).toBe(q === "" ? "validation_failed" : "search_query_empty");
    }
  });

  it("refuses a query longer than the box allows, naming the field", async () => {
    const [searcher] = searchers as [Browser];
    const response = await searcher.inject({ method: "GET", url: searchUrl({ q: "ruche ".repeat(84) }) });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: "validation_failed" });
    expect(JSON.stringify(response.json().error.details)).toContain("q");
  });
});
