import type { Post } from "@ruche/contracts";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import type { Browser } from "../../../test/factories.ts";
import { newId } from "../../platform/ids.ts";
import { addMember, createThrough, eventsAbout, personBrowser } from "../communities/testing.ts";
import { readRecorder } from "../feeds/reads.ts";
import { companyCommunityId, postThrough, readPost, streamRowCounts } from "./testing.ts";

let t: TestContext;
let owner: Browser;
let member: Browser;
let outsider: Browser;
let admin: Browser;
let guest: Browser;
let company: string;

beforeAll(async () => {
  t = await createTestContext({ work: false });
  owner = await personBrowser(t);
  member = await personBrowser(t);
  outsider = await personBrowser(t);
  admin = await personBrowser(t, { role: "admin" });
  guest = await personBrowser(t, { role: "guest" });
  company = await companyCommunityId(t);
});
afterAll(() => t.close());

const create = (browser: Browser, payload: Record<string, unknown>) => browser.inject({ method: "POST", url: "/api/v1/posts", payload });

/** A community owned by `owner` that `member` belongs to. */
async function communityWithMember(body: Record<string, unknown> = {}): Promise<string> {
  const { id } = await createThrough(owner, { name: `Club ${newId().slice(-6)}`, ...body });
  await addMember(t, id, member.userId);
  return id;
}

/** Who has read the post on which (UTC) day, oldest first. */
async function readsOf(postId: string): Promise<{ user_id: string; day: string }[]> {
  return t.db
    .selectFrom("post_reads")
    .select(["user_id", sql<string>`to_char(day, 'YYYY-MM-DD')`.as("day")])
    .where("post_id", "=", postId)
    .orderBy("day")
    .execute();
}

/** Sends a request that must be refused with `status` and `code`, and checks that nothing was written. */
async function expectRefused(send: () => Promise<{ statusCode: number; json(): { error: { code: string; details?: { field?: string }[] } } }>, status: number, code: string): Promise<{ field?: string }[]> {
  const before = await streamRowCounts(t);
  const response = await send();
  expect(response.statusCode).toBe(status);
  expect(response.json().error.code).toBe(code);
  expect(await streamRowCounts(t)).toEqual(before);
  return response.json().error.details ?? [];
}

describe("posting", () => {
  it("publishes a trimmed Markdown body, rendered, with its author and community, and the author follows it", async () => {
    const id = await communityWithMember();
    const post = await postThrough(member, id, "  Hello **team**  \n");
    expect(post).toMatchObject({
      community: { id, kind: "interest", visibility: "public", external: false },
      author: { id: member.userId },
      body: "Hello **team**",
      html: "<p>Hello <strong>team</strong></p>",
      pinned: false,
      announcement: null,
      shared: null,
      commentCount: 0,
      reactionCounts: {},
      myReactions: [],
      bookmarked: false,
      following: true,
      editedAt: null,
      deletedAt: null,
      can: { edit: true, delete: true, comment: true, react: true, pin: false, share: true, seeReaders: false },
    });
    expect(await readPost(outsider, post.id)).toMatchObject({ id: post.id, following: false, can: { edit: false, delete: false, comment: false } });
  });

  it("records post.created with the community, topics and first link", async () => {
    const id = await communityWithMember();
    const post = await postThrough(member, id, "About #Roadmap: https://example.com/plan and #roadmap again");
    const [event] = await eventsAbout(t, "post.created", post.id);
    expect(event).toEqual({
      actor_id: member.userId,
      payload: { communityId: id, mentions: [], topics: ["roadmap"], hasLink: true, link: "https://example.com/plan", sharedPostId: null },
    });
  });

  it("lets every member post in the company community", async () => {
    const post = await postThrough(member, company, "Bonjour à tous");
    expect(post.community).toMatchObject({ id: company, kind: "company" });
  });

  it("writes a poll with trimmed options, in order", async () => {
    const id = await communityWithMember();
    const closesAt = new Date(Date.now() + 86_400_000).toISOString();
    const post = await postThrough(member, id, "Lunch?", { poll: { options: [" Pizza ", "Salad"], multiple: true, closesAt, resultsVisible: "after_close" } });
    const poll = await t.db.selectFrom("polls").selectAll().where("post_id", "=", post.id).executeTakeFirstOrThrow();
    expect(poll).toMatchObject({ multiple: true, results_visible: "after_close" });
    expect(poll.closes_at?.toISOString()).toBe(closesAt);
    const options = await t.db.selectFrom("poll_options").select(["label", "position"]).where("post_id", "=", post.id).orderBy("position").execute();
    expect(options).toEqual([{ label: "Pizza", position: 0 }, { label: "Salad", position: 1 }]);
  });
});

