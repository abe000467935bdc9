import type { SearchHit, SearchPage } from "@ruche/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import type { Browser } from "../../../test/factories.ts";
import { addMember, createThrough, personBrowser } from "../communities/testing.ts";

let t: TestContext;
let insider: Browser;
let outsider: Browser;
let open: string;
let secret: string;

async function post(browser: Browser, communityId: string, body: string): Promise<string> {
  const response = await browser.inject({ method: "POST", url: "/api/v1/posts", payload: { communityId, body } });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

async function searchAs(browser: Browser, query: string): Promise<SearchPage> {
  const response = await browser.inject({ method: "GET", url: `/api/v1/search?${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const ids = (page: SearchPage) => page.items.map((hit: SearchHit) => hit.id);

beforeAll(async () => {
  t = await createTestContext({ work: false });
  insider = await personBrowser(t, { display_name: "Amélie Poulain", job_title: "Cheffe de projet", language: "fr" });
  outsider = await personBrowser(t, { display_name: "Bob Martin", language: "en" });
  ({ id: open } = await createThrough(insider, { name: "Plateforme" }));
  ({ id: secret } = await createThrough(insider, { name: "Skunkworks secret", visibility: "secret" }));
  await addMember(t, open, outsider.userId);
});
afterAll(() => t.close());

describe("searching", () => {
  it("finds French words without their accents and English ones by their stems, in both directions", async () => {
    const french = await post(insider, open, "Le droit à la déconnexion est un sujet important.");
    const english = await post(outsider, open, "Our digital transformations need a plan.");
    expect(ids(await searchAs(outsider, "q=deconnexion"))).toContain(french);
    expect(ids(await searchAs(outsider, "q=DÉCONNEXION"))).toContain(french);
    expect(ids(await searchAs(insider, "q=transformation"))).toContain(english);
    expect(ids(await searchAs(insider, "q=transfo&prefix=true"))).toContain(english);
  });

  it("never shows what the searcher may not read", async () => {
    const hidden = await post(insider, secret, "Le projet Licorne est confidentiel.");
    expect(ids(await searchAs(insider, "q=licorne"))).toContain(hidden);
    expect(ids(await searchAs(outsider, "q=licorne"))).toEqual([]);
    expect(ids(await searchAs(outsider, "q=skunkworks"))).toEqual([]);
    expect(ids(await searchAs(insider, "q=skunkworks"))).toEqual([secret]);
  });

  it("drops deleted posts at once", async () => {
    const gone = await post(insider, open, "Zeppelin annulé");
    expect(ids(await searchAs(insider, "q=zeppelin"))).toEqual([gone]);
    const deleted = await insider.inject({ method: "DELETE", url: `/api/v1/posts/${gone}` });
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect(ids(await searchAs(insider, "q=zeppelin"))).toEqual([]);
  });

  it("finds people by name and title, with the words marked", async () => {
    const page = await searchAs(outsider, "q=amelie");
    const hit = page.items.find((item) => item.kind === "person");
    expect(hit?.id).toBe(insider.userId);
    expect(hit?.title).toEqual([{ text: "Amélie", match: true }, { text: " Poulain", match: false }]);
  });

  it("answers 400 for exclusions alone and never 500 for operators", async () => {
    const response = await insider.inject({ method: "GET", url: "/api/v1/search?q=-foo" });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe("search_query_empty");
    for (const q of ['"unbalanced', "a & b | !c", "x:* <-> (y", "'; drop table posts; --", "\\", "&&&"]) {
      const answer = await insider.inject({ method: "GET", url: `/api/v1/search?q=${encodeURIComponent(q)}` });
      expect([200, 400], `${q}: ${answer.body}`).toContain(answer.statusCode);
    }
  });

  it("suggests people, communities and topics by prefix", async () => {
    const response = await outsider.inject({ method: "GET", url: "/api/v1/search/suggestions?q=pla" });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().communities.map((c: { id: string }) => c.id)).toEqual([open]);
    const people = await outsider.inject({ method: "GET", url: "/api/v1/search/suggestions?q=Poul" });
    expect(people.json().people.map((p: { id: string }) => p.id)).toEqual([insider.userId]);
  });

  it("fills the suggestions with names the viewer may see, shortest first, past better-placed hidden ones", async () => {
    // Six secret communities whose short names come first in order, then three the outsider may see.
    for (let n = 1; n <= 6; n += 1) await createThrough(insider, { name: `Zébu ${n}`, visibility: "secret" });
    const visible = [];
    for (const name of ["Zébu ouvert", "Zébu ouvert bis", "Zébu ouvert encore"]) visible.push((await createThrough(insider, { name })).id);
    const response = await outsider.inject({ method: "GET", url: "/api/v1/search/suggestions?q=zeb&limit=2" });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().communities.map((c: { id: string }) => c.id)).toEqual(visible.slice(0, 2));
    const insiders = await insider.inject({ method: "GET", url: "/api/v1/search/suggestions?q=zeb&limit=2" });
    expect(insiders.json().communities.map((c: { name: string }) => c.name)).toEqual(["Zébu 1", "Zébu 2"]);
  });
});
