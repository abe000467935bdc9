import type { SearchHit } from "@ruche/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import type { Browser } from "../../../test/factories.ts";
import { addMember, createThrough, personBrowser } from "../communities/testing.ts";
import { postThrough } from "../posts/testing.ts";
import { START, STOP } from "./repository.ts";
import { foundIds, insertPostAt, searchPage } from "./testing.ts";

let t: TestContext;
let french: Browser;
let english: Browser;
let open: string;

beforeAll(async () => {
  t = await createTestContext({ work: false });
  french = await personBrowser(t, { display_name: "Élodie Marchand", language: "fr" });
  english = await personBrowser(t, { display_name: "Oliver Grant", language: "en" });
  ({ id: open } = await createThrough(french, { name: "Plateforme" }));
  await addMember(t, open, english.userId);
});
afterAll(() => t.close());

const post = async (browser: Browser, body: string) => (await postThrough(browser, open, body)).id;
/** The words of a highlighted text the search marked as found. */
const marked = (pieces: SearchHit["excerpt"]) => pieces.filter((piece) => piece.match).map((piece) => piece.text);

describe("French and English", () => {
  it("finds a French word by its singular and plural, its accents and case aside", async () => {
    const text = await post(french, "Le droit à la déconnexion et les transformations de l'équipe.");
    for (const q of ["déconnexion", "deconnexion", "DECONNEXION", "Déconnexions", "transformation", "TRANSFORMATIONS", "équipe", "equipes"]) {
      expect(await foundIds(english, { q }), q).toContain(text);
    }
  });

  it("finds an English word by its stem: plural, -ing and -ed forms", async () => {
    const text = await post(english, "We are planning three digital transformations and onboarded new hires.");
    for (const q of ["transformation", "Transformations", "plan", "planned", "onboarding", "HIRE"]) expect(await foundIds(french, { q }), q).toContain(text);
  });

  it("finds an English text by an author who writes in French, and the other way round", async () => {
    const englishByFrench = await post(french, "Quarterly migrations of the billing services");
    const frenchByEnglish = await post(english, "Les migrations trimestrielles des serveurs de facturation");
    expect(await foundIds(english, { q: "migration billing" })).toEqual([englishByFrench]);
    expect(await foundIds(english, { q: "serveur facturation" })).toEqual([frenchByEnglish]);
  });

  it("requires every word of the query", async () => {
    const both = await post(french, "Kayak et escalade samedi");
    const one = await post(french, "Kayak dimanche");
    expect(await foundIds(french, { q: "kayak" })).toEqual(expect.arrayContaining([both, one]));
    expect(await foundIds(french, { q: "kayak escalade" })).toEqual([both]);
  });
});

describe("prefixes, phrases and exclusions", () => {
  it("matches the last word as a prefix only when asked, accents aside", async () => {
    const text = await post(french, "Atelier d'hydroponie au sous-sol");
    expect(await foundIds(english, { q: "hydropo" })).toEqual([]);
    expect(await foundIds(english, { q: "hydropo", prefix: true })).toEqual([text]);
    expect(await foundIds(english, { q: "atelier HYDRO", prefix: true })).toEqual([text]);
    expect(await foundIds(english, { q: "hydro ", prefix: true })).toEqual([]);
  });

  it("finds a word being typed after an apostrophe or inside a hyphenated word", async () => {
    const text = await post(french, "Toute l'escouade reçoit un e-mail demain");
    expect(await foundIds(english, { q: "l'escou", prefix: true })).toEqual([text]);
    expect(await foundIds(english, { q: "reçoit e-ma", prefix: true })).toEqual([text]);
  });

  it("finds a quoted phrase only with its words side by side, in order", async () => {
    const together = await post(english, "Our new customer portal opens in May");
    const apart = await post(english, "A portal for the new customer? Not yet.");
    expect(await foundIds(french, { q: "customer portal" })).toEqual(expect.arrayContaining([together, apart]));
    expect(await foundIds(french, { q: '"customer portal"' })).toEqual([together]);
    expect(await foundIds(french, { q: '"portal customer"' })).toEqual([]);
  });

  it("leaves out results with an excluded word, in any of its forms", async () => {
    const kept = await post(french, "Séminaire annuel à Lyon");
    const dropped = await post(french, "Séminaire annuel annulé, budgets gelés");
    expect(await foundIds(english, { q: "séminaire" })).toEqual(expect.arrayContaining([kept, dropped]));
    expect(await foundIds(english, { q: "séminaire -budget" })).toEqual([kept]);
    expect(await foundIds(english, { q: "seminaire −ANNULE" })).toEqual([kept]);
  });
});

