import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import type { Browser } from "../../../test/factories.ts";
import { addMember, createThrough, personBrowser, UNKNOWN_ID } from "../communities/testing.ts";
import { readPost } from "../posts/testing.ts";
import { publishDueComments, publishDuePosts } from "./publish.ts";

let t: TestContext;
let owner: Browser;
let author: Browser;
let club: string;

beforeAll(async () => {
  t = await createTestContext({ work: false });
  owner = await personBrowser(t);
  author = await personBrowser(t);
  club = (await createThrough(owner, { name: "Book club" })).id;
  await addMember(t, club, author.userId);
});
afterAll(() => t.close());

const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

async function schedule(browser: Browser, body: Record<string, unknown>) {
  return browser.inject({ method: "POST", url: "/api/v1/scheduled-posts", payload: { communityId: club, body: "Meeting on Thursday", sendAt: inHours(2), ...body } });
}

async function scheduled(browser: Browser, body: Record<string, unknown> = {}): Promise<{ id: string; sendAt: string }> {
  const response = await schedule(browser, body);
  expect(response.statusCode).toBe(201);
  return response.json();
}

const fieldsOf = (response: { json(): { error: { details?: { field?: string }[] } } }) => response.json().error.details?.map((detail) => detail.field);

describe("scheduling a post", () => {
  it("keeps it waiting, listed only to its author, without posting it", async () => {
    const made = await scheduled(author, { body: "Hello later" });
    const mine = await author.inject({ method: "GET", url: "/api/v1/scheduled-posts" });
    expect(mine.json().items.map((item: { id: string; status: string }) => [item.id, item.status])).toContainEqual([made.id, "scheduled"]);
    const theirs = await owner.inject({ method: "GET", url: "/api/v1/scheduled-posts" });
    expect(theirs.json().items).toEqual([]);
    const posts = await t.db.selectFrom("posts").select("id").where("community_id", "=", club).where("body", "=", "Hello later").execute();
    expect(posts).toEqual([]);
  });

  it("answers another person's scheduled post with the same 404 as an unknown one", async () => {
    const made = await scheduled(author);
    const foreign = await owner.inject({ method: "GET", url: `/api/v1/scheduled-posts/${made.id}` });
    const unknown = await owner.inject({ method: "GET", url: `/api/v1/scheduled-posts/${UNKNOWN_ID}` });
    expect([foreign.statusCode, foreign.json().error.code]).toEqual([404, "scheduled_post_not_found"]);
    expect(unknown.json()).toEqual(foreign.json());
  });

  it("refuses a time in the past, naming sendAt", async () => {
    const response = await schedule(author, { sendAt: inHours(-1) });
    expect([response.statusCode, response.json().error.code, fieldsOf(response)]).toEqual([400, "validation_failed", ["sendAt"]]);
  });

  it("refuses a time more than 90 days ahead, naming sendAt", async () => {
    const response = await schedule(author, { sendAt: inHours(91 * 24) });
    expect([response.statusCode, fieldsOf(response)]).toEqual([400, ["sendAt"]]);
  });

  it("refuses a blank body, naming body", async () => {
    const response = await schedule(author, { body: "   " });
    expect([response.statusCode, fieldsOf(response)]).toEqual([400, ["body"]]);
  });

  it("refuses what posting would refuse: someone outside the community, an announcement by a member", async () => {
    const stranger = await personBrowser(t);
    const outside = await schedule(stranger, {});
    expect([outside.statusCode, outside.json().error.code]).toEqual([403, "post_not_allowed"]);
    const announcing = await schedule(author, { announcement: true });
    expect([announcing.statusCode, announcing.json().error.code]).toEqual([403, "announcement_not_allowed"]);
  });
});

