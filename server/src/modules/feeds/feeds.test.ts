import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import type { Browser } from "../../../test/factories.ts";
import { addMember, createThrough, personBrowser, UNKNOWN_ID } from "../communities/testing.ts";
import { feedPage, insertPost, wholeFeed } from "./testing.ts";

let t: TestContext;
let owner: Browser;
let member: Browser;
let outsider: Browser;
let guest: Browser;
let admin: Browser;
let open: string;
let closed: string;
let secret: string;

beforeAll(async () => {
  t = await createTestContext({ work: false });
  [owner, member, outsider] = [await personBrowser(t), await personBrowser(t), await personBrowser(t)];
  guest = await personBrowser(t, { role: "guest" });
  admin = await personBrowser(t, { role: "admin" });
  const community = async (name: string, visibility: string) => {
    const { id } = await createThrough(owner, { name, visibility });
    await addMember(t, id, member.userId);
    return id;
  };
  open = await community("Open", "public");
  closed = await community("Closed", "closed");
  secret = await community("Secret", "secret");
});
afterAll(() => t.close());

function errorOf(response: { statusCode: number; json(): { error: { code: string } } }): [number, string] {
  return [response.statusCode, response.json().error.code];
}

describe("a community's feed", () => {
  it("lists its live posts newest first to those who may read it", async () => {
    const older = await insertPost(t, { communityId: closed, authorId: owner.userId });
    await insertPost(t, { communityId: closed, authorId: owner.userId, deleted: true });
    const newer = await insertPost(t, { communityId: closed, authorId: member.userId });
    await insertPost(t, { communityId: open, authorId: owner.userId });
    expect(await wholeFeed(member, `/api/v1/communities/${closed}/posts`)).toEqual([newer, older]);
    expect(await wholeFeed(admin, `/api/v1/communities/${closed}/posts`)).toEqual([newer, older]);
  });

  it("answers 403 to someone who sees a closed community from outside, and 404 where they may not see it at all", async () => {
    expect(errorOf(await outsider.inject({ method: "GET", url: `/api/v1/communities/${closed}/posts` }))).toEqual([403, "forbidden"]);
    for (const [browser, id] of [[outsider, secret], [guest, open], [member, UNKNOWN_ID]] as const) {
      expect(errorOf(await browser.inject({ method: "GET", url: `/api/v1/communities/${id}/posts` }))).toEqual([404, "community_not_found"]);
    }
  });

  it("lets anyone in the organisation read a public community's posts", async () => {
    const post = await insertPost(t, { communityId: open, authorId: owner.userId });
    expect((await feedPage(outsider, `/api/v1/communities/${open}/posts?limit=1`)).items.map((item) => item.id)).toEqual([post]);
  });

  it("is gone with its deleted community, for admins too", async () => {
    const { id } = await createThrough(owner, { name: "Short-lived" });
    await insertPost(t, { communityId: id, authorId: owner.userId });
    expect((await owner.inject({ method: "DELETE", url: `/api/v1/communities/${id}` })).statusCode).toBe(204);
    for (const browser of [owner, admin]) {
      expect(errorOf(await browser.inject({ method: "GET", url: `/api/v1/communities/${id}/posts` }))).toEqual([404, "community_not_found"]);
    }
  });

  it("stays in time order while pinned posts are listed apart, most recently pinned first", async () => {
    const { id } = await createThrough(owner, { name: "Pins" });
    const [first, second, third] = [await insertPost(t, { communityId: id, authorId: owner.userId }), await insertPost(t, { communityId: id, authorId: owner.userId }), await insertPost(t, { communityId: id, authorId: owner.userId })];
    await t.db.updateTable("posts").set({ pinned_at: new Date("2025-01-01T00:00:00Z"), pinned_by: owner.userId }).where("id", "=", first).execute();
    await t.db.updateTable("posts").set({ pinned_at: new Date("2025-01-02T00:00:00Z"), pinned_by: owner.userId }).where("id", "=", second).execute();
    expect(await wholeFeed(outsider, `/api/v1/communities/${id}/posts`)).toEqual([third, second, first]);
    const pinned = await outsider.inject({ method: "GET", url: `/api/v1/communities/${id}/pinned` });
    expect(pinned.json().items.map((post: { id: string; pinned: boolean }) => [post.id, post.pinned])).toEqual([[second, true], [first, true]]);
    expect(errorOf(await outsider.inject({ method: "GET", url: `/api/v1/communities/${closed}/pinned` }))).toEqual([403, "forbidden"]);
    expect(errorOf(await outsider.inject({ method: "GET", url: `/api/v1/communities/${secret}/pinned` }))).toEqual([404, "community_not_found"]);
  });
});

