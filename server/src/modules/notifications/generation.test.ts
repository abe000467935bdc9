import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import type { Browser } from "../../../test/factories.ts";
import { newId } from "../../platform/ids.ts";
import { addMember, createThrough, personBrowser } from "../communities/testing.ts";
import { companyCommunityId, postThrough } from "../posts/testing.ts";
import { kindsAbout, mention, notificationsOf, send, settle } from "./testing.ts";

let t: TestContext;
let author: Browser;
let fan: Browser;
let outsider: Browser;
let club: string;

beforeAll(async () => {
  t = await createTestContext();
  author = await personBrowser(t, { display_name: "Alice Author" });
  fan = await personBrowser(t, { display_name: "Fanny Fan" });
  outsider = await personBrowser(t, { display_name: "Oscar Outsider" });
  club = (await createThrough(author, { name: "Book club" })).id;
  await addMember(t, club, fan.userId);
});
afterAll(() => t.close());

const comment = async (browser: Browser, postId: string, body: string, parentId?: string): Promise<string> => {
  const response = await send(browser, { method: "POST", url: `/api/v1/posts/${postId}/comments`, payload: { body, ...(parentId ? { parentId } : {}) }, status: 201 });
  return response.json().id;
};
const react = (browser: Browser, target: "posts" | "comments", id: string, kind = "like") =>
  send(browser, { method: "PUT", url: `/api/v1/${target}/${id}/reactions/${kind}`, status: 200 });

describe("mentions", () => {
  it("tell the person mentioned in a post, with the post's excerpt and its author, and never the author", async () => {
    const post = await postThrough(author, club, `Have you read it, ${mention("Fanny", fan.userId)}? ${mention("Alice", author.userId)}`);
    await settle(t);
    const [told] = (await notificationsOf(fan)).filter((item) => item.post?.id === post.id);
    expect(told).toMatchObject({ kind: "mention", read: false, actorCount: 1, community: { id: club, name: "Book club" }, comment: null });
    expect(told?.post?.excerpt).toBe("Have you read it, @Fanny Fan? @Alice Author");
    expect(told?.actors.map((actor) => actor.id)).toEqual([author.userId]);
    expect(await kindsAbout(author, post.id)).toEqual([]);
  });

  it("tell the person mentioned in a comment", async () => {
    const post = await postThrough(author, club, "A quiet post");
    await comment(author, post.id, `What do you think, ${mention("Fanny", fan.userId)}?`);
    await settle(t);
    expect(await kindsAbout(fan, post.id)).toEqual(["mention"]);
  });

  it("tell nobody who may not read a secret community, even when the event names them", async () => {
    const secret = (await createThrough(author, { name: `Vault ${newId().slice(-6)}`, visibility: "secret" })).id;
    const post = await postThrough(author, secret, `Ask ${mention("Oscar", outsider.userId)}`);
    // The composer refuses the mention; an event naming them anyway (an older client, a bug) must still tell nobody.
    await t.db
      .insertInto("events")
      .values({ id: newId(), type: "post.updated", actor_id: author.userId, subject_id: post.id, payload: JSON.stringify({ communityId: secret, mentions: [outsider.userId] }) })
      .execute();
    await settle(t);
    expect(await notificationsOf(outsider)).toEqual([]);
    expect(await t.db.selectFrom("notifications").select("id").where("user_id", "=", outsider.userId).execute()).toEqual([]);
  });

  it("tell nobody deactivated", async () => {
    const gone = await personBrowser(t);
    await addMember(t, club, gone.userId);
    // Deactivated between the post and its dispatch: the dispatcher is held until then.
    await t.runtime.dispatcher.stop();
    try {
      await postThrough(author, club, `Farewell ${mention("Gone", gone.userId)}`);
      await t.db.updateTable("users").set({ status: "deactivated" }).where("id", "=", gone.userId).execute();
    } finally {
      await t.runtime.dispatcher.start();
    }
    await settle(t);
    expect(await t.db.selectFrom("notifications").select("id").where("user_id", "=", gone.userId).execute()).toEqual([]);
  });

  it("notify once when the same event is dispatched twice", async () => {
    const post = await postThrough(author, club, `Once only, ${mention("Fanny", fan.userId)}`);
    await settle(t);
    await t.db.updateTable("events").set({ dispatched_at: null }).where("type", "=", "post.created").where("subject_id", "=", post.id).execute();
    await settle(t);
    expect(await kindsAbout(fan, post.id)).toEqual(["mention"]);
  });
});

