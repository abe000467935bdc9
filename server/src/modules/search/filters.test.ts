import type { SearchHit } from "@ruche/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import type { Browser } from "../../../test/factories.ts";
import { newId } from "../../platform/ids.ts";
import { addMember, createThrough, personBrowser } from "../communities/testing.ts";
import { postThrough } from "../posts/testing.ts";
import { MAX_RESULTS } from "./service.ts";
import { allResults, foundIds, insertPostAt, searchUrl } from "./testing.ts";

let t: TestContext;
let alice: Browser;
let bruno: Browser;
let outsider: Browser;
let garden: string;
let kitchen: string;
let secret: string;
/** Posts, comments and a community that all say "potager", by where and who. */
const ids = { gardenByAlice: "", gardenByBruno: "", kitchenByAlice: "", commentByBruno: "", secretByAlice: "", community: "" };

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);

beforeAll(async () => {
  t = await createTestContext({ work: false });
  alice = await personBrowser(t, { display_name: "Alice Potager", language: "fr" });
  bruno = await personBrowser(t, { language: "fr" });
  outsider = await personBrowser(t, { language: "fr" });
  ({ id: garden } = await createThrough(alice, { name: "Jardin" }));
  ({ id: kitchen } = await createThrough(alice, { name: "Cuisine" }));
  ({ id: secret } = await createThrough(alice, { name: "Potager secret", visibility: "secret" }));
  ({ id: ids.community } = await createThrough(alice, { name: "Club potager" }));
  for (const community of [garden, kitchen]) await addMember(t, community, bruno.userId);
  ids.gardenByAlice = (await postThrough(alice, garden, "Le #Potager bio : semis de tomates")).id;
  ids.gardenByBruno = (await postThrough(bruno, garden, "Arrosage du potager cet été")).id;
  ids.kitchenByAlice = (await postThrough(alice, kitchen, "Recettes du potager")).id;
  ids.secretByAlice = (await postThrough(alice, secret, "Le #Potager du toit, en secret")).id;
  const comment = await bruno.inject({ method: "POST", url: `/api/v1/posts/${ids.kitchenByAlice}/comments`, payload: { body: "Mon potager donne trop de courgettes" } });
  expect(comment.statusCode, comment.body).toBe(201);
  ids.commentByBruno = comment.json().id;
});
afterAll(() => t.close());

const sorted = (list: string[]) => [...list].sort();
const found = async (browser: Browser, params: Record<string, string | number | boolean>) => sorted(await foundIds(browser, { q: "potager", ...params }));

