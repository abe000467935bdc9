import type { Suggestions } from "@ruche/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import type { Browser } from "../../../test/factories.ts";
import { addMember, createThrough, personBrowser } from "../communities/testing.ts";
import { companyCommunityId, postThrough } from "../posts/testing.ts";
import { foundIds, searchUrl } from "./testing.ts";

// Who finds whom and what: deactivated people, guests, topics known only in some places.
let t: TestContext;
let admin: Browser;
let member: Browser;
let guest: Browser;
let partner: Browser;
let external: string;
let otherExternal: string;
let open: string;
let secret: string;
const posts = { external: "", otherExternal: "", open: "", company: "", secret: "" };

beforeAll(async () => {
  t = await createTestContext({ work: false });
  admin = await personBrowser(t, { role: "admin", display_name: "Ada Quokka" });
  member = await personBrowser(t, { display_name: "Marc Quokka" });
  guest = await personBrowser(t, { role: "guest", display_name: "Gaëlle Quokka" });
  partner = await personBrowser(t, { display_name: "Paul Quokka", job_title: "Responsable quokka" });
  ({ id: external } = await createThrough(admin, { name: "Quokka partenaires", kind: "external", visibility: "closed" }));
  ({ id: otherExternal } = await createThrough(admin, { name: "Quokka autres clients", kind: "external", visibility: "public" }));
  ({ id: open } = await createThrough(member, { name: "Quokka interne" }));
  ({ id: secret } = await createThrough(member, { name: "Quokka confidentiel", visibility: "secret" }));
  await addMember(t, external, guest.userId);
  await addMember(t, external, partner.userId);
  posts.external = (await postThrough(partner, external, "Livraison #Quokka pour les partenaires")).id;
  posts.otherExternal = (await postThrough(admin, otherExternal, "Quokka pour un autre client")).id;
  posts.open = (await postThrough(member, open, "Quokka en interne")).id;
  posts.company = (await postThrough(member, await companyCommunityId(t), "Quokka pour toute l'entreprise")).id;
  posts.secret = (await postThrough(member, secret, "Le #Wallaby et le quokka, en secret")).id;
});
afterAll(() => t.close());

async function suggestionsFor(browser: Browser, q: string): Promise<Suggestions> {
  const response = await browser.inject({ method: "GET", url: searchUrl({ q }, "/api/v1/search/suggestions") });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const sorted = (ids: string[]) => [...ids].sort();

describe("guests", () => {
  it("find only the content of their own communities", async () => {
    expect(sorted(await foundIds(guest, { q: "quokka", kind: "post" }))).toEqual([posts.external]);
    expect(sorted(await foundIds(member, { q: "quokka", kind: "post" }))).toEqual(sorted([posts.otherExternal, posts.open, posts.company, posts.secret]));
  });

  it("find only their own communities, and only their co-members and themselves", async () => {
    expect(await foundIds(guest, { q: "quokka", kind: "community" })).toEqual([external]);
    expect(sorted(await foundIds(guest, { q: "quokka", kind: "person" }))).toEqual(sorted([guest.userId, partner.userId, admin.userId]));
    const suggested = await suggestionsFor(guest, "quok");
    expect(suggested.communities.map((community) => community.id)).toEqual([external]);
    expect(sorted(suggested.people.map((person) => person.id))).toEqual(sorted([guest.userId, partner.userId, admin.userId]));
  });

  it("do not find a person they share no community with, even by title", async () => {
    expect(await foundIds(guest, { q: "Marc" })).toEqual([]);
    expect(await foundIds(member, { q: "responsable", kind: "person" })).toEqual([partner.userId]);
    await t.db.deleteFrom("community_members").where("community_id", "=", external).where("user_id", "=", partner.userId).execute();
    expect(await foundIds(guest, { q: "responsable", kind: "person" })).toEqual([]);
    await t.db.insertInto("community_members").values({ community_id: external, user_id: partner.userId, role: "member" }).execute();
  });
});

describe("deactivated people", () => {
  it("are hidden from members in results and suggestions, and shown to admins in results", async () => {
    const leaver = await personBrowser(t, { display_name: "Léon Numbat" });
    expect(await foundIds(member, { q: "numbat" })).toEqual([leaver.userId]);
    const deactivation = await admin.inject({ method: "POST", url: `/api/v1/people/${leaver.userId}/deactivate` });
    expect(deactivation.statusCode, deactivation.body).toBe(200);
    expect(await foundIds(member, { q: "numbat" })).toEqual([]);
    expect((await suggestionsFor(member, "numb")).people).toEqual([]);
    expect(await foundIds(admin, { q: "numbat" })).toEqual([leaver.userId]);
    expect((await suggestionsFor(admin, "numb")).people).toEqual([]);
  });

  it("keep their posts findable, as their posts stay readable", async () => {
    const leaver = await personBrowser(t, { display_name: "Léa Dugong" });
    await addMember(t, open, leaver.userId);
    const { id } = await postThrough(leaver, open, "Mes notes sur le dugong");
    await admin.inject({ method: "POST", url: `/api/v1/people/${leaver.userId}/deactivate` });
    expect(await foundIds(member, { q: "dugong" })).toEqual([id]);
  });
});

describe("topics", () => {
  it("are found only by those who may read a post that uses them", async () => {
    const slugs = async (browser: Browser, q: string) => (await foundIds(browser, { q, kind: "topic" })).length;
    expect(await slugs(member, "wallaby")).toBe(1);
    expect(await slugs(partner, "wallaby")).toBe(0);
    expect(await slugs(guest, "wallaby")).toBe(0);
    expect((await suggestionsFor(partner, "walla")).topics).toEqual([]);
    expect((await suggestionsFor(member, "walla")).topics).toEqual([{ slug: "wallaby", name: "Wallaby" }]);
    expect((await suggestionsFor(guest, "quok")).topics).toEqual([{ slug: "quokka", name: "Quokka" }]);
  });

  it("are found by those who follow them, even without a post they may read", async () => {
    const follower = await personBrowser(t);
    expect(await foundIds(follower, { q: "wallaby", kind: "topic" })).toEqual([]);
    const topic = await t.db.selectFrom("topics").select("id").where("slug", "=", "wallaby").executeTakeFirstOrThrow();
    await t.db.insertInto("topic_follows").values({ topic_id: topic.id, user_id: follower.userId }).execute();
    expect(await foundIds(follower, { q: "wallaby", kind: "topic" })).toEqual([topic.id]);
  });
});