describe("refusing a post, writing nothing", () => {
  it("refuses an empty or blank body, naming it", async () => {
    const id = await communityWithMember();
    expect((await expectRefused(() => create(member, { communityId: id, body: " \n\t " }), 400, "validation_failed"))[0]?.field).toBe("body");
    expect((await expectRefused(() => create(member, { communityId: id, body: "" }), 400, "validation_failed"))[0]?.field).toBe("body");
  });

  it("refuses a body over 20,000 characters, naming it", async () => {
    const id = await communityWithMember();
    expect((await expectRefused(() => create(member, { communityId: id, body: "a".repeat(20_001) }), 400, "validation_failed"))[0]?.field).toBe("body");
  });

  it("answers an unknown community and a secret one alike", async () => {
    const secret = await communityWithMember({ visibility: "secret" });
    const hidden = await create(outsider, { communityId: secret, body: "Let me in" });
    const unknown = await create(outsider, { communityId: newId(), body: "Anyone?" });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error.code).toBe("community_not_found");
    expect(hidden.body).toBe(unknown.body);
    await expectRefused(() => create(outsider, { communityId: secret, body: "Let me in" }), 404, "community_not_found");
  });

  it("answers 404 for a closed community one may see but not read", async () => {
    const closed = await communityWithMember({ visibility: "closed" });
    await expectRefused(() => create(outsider, { communityId: closed, body: "Hello from outside" }), 404, "community_not_found");
  });

  it("asks a reader of a public community to join it before posting", async () => {
    const open = await communityWithMember();
    await expectRefused(() => create(outsider, { communityId: open, body: "Drive-by" }), 403, "post_not_allowed");
  });

  it("keeps posting to managers where the posting policy says so", async () => {
    const id = await communityWithMember({ postingPolicy: "managers" });
    await expectRefused(() => create(member, { communityId: id, body: "May I?" }), 403, "post_managers_only");
    await postThrough(owner, id, "Owners may");
  });

  it("asks for a required charter to be accepted first, then lets the member post", async () => {
    const id = await communityWithMember();
    const charter = await owner.inject({ method: "PUT", url: `/api/v1/communities/${id}/charter`, payload: { text: "Be kind.", required: true } });
    expect(charter.statusCode, charter.body).toBe(200);
    await expectRefused(() => create(member, { communityId: id, body: "Hi" }), 403, "charter_acceptance_required");
    expect((await member.inject({ method: "POST", url: `/api/v1/communities/${id}/charter/accept`, payload: { version: 1 } })).statusCode).toBe(200);
    await postThrough(member, id, "Hi, I accepted");
  });

  it("refuses any post in an archived community", async () => {
    const id = await communityWithMember();
    expect((await owner.inject({ method: "POST", url: `/api/v1/communities/${id}/archive` })).statusCode).toBe(200);
    await expectRefused(() => create(owner, { communityId: id, body: "Still here?" }), 409, "community_archived");
  });

  it("refuses an attachment that is not the author's upload, naming attachmentIds", async () => {
    const id = await communityWithMember();
    const details = await expectRefused(() => create(member, { communityId: id, body: "See attached", attachmentIds: [newId()] }), 400, "validation_failed");
    expect(details[0]?.field).toBe("attachmentIds");
  });

  it("refuses a poll closing in the past, and blank or repeated options, naming the field", async () => {
    const id = await communityWithMember();
    const past = { options: ["Yes", "No"], closesAt: new Date(Date.now() - 60_000).toISOString() };
    expect((await expectRefused(() => create(member, { communityId: id, body: "Vote", poll: past }), 400, "validation_failed"))[0]?.field).toBe("poll.closesAt");
    expect((await expectRefused(() => create(member, { communityId: id, body: "Vote", poll: { options: ["Yes", "  "] } }), 400, "validation_failed"))[0]?.field).toBe("poll.options.1");
    expect((await expectRefused(() => create(member, { communityId: id, body: "Vote", poll: { options: ["Yes", "yes"] } }), 400, "validation_failed"))[0]?.field).toBe("poll.options");
  });
});

describe("the posting rate", () => {
  it("is capped at 60 posts a minute per person, refusing the next one with nothing written", async () => {
    const prolific = await personBrowser(t);
    for (let index = 0; index < 60; index += 1) await postThrough(prolific, company, `Update ${index}`);
    await expectRefused(() => create(prolific, { communityId: company, body: "One too many" }), 429, "rate_limited");
    await postThrough(member, company, "Others still may");
  });
});