describe("comments and replies", () => {
  it("tell the post's author and its followers of a comment, but not the commenter", async () => {
    const post = await postThrough(author, club, "Thoughts welcome");
    const follower = await personBrowser(t);
    await addMember(t, club, follower.userId);
    await send(follower, { method: "PUT", url: `/api/v1/posts/${post.id}/follow`, status: 204 });
    const commentId = await comment(fan, post.id, "Here is one");
    await settle(t);
    expect(await kindsAbout(author, post.id)).toEqual(["comment"]);
    expect(await kindsAbout(follower, post.id)).toEqual(["comment"]);
    expect(await kindsAbout(fan, post.id)).toEqual([]);
    expect((await notificationsOf(author)).find((item) => item.comment?.id === commentId)?.comment?.excerpt).toBe("Here is one");
  });

  it("tell a comment's author of a reply as a reply only, not also as a comment", async () => {
    const post = await postThrough(author, club, "Start a thread");
    const parent = await comment(fan, post.id, "First!");
    await settle(t);
    await comment(author, post.id, "Welcome", parent);
    await settle(t);
    expect(await kindsAbout(fan, post.id)).toEqual(["reply"]);
  });

  it("leave out those who stopped following the post", async () => {
    const post = await postThrough(author, club, "Do not disturb");
    await send(author, { method: "DELETE", url: `/api/v1/posts/${post.id}/follow`, status: 204 });
    await comment(fan, post.id, "Sorry to disturb");
    await settle(t);
    expect(await kindsAbout(author, post.id)).toEqual([]);
  });
});

describe("reactions", () => {
  it("group on one unread row: the three latest people first, everyone counted once", async () => {
    const post = await postThrough(author, club, "React to me");
    const people = [fan];
    for (const _ of [1, 2, 3]) {
      const person = await personBrowser(t);
      await addMember(t, club, person.userId);
      people.push(person);
    }
    for (const person of people) {
      await react(person, "posts", post.id);
      await settle(t);
    }
    await react(fan, "posts", post.id, "celebrate");
    await settle(t);
    const rows = (await notificationsOf(author)).filter((item) => item.post?.id === post.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.kind).toBe("reaction");
    expect(rows[0]?.actorCount).toBe(4);
    expect(rows[0]?.actors.map((actor) => actor.id)).toEqual([fan.userId, people[3]?.userId, people[2]?.userId]);
  });

  it("start a new row once the grouped one was read, and say nothing of a removed reaction", async () => {
    const post = await postThrough(author, club, "Read and react");
    await react(fan, "posts", post.id);
    await settle(t);
    await send(author, { method: "POST", url: "/api/v1/notifications/read-all", status: 204 });
    await send(fan, { method: "DELETE", url: `/api/v1/posts/${post.id}/reactions/like`, status: 200 });
    await settle(t);
    expect((await notificationsOf(author, "&unread=true")).filter((item) => item.post?.id === post.id)).toEqual([]);
    await react(fan, "posts", post.id, "support");
    await settle(t);
    expect((await notificationsOf(author, "&unread=true")).filter((item) => item.post?.id === post.id).map((item) => item.actorCount)).toEqual([1]);
  });

  it("tell a comment's author of reactions to it", async () => {
    const post = await postThrough(author, club, "Comment to be liked");
    const commentId = await comment(fan, post.id, "Like me");
    await react(author, "comments", commentId);
    await settle(t);
    expect((await notificationsOf(fan)).filter((item) => item.comment?.id === commentId).map((item) => item.kind)).toEqual(["reaction"]);
  });
});

