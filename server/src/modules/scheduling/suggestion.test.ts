import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import type { Browser } from "../../../test/factories.ts";
import { comment, postIn } from "../comments/testing.ts";
import { addMember, createThrough, personBrowser, UNKNOWN_ID } from "../communities/testing.ts";
import { majorityStart, suggestCommentSendTime, suggestSendTime } from "./suggestion.ts";

let t: TestContext;
let author: Browser;
let club: string;

/** A member of the club in a time zone, at a notification level for it. */
async function member(timezone: string, level: "all" | "highlights"): Promise<string> {
  const person = await personBrowser(t, { timezone });
  await addMember(t, club, person.userId);
  await t.db.insertInto("community_notification_levels").values({ user_id: person.userId, community_id: club, level }).execute();
  return person.userId;
}

beforeAll(async () => {
  t = await createTestContext({ work: false });
  author = await personBrowser(t, { timezone: "Europe/Paris" });
  club = (await createThrough(author, { name: "Night owls" })).id;
  await member("Europe/Paris", "all");
  await member("America/Montreal", "all");
  await member("America/Montreal", "all");
  await member("Europe/Paris", "highlights");
});
afterAll(() => t.close());

const viewer = () => ({ id: author.userId, role: "member" as const });

describe("the send-later suggestion", () => {
  it("counts those a post would notify who are off now, and suggests when most of them start (DST in Montreal)", async () => {
    // Tuesday 10 March 2026, 06:00 UTC: 07:00 in Paris, 02:00 in Montreal (daylight saving since the 8th).
    const now = new Date("2026-03-10T06:00:00Z");
    const suggestion = await suggestSendTime(t.db, viewer(), { body: { communityId: club }, now });
    // Paris starts at 07:00 UTC, both Montreal members at 08:00 EDT = 12:00 UTC: most of them by 12:00.
    expect(suggestion).toEqual({ notified: 3, offNow: 3, suggestedSendAt: "2026-03-10T12:00:00.000Z" });
  });

  it("counts members at the highlights level for an announcement", async () => {
    const now = new Date("2026-03-10T06:00:00Z");
    const suggestion = await suggestSendTime(t.db, viewer(), { body: { communityId: club, announcement: true }, now });
    expect([suggestion.notified, suggestion.offNow]).toEqual([4, 4]);
  });

  it("suggests nothing when everyone is at work", async () => {
    // Tuesday 14:00 UTC: 15:00 in Paris, 10:00 in Montreal.
    const suggestion = await suggestSendTime(t.db, viewer(), { body: { communityId: club }, now: new Date("2026-03-10T14:00:00Z") });
    expect(suggestion).toEqual({ notified: 3, offNow: 0, suggestedSendAt: null });
  });

  it("counts the people a post mentions, as the public can see them: not their absence, nor a silenced community", async () => {
    const now = new Date("2026-03-10T06:00:00Z");
    const mentioned = await personBrowser(t, { timezone: "Asia/Tokyo" });
    // 15:00 in Tokyo: at work by their hours, though away; they also silenced the club.
    await t.db.updateTable("users").set({ away_until: new Date("2026-03-20T00:00:00Z") }).where("id", "=", mentioned.userId).execute();
    await addMember(t, club, mentioned.userId);
    await t.db.insertInto("community_notification_levels").values({ user_id: mentioned.userId, community_id: club, level: "none" }).execute();
    const [secretOnly, deactivated] = [await personBrowser(t), await personBrowser(t, { status: "deactivated" })];
    const suggestion = await suggestSendTime(t.db, viewer(), { body: { communityId: club, mentions: [mentioned.userId, deactivated.userId, author.userId] }, now });
    expect([suggestion.notified, suggestion.offNow]).toEqual([4, 3]);
    // A mention of someone who cannot read a closed community counts for nothing.
    const closed = (await createThrough(author, { name: "Closed owls", visibility: "closed" })).id;
    const outside = await suggestSendTime(t.db, viewer(), { body: { communityId: closed, announcement: true, mentions: [secretOnly.userId] }, now });
    expect(outside.notified).toBe(0);
  });

  it("counts a Montreal colleague mentioned in a post that would notify nobody else", async () => {
    const now = new Date("2026-03-10T06:00:00Z");
    const quiet = (await createThrough(author, { name: "Quiet room" })).id;
    const colleague = await personBrowser(t, { timezone: "America/Montreal" });
    const without = await suggestSendTime(t.db, viewer(), { body: { communityId: quiet }, now });
    const withMention = await suggestSendTime(t.db, viewer(), { body: { communityId: quiet, mentions: [colleague.userId] }, now });
    expect([without, withMention]).toEqual([
      { notified: 0, offNow: 0, suggestedSendAt: null },
      { notified: 1, offNow: 1, suggestedSendAt: "2026-03-10T12:00:00.000Z" },
    ]);
  });

  it("answers a community one cannot see with community_not_found", async () => {
    const response = await author.inject({ method: "POST", url: "/api/v1/scheduled-posts/suggestion", payload: { communityId: UNKNOWN_ID } });
    expect([response.statusCode, response.json().error.code]).toEqual([404, "community_not_found"]);
  });

  it("picks the first instant by which more than half have started", () => {
    const at = (hour: number) => new Date(Date.UTC(2026, 0, 5, hour));
    expect([majorityStart([]), majorityStart([at(9), at(7), at(8)]), majorityStart([at(7), at(12)])]).toEqual([null, at(8), at(12)]);
  });
});