describe("a topic's feed", () => {
  it("lists the posts with the topic that the viewer may read, whatever the case and accents of its name", async () => {
    const inOpen = await insertPost(t, { communityId: open, authorId: owner.userId, topics: ["Déploiement"] });
    const inSecret = await insertPost(t, { communityId: secret, authorId: owner.userId, topics: ["deploiement"] });
    await insertPost(t, { communityId: open, authorId: owner.userId, topics: ["Déploiement"], deleted: true });
    expect(await wholeFeed(outsider, "/api/v1/topics/deploiement/posts")).toEqual([inOpen]);
    expect(await wholeFeed(member, `/api/v1/topics/${encodeURIComponent("DÉPLOIEMENT")}/posts`)).toEqual([inSecret, inOpen]);
  });

  it("answers 404 for a topic that does not exist or that only posts the viewer may not read use", async () => {
    await insertPost(t, { communityId: secret, authorId: owner.userId, topics: ["Acquisition"] });
    expect((await member.inject({ method: "GET", url: "/api/v1/topics/acquisition/posts" })).statusCode).toBe(200);
    for (const slug of ["acquisition", "nothing-like-it"]) {
      expect(errorOf(await outsider.inject({ method: "GET", url: `/api/v1/topics/${slug}/posts` }))).toEqual([404, "topic_not_found"]);
    }
  });
});

describe("a person's posts", () => {
  it("lists what the viewer may read of what they wrote, newest first", async () => {
    const author = await personBrowser(t);
    await addMember(t, secret, author.userId);
    const inOpen = await insertPost(t, { communityId: open, authorId: author.userId });
    const inSecret = await insertPost(t, { communityId: secret, authorId: author.userId });
    expect(await wholeFeed(outsider, `/api/v1/people/${author.userId}/posts`)).toEqual([inOpen]);
    expect(await wholeFeed(member, `/api/v1/people/${author.userId}/posts`)).toEqual([inSecret, inOpen]);
  });

  it("answers 404 for a person the viewer may not see, as for an unknown one", async () => {
    for (const id of [owner.userId, UNKNOWN_ID]) {
      expect(errorOf(await guest.inject({ method: "GET", url: `/api/v1/people/${id}/posts` }))).toEqual([404, "user_not_found"]);
    }
  });
});

describe("bookmarks", () => {
  it("lists bookmarked posts newest bookmark first, and drops those the viewer can no longer read", async () => {
    const reader = await personBrowser(t);
    const { id: club } = await createThrough(owner, { name: "Book club", visibility: "closed" });
    await addMember(t, club, reader.userId);
    const [inClub, inOpen, older] = [
      await insertPost(t, { communityId: club, authorId: owner.userId }),
      await insertPost(t, { communityId: open, authorId: owner.userId }),
      await insertPost(t, { communityId: open, authorId: owner.userId, createdAt: new Date("2020-01-01T00:00:00Z") }),
    ];
    const bookmark = (postId: string, at: string) => ({ user_id: reader.userId, post_id: postId, created_at: new Date(at) });
    await t.db
      .insertInto("bookmarks")
      .values([bookmark(inClub, "2025-03-01T00:00:00Z"), bookmark(inOpen, "2025-02-01T00:00:00Z"), bookmark(older, "2025-04-01T00:00:00Z")])
      .execute();
    expect(await wholeFeed(reader, "/api/v1/me/bookmarks", { limit: 1 })).toEqual([older, inClub, inOpen]);
    expect((await reader.inject({ method: "POST", url: `/api/v1/communities/${club}/leave` })).statusCode).toBe(204);
    expect(await wholeFeed(reader, "/api/v1/me/bookmarks")).toEqual([older, inOpen]);
    expect(await wholeFeed(member, "/api/v1/me/bookmarks")).toEqual([]);
  });
});
