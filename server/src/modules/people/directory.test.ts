import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import { buildUser, signIn, type Browser } from "../../../test/factories.ts";

let t: TestContext;
let member: Browser;
let admin: Browser;

beforeAll(async () => {
  t = await createTestContext({ work: false });
  member = await signIn(t.app, t.db, (await buildUser(t.db, { display_name: "Zoé Viewer" })).id);
  admin = await signIn(t.app, t.db, (await buildUser(t.db, { role: "admin", display_name: "Zacharie Admin" })).id);
});
afterAll(() => t.close());

async function search(browser: Browser, query: Record<string, string | number | boolean>) {
  const params = new URLSearchParams(Object.entries(query).map(([key, value]): [string, string] => [key, String(value)]));
  const response = await browser.inject({ method: "GET", url: `/api/v1/people?${params}` });
  expect(response.statusCode).toBe(200);
  return response.json() as { items: { id: string; displayName: string; active: boolean }[]; nextCursor: string | null };
}

async function namesFound(query: Record<string, string | number | boolean>): Promise<string[]> {
  return (await search(member, query)).items.map((person) => person.displayName);
}

describe("searching the directory", () => {
  beforeAll(async () => {
    await buildUser(t.db, { display_name: "Hélène Dubois", job_title: "Juriste", department: "Affaires juridiques", location: "Québec" });
    await buildUser(t.db, { display_name: "Helena Costa", job_title: "Ingénieure données", department: "Recherche", location: "Porto" });
    await buildUser(t.db, { display_name: "Bruno Lemaître", job_title: "Comptable", department: "Ressources Humaines", skills: ["paie", "droit social"] });
    await buildUser(t.db, { display_name: "Chloé Petit", job_title: "Stagiaire", department: "Ressources humaines groupe", location: "Quebec", skills: ["gestion de projet"] });
  });

  it("finds a name whatever its accents and case", async () => {
    expect(await namesFound({ q: "helene" })).toEqual(["Hélène Dubois"]);
    expect(await namesFound({ q: "HÉLÈNE" })).toEqual(["Hélène Dubois"]);
  });

  it("matches part of a name", async () => {
    expect(await namesFound({ q: "hel" })).toEqual(["Helena Costa", "Hélène Dubois"]);
  });

  it("matches job titles, departments and skills", async () => {
    expect(await namesFound({ q: "ingenieure" })).toEqual(["Helena Costa"]);
    expect(await namesFound({ q: "juridiques" })).toEqual(["Hélène Dubois"]);
    expect(await namesFound({ q: "droit" })).toEqual(["Bruno Lemaître"]);
  });

  it("requires every word of the search to match", async () => {
    expect(await namesFound({ q: "hel recherche" })).toEqual(["Helena Costa"]);
  });

  it("treats % and _ as plain characters", async () => {
    expect(await namesFound({ q: "%" })).toEqual([]);
    expect(await namesFound({ q: "_" })).toEqual([]);
  });

  it("filters by department, ignoring case and accents but not matching part of it", async () => {
    expect(await namesFound({ department: "ressources humaines" })).toEqual(["Bruno Lemaître"]);
  });

  it("filters by location, ignoring case and accents", async () => {
    expect(await namesFound({ location: "QUEBEC" })).toEqual(["Chloé Petit", "Hélène Dubois"]);
  });

  it("filters by a skill however it is spelled", async () => {
    expect(await namesFound({ skill: "Gestion de  Projét" })).toEqual(["Chloé Petit"]);
  });

  it("combines search and filters", async () => {
    expect(await namesFound({ q: "petit", location: "quebec" })).toEqual(["Chloé Petit"]);
    expect(await namesFound({ q: "dubois", department: "recherche" })).toEqual([]);
  });

  it("refuses a search with control characters rather than failing", async () => {
    for (const query of ["q=%00", "department=a%00b", "skill=%00x"]) {
      const response = await member.inject({ method: "GET", url: `/api/v1/people?${query}` });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe("validation_failed");
    }
  });

  it("requires a signed-in viewer", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/v1/people" });
    expect(response.statusCode).toBe(401);
  });
});

describe("paging through the directory", () => {
  const location = "Pagination-sur-Mer";
  const names = ["Émile Aubert", "emile aubert", "Agathe Roux", "Zélie Marchand", "Ève Bernard", "Yann Kerouac", "Léa Faure"];

  beforeAll(async () => {
    for (const display_name of names) await buildUser(t.db, { display_name, location });
  });

  it("walks three pages in name order with no duplicate and no gap", async () => {
    const pages: string[][] = [];
    const seenIds: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await search(member, { location, limit: 3, ...(cursor ? { cursor } : {}) });
      pages.push(page.items.map((person) => person.displayName));
      seenIds.push(...page.items.map((person) => person.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(pages.map((page) => page.length)).toEqual([3, 3, 1]);
    expect(new Set(seenIds).size).toBe(names.length);
    const walked = pages.flat();
    expect(walked.slice(0, 3)).toEqual(["Agathe Roux", expect.stringMatching(/^[ÉEe]mile [Aa]ubert$/), expect.stringMatching(/^[ÉEe]mile [Aa]ubert$/)]);
    expect(walked.slice(3)).toEqual(["Ève Bernard", "Léa Faure", "Yann Kerouac", "Zélie Marchand"]);
  });

  it("refuses a cursor it did not give out, naming cursor", async () => {
    const forged = (values: string[]) => Buffer.from(JSON.stringify(values)).toString("base64url");
    for (const cursor of ["not-a-cursor", forged(["a", "not-a-uuid"]), forged(["a\u0000", "0190f5c2-0000-7000-8000-000000000000"])]) {
      const response = await member.inject({ method: "GET", url: `/api/v1/people?cursor=${cursor}` });
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toMatchObject({ code: "validation_failed", details: [{ field: "cursor" }] });
    }
  });
});

describe("deactivated people in the directory", () => {
  const location = "Ailleurs";

  beforeAll(async () => {
    await buildUser(t.db, { display_name: "Active Anne", location });
    await buildUser(t.db, { display_name: "Gone Gaston", location, status: "deactivated", deactivated_at: new Date() });
  });

  it("hides them", async () => {
    expect((await search(member, { location })).items.map((person) => person.displayName)).toEqual(["Active Anne"]);
    expect((await search(admin, { location })).items.map((person) => person.displayName)).toEqual(["Active Anne"]);
  });

  it("shows them to an admin who asks", async () => {
    const page = await search(admin, { location, includeInactive: true });
    expect(page.items.map((person) => [person.displayName, person.active])).toEqual([
      ["Active Anne", true],
      ["Gone Gaston", false],
    ]);
  });

  it("keeps them hidden from a member who asks", async () => {
    const page = await search(member, { location, includeInactive: true });
    expect(page.items.map((person) => person.displayName)).toEqual(["Active Anne"]);
  });
});