describe("ranking", () => {
  it("puts a name match before a body match, however fresh the body", async () => {
    const { id: community } = await createThrough(french, { name: "Orchidées rares" });
    const fresh = await post(french, "Qui arrose les orchidées pendant les vacances ?");
    expect(await foundIds(english, { q: "orchidée" })).toEqual([community, fresh]);
  });

  it("puts the fresher of two equally relevant posts first", async () => {
    const day = 86_400_000;
    const old = await insertPostAt(t, { communityId: open, authorId: french.userId, body: "Bilan du projet Sirocco", createdAt: new Date(Date.now() - 60 * day) });
    const recent = await insertPostAt(t, { communityId: open, authorId: french.userId, body: "Bilan du projet Sirocco", createdAt: new Date(Date.now() - 2 * day) });
    const middle = await insertPostAt(t, { communityId: open, authorId: french.userId, body: "Bilan du projet Sirocco", createdAt: new Date(Date.now() - 10 * day) });
    expect(await foundIds(english, { q: "sirocco" })).toEqual([recent, middle, old]);
  });
});

describe("highlighted excerpts", () => {
  it("marks the words found, in the form written, and cuts the rest into plain pieces", async () => {
    const text = await post(french, "Rappel : les **transformations** du réseau commencent lundi.");
    const page = await searchPage(english, { q: "transformation reseau" });
    const hit = page.items.find((item) => item.id === text);
    expect(hit?.title).toEqual([]);
    expect(marked(hit?.excerpt ?? [])).toEqual(["transformations", "réseau"]);
    // Markup goes, words and their order stay.
    expect(hit?.excerpt.map((piece) => piece.text).join("").replace(/\s+/g, " ")).toMatch(/^Rappel : les transformations du réseau commencent lundi\.?$/);
  });

  it("shows with an ellipsis where an excerpt was cut from a longer text, at either end", async () => {
    const filler = (word: string) => Array.from({ length: 40 }, (_, n) => `${word}${n}`).join(" ");
    const middle = await post(french, `${filler("avant")}. La tonte des pelouses du siège reprend mardi. ${filler("apres")}.`);
    const start = await post(french, `Les pelouses du parking seront tondues demain matin. ${filler("ensuite")}.`);
    const page = await searchPage(english, { q: "pelouses" });
    const text = (id: string) => page.items.find((item) => item.id === id)?.excerpt.map((piece) => piece.text).join("") ?? "";
    expect(text(middle)).toMatch(/^… .*pelouses.* …$/);
    expect(text(start)).toMatch(/^Les pelouses du parking.* …$/);
  });

  it("never returns HTML, even from a body that holds markup as text", async () => {
    const text = await post(french, "Le code `<b>gras</b>` et <script>alert(1)</script> pour la démonstration");
    const page = await searchPage(english, { q: "démonstration" });
    const hit = page.items.find((item) => item.id === text);
    expect(marked(hit?.excerpt ?? [])).toEqual(["démonstration"]);
    for (const piece of hit?.excerpt ?? []) expect([piece.text.includes(START), piece.text.includes(STOP)]).toEqual([false, false]);
    expect(JSON.stringify(hit?.excerpt)).not.toContain("<b>démonstration</b>");
  });

  it("marks a community's name found by its stem, or by its beginning", async () => {
    const { id } = await createThrough(french, { name: "Libellules du marais" });
    const queries: Record<string, string | boolean>[] = [{ q: "libellule" }, { q: "LIBELLULES" }, { q: "libel", prefix: true }];
    for (const params of queries) {
      const page = await searchPage(english, { ...params, kind: "community" });
      expect(page.items.map((item) => [item.id, item.title]), String(params.q)).toEqual([
        [id, [{ text: "Libellules", match: true }, { text: " du marais", match: false }]],
      ]);
    }
  });

  it("marks the found part of a name", async () => {
    const page = await searchPage(english, { q: "marchand", kind: "person" });
    expect(page.items.map((item) => [item.id, item.title])).toEqual([
      [french.userId, [{ text: "Élodie ", match: false }, { text: "Marchand", match: true }]],
    ]);
  });
});