describe("communities", () => {
  it("tell an invitee of an invitation, even when they silenced everything", async () => {
    const invitee = await personBrowser(t);
    await send(invitee, { method: "PATCH", url: "/api/v1/me/notification-settings", payload: { defaultLevel: "none" }, status: 200 });
    const closed = (await createThrough(author, { name: `Closed ${newId().slice(-6)}`, visibility: "closed" })).id;
    await send(author, { method: "POST", url: `/api/v1/communities/${closed}/invitations`, payload: { userId: invitee.userId }, status: 201 });
    await settle(t);
    const items = await notificationsOf(invitee);
    expect(items.map((item) => [item.kind, item.community?.id, item.actors[0]?.id])).toEqual([["invitation", closed, author.userId]]);
  });

  it("tell owners and managers of a request to join, then the requester of the refusal and its reason", async () => {
    const closed = (await createThrough(author, { name: `Guild ${newId().slice(-6)}`, visibility: "closed" })).id;
    const manager = await personBrowser(t);
    const member = await personBrowser(t);
    await addMember(t, closed, manager.userId, "manager");
    await addMember(t, closed, member.userId);
    const request = await send(outsider, { method: "POST", url: `/api/v1/communities/${closed}/requests`, payload: {}, status: 201 });
    await settle(t);
    for (const person of [author, manager]) expect((await notificationsOf(person)).filter((item) => item.community?.id === closed).map((item) => item.kind)).toEqual(["join_request"]);
    expect(await notificationsOf(member)).toEqual([]);
    await send(manager, { method: "POST", url: `/api/v1/communities/${closed}/requests/${request.json().id}/refuse`, payload: { reason: "Staff only" }, status: 200 });
    await settle(t);
    const refused = (await notificationsOf(outsider)).filter((item) => item.community?.id === closed);
    expect(refused.map((item) => [item.kind, item.reason])).toEqual([["request_refused", "Staff only"]]);
  });

  it("tell the requester their request was approved", async () => {
    const closed = (await createThrough(author, { name: `Circle ${newId().slice(-6)}`, visibility: "closed" })).id;
    const requester = await personBrowser(t);
    const request = await send(requester, { method: "POST", url: `/api/v1/communities/${closed}/requests`, payload: {}, status: 201 });
    await send(author, { method: "POST", url: `/api/v1/communities/${closed}/requests/${request.json().id}/approve`, status: 200 });
    await settle(t);
    expect((await notificationsOf(requester)).map((item) => item.kind)).toEqual(["request_approved"]);
  });
});

describe("announcements and levels", () => {
  it("announce to every active non-guest of the company community, and to nobody else", async () => {
    const admin = await personBrowser(t, { role: "admin" });
    const colleague = await personBrowser(t);
    const guest = await personBrowser(t, { role: "guest" });
    const company = await companyCommunityId(t);
    const post = await postThrough(admin, company, "Office closed on Friday", { announcement: true });
    await settle(t);
    expect(await kindsAbout(colleague, post.id)).toEqual(["announcement"]);
    expect(await kindsAbout(fan, post.id)).toEqual(["announcement"]);
    expect(await kindsAbout(guest, post.id)).toEqual([]);
    expect(await kindsAbout(admin, post.id)).toEqual([]);
  });

  it("tell of every new post those who chose 'all', of none those on the default, and nothing to those on 'none'", async () => {
    const eager = await personBrowser(t);
    const quiet = await personBrowser(t);
    const usual = await personBrowser(t);
    for (const person of [eager, quiet, usual]) await addMember(t, club, person.userId);
    await send(eager, { method: "PUT", url: `/api/v1/communities/${club}/notification-level`, payload: { level: "all" }, status: 200 });
    await send(quiet, { method: "PUT", url: `/api/v1/communities/${club}/notification-level`, payload: { level: "none" }, status: 200 });
    const post = await postThrough(author, club, `News for all, and ${mention("Quiet", quiet.userId)}`);
    const announcement = await postThrough(author, club, "Big news", { announcement: true });
    await settle(t);
    expect(await kindsAbout(eager, post.id)).toEqual(["community_post"]);
    expect(await kindsAbout(usual, post.id)).toEqual([]);
    expect(await kindsAbout(quiet, post.id)).toEqual([]);
    expect(await kindsAbout(usual, announcement.id)).toEqual(["announcement"]);
    expect(await kindsAbout(quiet, announcement.id)).toEqual([]);
  });

  it("follow a default level of 'all' for communities with no level of their own", async () => {
    const keen = await personBrowser(t);
    await addMember(t, club, keen.userId);
    await send(keen, { method: "PATCH", url: "/api/v1/me/notification-settings", payload: { defaultLevel: "all" }, status: 200 });
    const post = await postThrough(fan, club, "Anything new?");
    await settle(t);
    expect(await kindsAbout(keen, post.id)).toEqual(["community_post"]);
    expect(await kindsAbout(outsider, post.id)).toEqual([]);
  });

  it("records which people's notifications changed, for the stream", async () => {
    const duo = (await createThrough(author, { name: `Duo ${newId().slice(-6)}` })).id;
    await addMember(t, duo, fan.userId);
    const post = await postThrough(author, duo, `Ping ${mention("Fanny", fan.userId)}`);
    await settle(t);
    const created = await t.db.selectFrom("events").select("id").where("type", "=", "post.created").where("subject_id", "=", post.id).executeTakeFirstOrThrow();
    const changed = await t.db.selectFrom("events").select("payload").where("type", "=", "notifications.changed").where("subject_id", "=", created.id).execute();
    expect(changed.map((row) => row.payload)).toEqual([{ userIds: [fan.userId] }]);
  });
});