describe("changing and cancelling", () => {
  it("changes the body and time of a waiting post", async () => {
    const made = await scheduled(author);
    const sendAt = inHours(30);
    const response = await author.inject({ method: "PATCH", url: `/api/v1/scheduled-posts/${made.id}`, payload: { body: "Meeting moved to Friday", sendAt } });
    expect(response.statusCode).toBe(200);
    expect([response.json().body, response.json().sendAt]).toEqual(["Meeting moved to Friday", sendAt]);
  });

  it("cancels a waiting post, which then is gone", async () => {
    const made = await scheduled(author);
    const cancelled = await author.inject({ method: "DELETE", url: `/api/v1/scheduled-posts/${made.id}` });
    expect(cancelled.statusCode).toBe(204);
    const after = await author.inject({ method: "GET", url: `/api/v1/scheduled-posts/${made.id}` });
    expect(after.statusCode).toBe(404);
  });

  it("refuses to change or cancel a post that went out, with scheduled_post_sent", async () => {
    const made = await scheduled(author, { body: "Going out soon" });
    await publishDuePosts(t.db, new Date(Date.parse(made.sendAt) + 1000));
    const edit = await author.inject({ method: "PATCH", url: `/api/v1/scheduled-posts/${made.id}`, payload: { body: "Too late" } });
    const cancel = await author.inject({ method: "DELETE", url: `/api/v1/scheduled-posts/${made.id}` });
    expect([edit.statusCode, edit.json().error.code, cancel.statusCode, cancel.json().error.code]).toEqual([409, "scheduled_post_sent", 409, "scheduled_post_sent"]);
  });
});

describe("publishing", () => {
  it("publishes a post as its author at its due instant, not a second before", async () => {
    const made = await scheduled(author, { body: "Due at its time", sendAt: inHours(50) });
    const due = Date.parse(made.sendAt);
    const early = await publishDuePosts(t.db, new Date(due - 1000));
    expect(early.published).not.toContain(made.id);
    const onTime = await publishDuePosts(t.db, new Date(due));
    expect(onTime.published).toContain(made.id);
    const entry = (await author.inject({ method: "GET", url: `/api/v1/scheduled-posts/${made.id}` })).json();
    expect(entry.status).toBe("published");
    const post = await readPost(owner, entry.postId);
    expect([post.body, post.author?.id]).toEqual(["Due at its time", author.userId]);
  });

  it("publishes each due post once, however often the job runs", async () => {
    const made = await scheduled(author, { body: "Only once", sendAt: inHours(60) });
    const at = new Date(Date.parse(made.sendAt) + 60_000);
    await Promise.all([publishDuePosts(t.db, at), publishDuePosts(t.db, at)]);
    await publishDuePosts(t.db, at);
    const posts = await t.db.selectFrom("posts").select("id").where("body", "=", "Only once").execute();
    expect(posts).toHaveLength(1);
  });

  it("does not post for an author who lost the right to post there, and keeps it failed with the reason", async () => {
    const leaver = await personBrowser(t);
    await addMember(t, club, leaver.userId);
    const made = await scheduled(leaver, { body: "Posted after leaving", sendAt: inHours(70) });
    await t.db.deleteFrom("community_members").where("community_id", "=", club).where("user_id", "=", leaver.userId).execute();
    const outcome = await publishDuePosts(t.db, new Date(Date.parse(made.sendAt)));
    expect(outcome.failed).toContain(made.id);
    const entry = (await leaver.inject({ method: "GET", url: `/api/v1/scheduled-posts/${made.id}` })).json();
    expect([entry.status, entry.failureCode, entry.postId]).toEqual(["failed", "post_not_allowed", null]);
    const posts = await t.db.selectFrom("posts").select("id").where("body", "=", "Posted after leaving").execute();
    expect(posts).toEqual([]);
  });
});