describe("guests", () => {
  it("post in the external communities they belong to, and nowhere else", async () => {
    const external = await createThrough(admin, { name: `Partners ${newId().slice(-6)}`, kind: "external", visibility: "closed" });
    await addMember(t, external.id, guest.userId);
    const post = await postThrough(guest, external.id, "Hello from the partner side");
    expect(post.community.external).toBe(true);
    await expectRefused(() => create(guest, { communityId: company, body: "And here?" }), 404, "community_not_found");
    const publicOne = await communityWithMember();
    await expectRefused(() => create(guest, { communityId: publicOne, body: "Or here?" }), 404, "community_not_found");
  });
});

describe("announcements", () => {
  it("are made by managers, optionally must-read", async () => {
    const id = await communityWithMember();
    const post = await postThrough(owner, id, "Office closed Friday", { announcement: true, mustRead: true });
    expect(post.announcement).toMatchObject({ mustRead: true });
    expect(post.can.seeReaders).toBe(true);
    expect((await readPost(member, post.id)).can.seeReaders).toBe(false);
    const row = await t.db.selectFrom("posts").select(["announcement", "must_read"]).where("id", "=", post.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ announcement: true, must_read: true });
  });

  it("are refused to a plain member, writing nothing", async () => {
    const id = await communityWithMember();
    await expectRefused(() => create(member, { communityId: id, body: "Listen up", announcement: true }), 403, "announcement_not_allowed");
  });

  it("are made by administrators in the company community, not by members", async () => {
    const post = await postThrough(admin, company, "Welcome to Ruche", { announcement: true });
    expect(post.announcement).toMatchObject({ mustRead: false });
    await expectRefused(() => create(member, { communityId: company, body: "Me too", announcement: true }), 403, "announcement_not_allowed");
  });

  it("refuse must-read without announcement, naming mustRead", async () => {
    const id = await communityWithMember();
    expect((await expectRefused(() => create(owner, { communityId: id, body: "Read me", mustRead: true }), 400, "validation_failed"))[0]?.field).toBe("mustRead");
  });
});

describe("reading a post", () => {
  it("answers a post in a secret community, an unknown id and a deleted post with the same 404", async () => {
    const secret = await communityWithMember({ visibility: "secret" });
    const hidden = await postThrough(member, secret, "Between us");
    const open = await communityWithMember();
    const deleted = await postThrough(member, open, "Oops");
    expect((await member.inject({ method: "DELETE", url: `/api/v1/posts/${deleted.id}` })).statusCode).toBe(204);
    const bodies = await Promise.all([hidden.id, newId(), deleted.id].map(async (id) => (await outsider.inject({ method: "GET", url: `/api/v1/posts/${id}` })).body));
    const expected = JSON.stringify({ error: { code: "post_not_found", message: "This post was not found" } });
    expect(bodies).toEqual([expected, expected, expected]);
  });

  it("is open to every reader of a public community, member or not, and closed to guests", async () => {
    const open = await communityWithMember();
    const post: Post = await postThrough(member, open, "Public news");
    expect((await readPost(outsider, post.id)).body).toBe("Public news");
    expect((await guest.inject({ method: "GET", url: `/api/v1/posts/${post.id}` })).statusCode).toBe(404);
  });

  it("records a read of the opened post, once a day however often it is opened, and none for a refused reader", async () => {
    const open = await communityWithMember();
    const post = await postThrough(member, open, "Read me");
    await t.db.insertInto("post_reads").values({ post_id: post.id, user_id: outsider.userId, day: "2025-01-02" }).execute();
    for (let visit = 0; visit < 3; visit += 1) await readPost(outsider, post.id);
    expect((await guest.inject({ method: "GET", url: `/api/v1/posts/${post.id}` })).statusCode).toBe(404);
    await readRecorder(t.runtime).flush();
    expect(await readsOf(post.id)).toEqual([
      { user_id: outsider.userId, day: "2025-01-02" },
      { user_id: outsider.userId, day: new Date().toISOString().slice(0, 10) },
    ]);
  });

  it("records no read when an admin opens a deleted post to restore it", async () => {
    const post = await postThrough(member, company, "Gone soon");
    expect((await member.inject({ method: "DELETE", url: `/api/v1/posts/${post.id}` })).statusCode).toBe(204);
    expect((await readPost(admin, post.id)).deletedAt).not.toBeNull();
    await readRecorder(t.runtime).flush();
    expect(await readsOf(post.id)).toEqual([]);
  });

  it("is refused without a session", async () => {
    const post = await postThrough(member, company, "Signed in only");
    expect((await t.app.inject({ method: "GET", url: `/api/v1/posts/${post.id}` })).statusCode).toBe(401);
  });
});
