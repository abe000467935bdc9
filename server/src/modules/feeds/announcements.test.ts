import type { Post } from "@ruche/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import type { Browser } from "../../../test/factories.ts";
import { addMember, createThrough, eventsAbout, personBrowser, UNKNOWN_ID } from "../communities/testing.ts";
import { companyCommunityId } from "../posts/testing.ts";
import { feedPage, insertPost, wholeFeed } from "./testing.ts";

let t: TestContext;
let manager: Browser;
let alice: Browser;
let carol: Browser;
let outsider: Browser;
let admin: Browser;
let club: string;
let company: string;

beforeAll(async () => {
  t = await createTestContext({ work: false });
  [manager, alice, carol, outsider] = [await personBrowser(t), await personBrowser(t), await personBrowser(t), await personBrowser(t)];
  admin = await personBrowser(t, { role: "admin" });
  company = await companyCommunityId(t);
  ({ id: club } = await createThrough(manager, { name: "Crew", visibility: "closed" }));
  await addMember(t, club, alice.userId);
  await addMember(t, club, carol.userId);
});
afterAll(() => t.close());

const acknowledge = (browser: Browser, postId: string) => browser.inject({ method: "POST", url: `/api/v1/posts/${postId}/acknowledge` });
const readers = (browser: Browser, postId: string, query = "") => browser.inject({ method: "GET", url: `/api/v1/posts/${postId}/readers${query}` });
const names = (response: { json(): { items: { person: { id: string }; acknowledgedAt: string | null }[] } }) =>
  response.json().items.map((item) => [item.person.id, item.acknowledgedAt !== null]);

/** The announcement part of a post as `browser` finds it in the community's feed. */
async function announcementAs(browser: Browser, communityId: string, postId: string): Promise<Post["announcement"]> {
  const page = await feedPage(browser, `/api/v1/communities/${communityId}/posts?limit=100`);
  return page.items.find((post) => post.id === postId)?.announcement ?? null;
}

describe("unread announcements", () => {
  it("lists the announcements of one's communities not yet acknowledged, newest first, not one's own", async () => {
    const { id: elsewhere } = await createThrough(manager, { name: "Elsewhere" });
    const { id: alicesOwn } = await createThrough(alice, { name: "Alice's own" });
    const mustRead = await insertPost(t, { communityId: club, authorId: manager.userId, announcement: true, mustRead: true });
    await insertPost(t, { communityId: club, authorId: manager.userId });
    await insertPost(t, { communityId: elsewhere, authorId: manager.userId, announcement: true });
    await insertPost(t, { communityId: alicesOwn, authorId: alice.userId, announcement: true });
    await insertPost(t, { communityId: club, authorId: manager.userId, announcement: true, deleted: true });
    const acknowledged = await insertPost(t, { communityId: club, authorId: manager.userId, announcement: true });
    await t.db.insertInto("announcement_acks").values({ post_id: acknowledged, user_id: alice.userId }).execute();
    const companyWide = await insertPost(t, { communityId: company, authorId: admin.userId, announcement: true });

    expect(await wholeFeed(alice, "/api/v1/feed/announcements")).toEqual([companyWide, mustRead]);
    expect((await acknowledge(alice, mustRead)).statusCode).toBe(204);
    expect(await wholeFeed(alice, "/api/v1/feed/announcements")).toEqual([companyWide]);
    expect(await announcementAs(alice, club, mustRead)).toMatchObject({ mustRead: true, acknowledgedAt: expect.any(String), readCount: null, audienceCount: null });
  });
});

describe("acknowledging an announcement", () => {
  it("records it once, with one event, however often it is sent", async () => {
    const post = await insertPost(t, { communityId: club, authorId: manager.userId, announcement: true });
    for (let attempt = 0; attempt < 2; attempt += 1) expect((await acknowledge(carol, post)).statusCode).toBe(204);
    const rows = await t.db.selectFrom("announcement_acks").select("user_id").where("post_id", "=", post).execute();
    expect(rows).toEqual([{ user_id: carol.userId }]);
    expect(await eventsAbout(t, "announcement.acknowledged", post)).toEqual([{ actor_id: carol.userId, payload: { communityId: club, mustRead: false } }]);
  });

  it("is for announcements only, by members only, and a post one may not read answers 404", async () => {
    const plain = await insertPost(t, { communityId: club, authorId: manager.userId });
    const { id: open } = await createThrough(manager, { name: "Open house" });
    const inOpen = await insertPost(t, { communityId: open, authorId: manager.userId, announcement: true });
    const inClub = await insertPost(t, { communityId: club, authorId: manager.userId, announcement: true });
    const refusals = [
      [alice, plain, 409, "post_not_announcement"],
      [outsider, inOpen, 403, "forbidden"],
      [outsider, inClub, 404, "post_not_found"],
      [alice, UNKNOWN_ID, 404, "post_not_found"],
    ] as const;
    for (const [browser, post, status, code] of refusals) {
      const response = await acknowledge(browser, post);
      expect([response.statusCode, response.json().error.code]).toEqual([status, code]);
    }
    expect(await t.db.selectFrom("announcement_acks").select("post_id").where("post_id", "in", [plain, inOpen, inClub]).execute()).toEqual([]);
  });
});