describe("the send-later suggestion for comments", () => {
  // Tuesday 10 March 2026, 06:00 UTC: Paris starts at 07:00 UTC, Montreal at 12:00 UTC.
  const night = new Date("2026-03-10T06:00:00Z");
  let host: Browser;
  let commenter: Browser;
  let garden: string;

  beforeAll(async () => {
    host = await personBrowser(t, { timezone: "Europe/Paris" });
    commenter = await personBrowser(t, { timezone: "Europe/Paris" });
    garden = (await createThrough(host, { name: "Night gardeners", visibility: "closed" })).id;
    await addMember(t, garden, commenter.userId);
  });

  /** A new member of the garden in a time zone who follows the post. */
  async function follower(postId: string, timezone = "Europe/Paris"): Promise<Browser> {
    const person = await personBrowser(t, { timezone });
    await addMember(t, garden, person.userId);
    const followed = await person.inject({ method: "PUT", url: `/api/v1/posts/${postId}/follow` });
    expect(followed.statusCode, followed.body).toBe(204);
    return person;
  }

  /** The suggestion for `browser`'s comment (or reply) on the post, at night. */
  const suggest = (browser: Browser, body: { postId: string; parentId?: string }) =>
    suggestCommentSendTime(t.db, { id: browser.userId, role: "member" }, { body, now: night });
  const notified = async (browser: Browser, body: { postId: string; parentId?: string }) => (await suggest(browser, body)).notified;

  const ask = (browser: Browser, payload: Record<string, unknown>) => browser.inject({ method: "POST", url: "/api/v1/scheduled-comments/suggestion", payload });

  it("counts the post's author and its followers who are off now, and suggests when most of them start", async () => {
    const postId = await postIn(host, garden);
    await follower(postId, "America/Montreal");
    expect(await suggest(commenter, { postId })).toEqual({ notified: 2, offNow: 2, suggestedSendAt: "2026-03-10T12:00:00.000Z" });
  });

  it("does not count the commenter, though they follow the post", async () => {
    const postId = await postIn(host, garden);
    await comment(commenter, postId, { body: "First!" });
    expect([await notified(commenter, { postId }), await notified(host, { postId })]).toEqual([1, 1]);
  });

  it("does not count a follower who set the community to none", async () => {
    const postId = await postIn(host, garden);
    const quiet = await follower(postId);
    const before = await notified(commenter, { postId });
    const silenced = await quiet.inject({ method: "PUT", url: `/api/v1/communities/${garden}/notification-level`, payload: { level: "none" } });
    expect([silenced.statusCode, before, await notified(commenter, { postId })]).toEqual([200, 2, 1]);
  });

  it("does not count a follower who can no longer read the community", async () => {
    const postId = await postIn(host, garden);
    const leaver = await follower(postId);
    const before = await notified(commenter, { postId });
    const left = await leaver.inject({ method: "POST", url: `/api/v1/communities/${garden}/leave` });
    expect([left.statusCode, before, await notified(commenter, { postId })]).toEqual([204, 2, 1]);
  });

  it("counts the parent comment's author for a reply, even when they do not follow the post", async () => {
    const postId = await postIn(host, garden);
    const replied = await follower(postId);
    const parent = await comment(replied, postId, { body: "Tomatoes or beans?" });
    const unfollowed = await replied.inject({ method: "DELETE", url: `/api/v1/posts/${postId}/follow` });
    expect([unfollowed.statusCode, await notified(commenter, { postId }), await notified(commenter, { postId, parentId: parent.id })]).toEqual([204, 1, 2]);
  });

  it("counts the people a comment mentions who may read the post, and none twice", async () => {
    const postId = await postIn(host, garden);
    const inside = await follower(postId, "America/Montreal");
    const outsider = await personBrowser(t);
    expect(await notified(commenter, { postId })).toBe(2);
    const suggestion = await suggestCommentSendTime(t.db, { id: commenter.userId, role: "member" }, { body: { postId, mentions: [inside.userId, outsider.userId, host.userId] }, now: night });
    expect([suggestion.notified, suggestion.offNow]).toEqual([2, 2]);
  });

  it("answers a post one cannot read exactly as a missing one", async () => {
    const postId = await postIn(host, garden);
    const stranger = await personBrowser(t);
    const hidden = await ask(stranger, { postId });
    const missing = await ask(stranger, { postId: UNKNOWN_ID });
    expect([hidden.statusCode, hidden.json().error.code]).toEqual([404, "post_not_found"]);
    expect(hidden.json()).toEqual(missing.json());
  });

  it("refuses a post id that is not one, naming postId", async () => {
    const response = await ask(commenter, { postId: "not-a-post" });
    const fields = response.json().error.details?.map((detail: { field?: string }) => detail.field);
    expect([response.statusCode, response.json().error.code, fields]).toEqual([400, "validation_failed", ["postId"]]);
  });
});
