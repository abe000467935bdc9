import type { Topic } from "@ruche/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import type { Browser } from "../../../test/factories.ts";
import { addMember, createThrough, personBrowser } from "../communities/testing.ts";
import { insertPost } from "../feeds/testing.ts";

let t: TestContext;
let insider: Browser;
let outsider: Browser;
let guest: Browser;
let open: string;
let secret: string;
let external: string;

/**
 * #Kubernetes and #Kafka are used in a public community, #Kiosque only in a secret one, #Kilt
 * only in an external one (the guest's), #Karaoké only in a deleted post.
 */
beforeAll(async () => {
  t = await createTestContext({ work: false });
  [insider, outsider] = [await personBrowser(t), await personBrowser(t)];
  guest = await personBrowser(t, { role: "guest" });
  const admin = await personBrowser(t, { role: "admin" });
  ({ id: open } = await createThrough(insider, { name: "Platform" }));
  ({ id: secret } = await createThrough(insider, { name: "Skunkworks", visibility: "secret" }));
  ({ id: external } = await createThrough(admin, { name: "Partners", kind: "external", visibility: "closed" }));
  await addMember(t, external, guest.userId);
  await insertPost(t, { communityId: open, authorId: insider.userId, topics: ["Kubernetes", "Kafka"] });
  await insertPost(t, { communityId: open, authorId: insider.userId, topics: ["kubernetes"] });
  await insertPost(t, { communityId: secret, authorId: insider.userId, topics: ["Kiosque", "Kubernetes"] });
  await insertPost(t, { communityId: external, authorId: admin.userId, topics: ["Kilt"] });
  await insertPost(t, { communityId: open, authorId: insider.userId, topics: ["Karaoké"], deleted: true });
});
afterAll(() => t.close());

async function slugs(browser: Browser, query: string): Promise<string[]> {
  const response = await browser.inject({ method: "GET", url: `/api/v1/topics${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items.map((topic: Topic) => topic.slug);
}

const topic = (browser: Browser, slug: string, suffix = "", method: "GET" | "PUT" | "DELETE" = "GET") =>
  browser.inject({ method, url: `/api/v1/topics/${encodeURIComponent(slug)}${suffix}` });

describe("listing topics", () => {
  it("shows only topics used by a post the viewer may read, by prefix, case, accents and # aside", async () => {
    expect(await slugs(outsider, "?q=K")).toEqual(["kafka", "kubernetes"]);
    expect(await slugs(insider, "?q=%23k")).toEqual(["kafka", "kiosque", "kubernetes"]);
    expect(await slugs(insider, "?q=KU")).toEqual(["kubernetes"]);
    expect(await slugs(guest, "?q=k")).toEqual(["kilt"]);
  });

  it("pages in slug order", async () => {
    const first = await insider.inject({ method: "GET", url: "/api/v1/topics?limit=2" });
    const { items, nextCursor } = first.json();
    expect(items.map((item: Topic) => item.slug)).toEqual(["kafka", "kiosque"]);
    expect(await slugs(insider, `?limit=2&cursor=${nextCursor}`)).toEqual(["kubernetes"]);
  });

  it("lists the viewer's followed topics, even one whose posts they can no longer read", async () => {
    const follower = await personBrowser(t);
    const { id: club } = await createThrough(insider, { name: "Club", visibility: "closed" });
    await addMember(t, club, follower.userId);
    await insertPost(t, { communityId: club, authorId: insider.userId, topics: ["Knitting"] });
    for (const slug of ["knitting", "kafka"]) expect((await topic(follower, slug, "/follow", "PUT")).statusCode).toBe(204);
    await t.db.deleteFrom("community_members").where("community_id", "=", club).where("user_id", "=", follower.userId).execute();
    const response = await follower.inject({ method: "GET", url: "/api/v1/topics?following=true" });
    expect(response.json().items.map((item: Topic) => [item.slug, item.following])).toEqual([["kafka", true], ["knitting", true]]);
    expect(await slugs(outsider, "?following=true")).toEqual([]);
  });
});

describe("a topic", () => {
  it("counts the posts the viewer may read with it", async () => {
    expect((await topic(outsider, "Kubernetes")).json()).toMatchObject({ slug: "kubernetes", name: "Kubernetes", following: false, postCount: 2 });
    expect((await topic(insider, "kubernetes")).json()).toMatchObject({ postCount: 3 });
  });

  it("answers 404 to one it does not exist for: unknown, used only where they may not read, or only in deleted posts", async () => {
    for (const [browser, slug] of [[outsider, "kiosque"], [guest, "kubernetes"], [insider, "karaoke"], [insider, "never-used"]] as const) {
      for (const [suffix, method] of [["", "GET"], ["/follow", "PUT"], ["/follow", "DELETE"], ["/posts", "GET"]] as const) {
        const response = await topic(browser, slug, suffix, method);
        expect([response.statusCode, response.json().error.code], `${method} ${slug}${suffix}`).toEqual([404, "topic_not_found"]);
      }
    }
    expect(await t.db.selectFrom("topic_follows").select("topic_id").where("user_id", "in", [outsider.userId, guest.userId, insider.userId]).execute()).toEqual([]);
  });

  it("is followed and unfollowed once each, with an event for each change", async () => {
    for (const method of ["PUT", "PUT"] as const) expect((await topic(outsider, "kafka", "/follow", method)).statusCode).toBe(204);
    expect((await topic(outsider, "kafka")).json().following).toBe(true);
    for (const method of ["DELETE", "DELETE"] as const) expect((await topic(outsider, "kafka", "/follow", method)).statusCode).toBe(204);
    expect((await topic(outsider, "kafka")).json().following).toBe(false);
    const events = await t.db.selectFrom("events").select("type").where("actor_id", "=", outsider.userId).where("type", "like", "topic.%").orderBy("id").execute();
    expect(events.map((event) => event.type)).toEqual(["topic.followed", "topic.unfollowed"]);
  });
});