describe("who has read an announcement", () => {
  it("shows its author, the community's managers and admins the members who have and have not read it, and x of y", async () => {
    const post = await insertPost(t, { communityId: club, authorId: manager.userId, announcement: true, mustRead: true });
    const coManager = await personBrowser(t);
    await addMember(t, club, coManager.userId, "manager");
    expect((await acknowledge(alice, post)).statusCode).toBe(204);
    const everyone = [[alice.userId, true], [carol.userId, false], [coManager.userId, false]].sort();
    for (const browser of [manager, coManager, admin]) {
      const response = await readers(browser, post, "?limit=100");
      expect(response.statusCode, response.body).toBe(200);
      expect(names(response).sort()).toEqual(everyone);
    }
    expect(names(await readers(manager, post, "?read=true"))).toEqual([[alice.userId, true]]);
    expect(names(await readers(manager, post, "?read=false")).sort()).toEqual([[carol.userId, false], [coManager.userId, false]].sort());
    expect(await announcementAs(manager, club, post)).toMatchObject({ readCount: 1, audienceCount: 3 });
    expect(await announcementAs(carol, club, post)).toEqual({ mustRead: true, acknowledgedAt: null, readCount: null, audienceCount: null });
  });

  it("counts only people still in the audience: a reader who left or was deactivated no longer counts", async () => {
    const { id: team } = await createThrough(manager, { name: "Team" });
    const [leaver, deactivated, stayer] = [await personBrowser(t), await personBrowser(t), await personBrowser(t)];
    for (const person of [leaver, deactivated, stayer]) await addMember(t, team, person.userId);
    const post = await insertPost(t, { communityId: team, authorId: manager.userId, announcement: true });
    for (const person of [leaver, deactivated, stayer]) expect((await acknowledge(person, post)).statusCode).toBe(204);
    expect(await announcementAs(manager, team, post)).toMatchObject({ readCount: 3, audienceCount: 3 });
    expect((await leaver.inject({ method: "POST", url: `/api/v1/communities/${team}/leave` })).statusCode).toBe(204);
    await t.db.updateTable("users").set({ status: "deactivated", deactivated_at: new Date() }).where("id", "=", deactivated.userId).execute();
    expect(await announcementAs(manager, team, post)).toMatchObject({ readCount: 1, audienceCount: 1 });
  });

  it("counts every active person but guests and the author as a company announcement's audience", async () => {
    const post = await insertPost(t, { communityId: company, authorId: admin.userId, announcement: true });
    await personBrowser(t, { role: "guest" });
    const { count } = await t.db
      .selectFrom("users")
      .select((eb) => eb.fn.countAll<string>().as("count"))
      .where("status", "=", "active")
      .where("role", "!=", "guest")
      .executeTakeFirstOrThrow();
    expect(await announcementAs(admin, company, post)).toMatchObject({ readCount: 0, audienceCount: Number(count) - 1 });
  });

  it("is refused to other members, hidden from those who may not read it, and asked only of announcements", async () => {
    const post = await insertPost(t, { communityId: club, authorId: manager.userId, announcement: true });
    const plain = await insertPost(t, { communityId: club, authorId: manager.userId });
    const refusals = [
      [alice, post, 403, "forbidden"],
      [outsider, post, 404, "post_not_found"],
      [manager, plain, 409, "post_not_announcement"],
    ] as const;
    for (const [browser, id, status, code] of refusals) {
      const response = await readers(browser, id);
      expect([response.statusCode, response.json().error.code]).toEqual([status, code]);
    }
  });

  it("pages through readers in name order and refuses a cursor it did not give out", async () => {
    const post = await insertPost(t, { communityId: club, authorId: manager.userId, announcement: true });
    const first = await readers(manager, post, "?limit=1");
    const second = await readers(manager, post, `?limit=1&cursor=${first.json().nextCursor}`);
    expect(names(second)).toHaveLength(1);
    expect(names(second)).not.toEqual(names(first));
    const refused = await readers(manager, post, "?cursor=nonsense");
    expect(refused.json().error).toMatchObject({ code: "validation_failed", details: [{ field: "cursor" }] });
  });
});