describe("a scheduled post that can no longer go out", () => {
  it("fails on its own, writing nothing, and does not hold back the posts due after it", async () => {
    const mentioned = await personBrowser(t);
    await addMember(t, club, mentioned.userId);
    const first = await scheduled(author, { body: `Thanks [@Ines](mention:${mentioned.userId})`, sendAt: inHours(80) });
    const second = await scheduled(author, { body: "The next one", sendAt: new Date(Date.parse(first.sendAt) + 60_000).toISOString() });
    // Gone before the post goes out: the mention no longer passes.
    await t.db.updateTable("users").set({ status: "deactivated" }).where("id", "=", mentioned.userId).execute();
    const outcome = await publishDuePosts(t.db, new Date(Date.parse(second.sendAt)));
    expect(outcome.failed).toContain(first.id);
    expect(outcome.published).toContain(second.id);
    const entry = (await author.inject({ method: "GET", url: `/api/v1/scheduled-posts/${first.id}` })).json();
    expect([entry.status, entry.postId]).toEqual(["failed", null]);
    expect(await t.db.selectFrom("posts").select("id").where("body", "like", "Thanks [@Ines]%").execute()).toEqual([]);
  });
});

describe("scheduled comments", () => {
  async function postInClub(body: string): Promise<string> {
    const response = await owner.inject({ method: "POST", url: "/api/v1/posts", payload: { communityId: club, body } });
    expect(response.statusCode).toBe(201);
    return response.json().id;
  }

  async function scheduleComment(browser: Browser, payload: Record<string, unknown>) {
    return browser.inject({ method: "POST", url: "/api/v1/scheduled-comments", payload: { sendAt: inHours(3), ...payload } });
  }

  it("publishes a scheduled reply as its author at its due instant", async () => {
    const postId = await postInClub("Agenda");
    const parent = await owner.inject({ method: "POST", url: `/api/v1/posts/${postId}/comments`, payload: { body: "First point" } });
    const made = await scheduleComment(author, { postId, parentId: parent.json().id, body: "Agreed, tomorrow" });
    expect(made.statusCode).toBe(201);
    const due = Date.parse(made.json().sendAt);
    expect((await publishDueComments(t.db, new Date(due - 1000))).published).not.toContain(made.json().id);
    expect((await publishDueComments(t.db, new Date(due))).published).toContain(made.json().id);
    const entry = (await author.inject({ method: "GET", url: `/api/v1/scheduled-comments/${made.json().id}` })).json();
    const comment = await t.db.selectFrom("comments").select(["author_id", "parent_id", "body"]).where("id", "=", entry.commentId).executeTakeFirstOrThrow();
    expect(comment).toEqual({ author_id: author.userId, parent_id: parent.json().id, body: "Agreed, tomorrow" });
  });

  it("answers a post one cannot read with post_not_found, and a past time naming sendAt", async () => {
    const secret = (await createThrough(owner, { name: "Board", visibility: "secret" })).id;
    const posted = await owner.inject({ method: "POST", url: "/api/v1/posts", payload: { communityId: secret, body: "Members only" } });
    const hidden = await scheduleComment(author, { postId: posted.json().id, body: "Hi" });
    const past = await scheduleComment(author, { postId: await postInClub("Open"), body: "Hi", sendAt: inHours(-2) });
    expect([hidden.statusCode, hidden.json().error.code, past.statusCode, fieldsOf(past)]).toEqual([404, "post_not_found", 400, ["sendAt"]]);
  });

  it("fails a scheduled comment whose post was deleted, posting nothing", async () => {
    const postId = await postInClub("Soon gone");
    const made = (await scheduleComment(author, { postId, body: "Too late to say" })).json();
    expect((await owner.inject({ method: "DELETE", url: `/api/v1/posts/${postId}` })).statusCode).toBe(204);
    await publishDueComments(t.db, new Date(Date.parse(made.sendAt)));
    const entry = (await author.inject({ method: "GET", url: `/api/v1/scheduled-comments/${made.id}` })).json();
    expect([entry.status, entry.failureCode, entry.commentId]).toEqual(["failed", "post_not_found", null]);
  });
});