describe("filters", () => {
  it("finds every kind by default, and one kind when asked", async () => {
    const everything = await allResults(bruno, { q: "potager" });
    expect(sorted(everything.map((hit: SearchHit) => `${hit.kind} ${hit.kind === "topic" ? hit.topicSlug : hit.id}`))).toEqual(
      sorted([
        `post ${ids.gardenByAlice}`,
        `post ${ids.gardenByBruno}`,
        `post ${ids.kitchenByAlice}`,
        `comment ${ids.commentByBruno}`,
        `community ${ids.community}`,
        `person ${alice.userId}`,
        "topic potager",
      ]),
    );
    expect(await found(bruno, { kind: "post" })).toEqual(sorted([ids.gardenByAlice, ids.gardenByBruno, ids.kitchenByAlice]));
    expect(await found(bruno, { kind: "comment" })).toEqual([ids.commentByBruno]);
    expect(await found(bruno, { kind: "community" })).toEqual([ids.community]);
    expect(await found(bruno, { kind: "person" })).toEqual([alice.userId]);
    expect((await allResults(bruno, { q: "potager", kind: "topic" })).map((hit: SearchHit) => hit.topicSlug)).toEqual(["potager"]);
  });

  it("keeps to one community, with the comments made there", async () => {
    expect(await found(bruno, { communityId: kitchen })).toEqual(sorted([ids.kitchenByAlice, ids.commentByBruno]));
    expect(await found(bruno, { communityId: garden, kind: "comment" })).toEqual([]);
  });

  it("keeps to one author", async () => {
    expect(await found(bruno, { authorId: bruno.userId })).toEqual(sorted([ids.gardenByBruno, ids.commentByBruno]));
    expect(await found(alice, { authorId: alice.userId })).toEqual(sorted([ids.gardenByAlice, ids.kitchenByAlice, ids.secretByAlice]));
  });

  it("keeps to posts with a topic, by slug or name, # and accents aside", async () => {
    for (const topic of ["potager", "#Potager", "POTAGER"]) expect(await found(bruno, { topic }), topic).toEqual([ids.gardenByAlice]);
    expect(await found(alice, { topic: "potager" })).toEqual(sorted([ids.gardenByAlice, ids.secretByAlice]));
  });

  it("keeps to a date range: from included, to excluded", async () => {
    const old = await insertPostAt(t, { communityId: garden, authorId: alice.userId, body: "Potager d'antan", createdAt: daysAgo(400) });
    const lastMonth = await insertPostAt(t, { communityId: garden, authorId: alice.userId, body: "Potager du mois dernier", createdAt: daysAgo(30) });
    const edge = daysAgo(30).toISOString();
    expect(await found(bruno, { from: daysAgo(500).toISOString(), to: daysAgo(100).toISOString() })).toEqual([old]);
    expect(await found(bruno, { from: daysAgo(40).toISOString(), to: daysAgo(20).toISOString() })).toEqual([lastMonth]);
    expect(await found(bruno, { to: daysAgo(1).toISOString() })).toEqual(sorted([old, lastMonth]));
    const since = await found(bruno, { from: daysAgo(1).toISOString() });
    expect(since).not.toContain(old);
    expect(since).toContain(ids.gardenByBruno);
    expect((await bruno.inject({ method: "GET", url: searchUrl({ q: "potager", from: edge, to: daysAgo(31).toISOString() }) })).json().error.code).toBe("validation_failed");
  });

  it("finds nothing when filtering on a community, author or topic the searcher may not see, exactly as for an unknown one", async () => {
    const answer = async (params: Record<string, string>) => (await outsider.inject({ method: "GET", url: searchUrl({ q: "potager", ...params }) })).body;
    const empty = JSON.stringify({ items: [], nextCursor: null });
    expect(await answer({ communityId: secret })).toBe(empty);
    expect(await answer({ communityId: newId() })).toBe(empty);
    expect(await answer({ communityId: secret, kind: "community" })).toBe(empty);
    expect(await answer({ authorId: newId() })).toBe(empty);
    // #Potager is known to the outsider through the public garden, #Toit only from the secret community.
    await postThrough(alice, secret, "Le #Toit végétal, potager suspendu");
    expect(await answer({ topic: "toit" })).toBe(empty);
    expect(await answer({ topic: "inconnu" })).toBe(empty);
    expect(await found(alice, { topic: "toit" })).toHaveLength(1);
  });
});

describe("pages", () => {
  it("goes through every result once, best first, and ends", async () => {
    const { id: busy } = await createThrough(alice, { name: "Ruche" });
    const made = [];
    for (let index = 0; index < 23; index += 1) {
      made.push(await insertPostAt(t, { communityId: busy, authorId: alice.userId, body: `Essaim numéro ${index}`, createdAt: daysAgo(index) }));
    }
    const whole = await foundIds(alice, { q: "essaim" });
    const paged = (await allResults(alice, { q: "essaim" }, 5)).map((hit) => hit.id);
    expect(paged).toEqual(whole);
    expect(sorted(paged)).toEqual(sorted(made));
    // Equally relevant, so newest first.
    expect(paged).toEqual(made);
  });

  it("refuses a cursor it did not give, or one past the last result it gives", async () => {
    for (const cursor of ["nonsense", "o-1", "o12345", `o${MAX_RESULTS}`, "o"]) {
      const response = await alice.inject({ method: "GET", url: searchUrl({ q: "essaim", cursor }) });
      expect(response.statusCode, cursor).toBe(400);
      expect(response.json().error.code, cursor).toBe("search_cursor_invalid");
    }
  });
});
