import { COMMENT_MAX_LENGTH, type Comment } from "@ruche/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import type { Browser } from "../../../test/factories.ts";
import { makeImage, multipartFile } from "../../../test/uploads.ts";
import { addMember, createThrough, eventsAbout, personBrowser, UNKNOWN_ID } from "../communities/testing.ts";
import { streamRowCounts } from "../posts/testing.ts";
import { comment, commentCount, commentOn, deletePost, gardenCast, listComments, listed, postIn } from "./testing.ts";

let t: TestContext;
let owner: Browser;
let member: Browser;
let outsider: Browser;
let guest: Browser;
let admin: Browser;
let garden: string;

beforeAll(async () => {
  t = await createTestContext({ work: false });
  ({ owner, member, outsider, guest, admin, garden } = await gardenCast(t));
});
afterAll(() => t.close());

async function commentRows(postId: string): Promise<number> {
  const rows = await t.db.selectFrom("comments").select("id").where("post_id", "=", postId).execute();
  return rows.length;
}

describe("commenting", () => {
  it("adds a member's comment, counts it, makes them follow the post and records an event", async () => {
    const postId = await postIn(owner, garden);
    const created = await comment(member, postId, { body: "Tomatoes **love** sun" });
    expect(created).toMatchObject({ postId, parentId: null, body: "Tomatoes **love** sun", replyCount: 0, editedAt: null, deletedAt: null });
    expect(created.html).toContain("<strong>love</strong>");
    expect(created.author?.displayName).toBe("Marc Member");
    expect(created.can).toEqual({ edit: true, delete: true, reply: true, react: true });
    expect(await commentCount(t, postId)).toBe(1);
    const follow = await t.db.selectFrom("post_follows").select("following").where("post_id", "=", postId).where("user_id", "=", member.userId).executeTakeFirst();
    expect(follow?.following).toBe(true);
    const [event] = await eventsAbout(t, "comment.created", created.id);
    expect(event).toMatchObject({ actor_id: member.userId, payload: { postId, parentId: null, mentionedIds: [] } });
  });

  it("leaves the post unfollowed for someone who unfollowed it", async () => {
    const postId = await postIn(owner, garden);
    await t.db.insertInto("post_follows").values({ post_id: postId, user_id: member.userId, following: false }).execute();
    await comment(member, postId, { body: "Quietly" });
    const follow = await t.db.selectFrom("post_follows").select("following").where("post_id", "=", postId).where("user_id", "=", member.userId).executeTakeFirst();
    expect(follow?.following).toBe(false);
  });

  it("records and announces the mentioned people who may read the post", async () => {
    const postId = await postIn(owner, garden);
    const created = await comment(member, postId, { body: `Ask [@Olivia](mention:${owner.userId}) about #Compost` });
    expect(created.html).toContain(`data-person-id="${owner.userId}"`);
    expect(created.html).toContain('href="/topics/compost"');
    const mentions = await t.db.selectFrom("comment_mentions").select("user_id").where("comment_id", "=", created.id).execute();
    expect(mentions.map((row) => row.user_id)).toEqual([owner.userId]);
    const [event] = await eventsAbout(t, "comment.created", created.id);
    expect(event?.payload.mentionedIds).toEqual([owner.userId]);
    // Topics tag posts, not comments: a comment's #topic is a link and nothing more.
    expect(await t.db.selectFrom("post_topics").select("topic_id").where("post_id", "=", postId).execute()).toEqual([]);
  });

  it("shows a mention of someone who may not read the community as plain text, and tells them nothing", async () => {
    const secret = (await createThrough(owner, { name: "Allotment committee", visibility: "secret" })).id;
    const postId = await postIn(owner, secret);
    const created = await comment(owner, postId, { body: `Not for [@Otto](mention:${outsider.userId})` });
    expect(created.html).not.toContain("data-person-id");
    expect(created.html).toContain("@Otto Outsider");
    expect(await t.db.selectFrom("comment_mentions").select("user_id").where("comment_id", "=", created.id).execute()).toEqual([]);
  });

  it("shows a guest a mention of a colleague they may not see as plain text, and the link to those who may", async () => {
    // A public external community: colleagues read it without belonging to it, its guest sees only co-members.
    const partners = (await createThrough(admin, { kind: "external", name: "Open seed swap", visibility: "public" })).id;
    await addMember(t, partners, guest.userId);
    await addMember(t, partners, member.userId);
    const postId = await postIn(member, partners);
    const link = `data-person-id="${outsider.userId}"`;
    expect((await comment(member, postId, { body: `Ask [@Otto](mention:${outsider.userId})` })).html).toContain(link);
    const [seenByGuest] = await listed(guest, postId);
    expect(seenByGuest?.html).toBe('<p>Ask <span class="mention-plain">@Otto Outsider</span></p>');
    const [seenByOutsider] = await listed(outsider, postId);
    expect(seenByOutsider?.html).toContain(link);
  });

  it("refuses an empty, oversized or NUL-bearing body, naming the field, and writes nothing", async () => {
    const postId = await postIn(owner, garden);
    const before = await streamRowCounts(t);
    for (const body of ["", "x".repeat(COMMENT_MAX_LENGTH + 1), "a\u0000b"]) {
      const response = await commentOn(member, postId, { body });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details[0].field).toBe("body");
    }
    const malformed = await commentOn(member, postId, { body: "Hi [@Someone](mention:not-an-id)" });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.details[0].field).toBe("body");
    expect(await commentRows(postId)).toBe(0);
    expect(await commentCount(t, postId)).toBe(0);
    expect(await streamRowCounts(t)).toEqual(before);
  });

  it("refuses a reader who does not belong to the community (403), and writes nothing", async () => {
    const postId = await postIn(owner, garden);
    expect((await listComments(outsider, postId)).statusCode).toBe(200);
    const before = await streamRowCounts(t);
    const response = await commentOn(outsider, postId, { body: "Drive-by" });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe("forbidden");
    expect(await commentRows(postId)).toBe(0);
    expect(await streamRowCounts(t)).toEqual(before);
  });

  it("answers a post one may not read exactly as an unknown one, for listing and commenting", async () => {
    const secret = (await createThrough(owner, { name: "Seed vault", visibility: "secret" })).id;
    const postId = await postIn(owner, secret);
    const hidden = [await listComments(outsider, postId), await commentOn(outsider, postId, { body: "Hello?" })];
    const missing = [await listComments(outsider, UNKNOWN_ID), await commentOn(outsider, UNKNOWN_ID, { body: "Hello?" })];
    for (const [index, response] of hidden.entries()) {
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual(missing[index]?.json());
      expect(response.json().error.code).toBe("post_not_found");
    }
    expect(await commentRows(postId)).toBe(0);
  });

  it("treats a deleted post as gone, even for its author and admins", async () => {
    const postId = await postIn(owner, garden);
    await deletePost(owner, postId);
    for (const browser of [owner, admin]) {
      expect((await commentOn(browser, postId, { body: "Late" })).json().error.code).toBe("post_not_found");
      expect((await listComments(browser, postId)).statusCode).toBe(404);
    }
  });

  it("refuses comments in an archived community with 409, and writes nothing", async () => {
    const shed = (await createThrough(owner, { name: "Old shed" })).id;
    await addMember(t, shed, member.userId);
    const postId = await postIn(owner, shed);
    await owner.inject({ method: "POST", url: `/api/v1/communities/${shed}/archive` });
    const response = await commentOn(member, postId, { body: "Anyone?" });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe("community_archived");
    expect(await commentRows(postId)).toBe(0);
    expect(await listed(member, postId)).toEqual([]);
  });

  it("lets a guest comment in their external community, and nowhere else", async () => {
    const partners = (await createThrough(admin, { kind: "external", name: "Partner growers", visibility: "closed" })).id;
    await addMember(t, partners, guest.userId);
    const shared = await postIn(admin, partners);
    const internal = await postIn(owner, garden);
    expect((await commentOn(guest, shared, { body: "Our seeds ship Monday" })).statusCode).toBe(201);
    expect((await commentOn(guest, internal, { body: "Peeking" })).json().error.code).toBe("post_not_found");
    expect((await listComments(guest, internal)).statusCode).toBe(404);
  });
});

describe("attachments", () => {
  it("shows a comment's attachments, and refuses one already used elsewhere without writing the comment", async () => {
    const postId = await postIn(owner, garden);
    const uploaded = await member.inject({ method: "POST", url: "/api/v1/attachments", ...multipartFile(await makeImage("png"), { filename: "bed.png" }) });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const image = uploaded.json();
    const created = await comment(member, postId, { body: "The raised bed", attachmentIds: [image.id] });
    expect(created.attachments.map((attachment) => attachment.id)).toEqual([image.id]);
    expect((await listed(owner, postId))[0]?.attachments).toEqual([expect.objectContaining({ id: image.id, kind: "image", name: image.name })]);
    const reused = await commentOn(member, postId, { body: "Again", attachmentIds: [image.id] });
    expect(reused.statusCode).toBe(400);
    expect(reused.json().error.details[0].field).toBe("attachmentIds");
    expect(await commentCount(t, postId)).toBe(1);
    expect(await commentRows(postId)).toBe(1);
  });
});

describe("counting under load", () => {
  it("keeps the comment count exact when many comment and delete at once", async () => {
    const postId = await postIn(owner, garden);
    const crowd = await Promise.all(Array.from({ length: 12 }, () => personBrowser(t)));
    await Promise.all(crowd.map((person) => addMember(t, garden, person.userId)));
    const created = await Promise.all(crowd.map((person, index) => commentOn(person, postId, { body: `Voice ${index}` })));
    expect(created.map((response) => response.statusCode)).toEqual(crowd.map(() => 201));
    const ids = created.map((response) => response.json().id as string);
    // Replies race the deletion of their parents: each is either written or refused, never stuck or counted wrong.
    const [replies, deletions] = await Promise.all([
      Promise.all(crowd.map((person, index) => commentOn(person, postId, { body: "Agreed", parentId: ids[(index + 1) % ids.length] }))),
      Promise.all(crowd.slice(0, 6).map((person, index) => person.inject({ method: "DELETE", url: `/api/v1/comments/${ids[index]}` }))),
    ]);
    expect(deletions.map((response) => response.statusCode)).toEqual(deletions.map(() => 204));
    expect(replies.every((response) => response.statusCode === 201 || response.json().error.details[0].field === "parentId")).toBe(true);
    const written = replies.filter((response) => response.statusCode === 201).length;
    const live = await t.db.selectFrom("comments").select("id").where("post_id", "=", postId).where("deleted_at", "is", null).execute();
    expect(await commentCount(t, postId)).toBe(12 + written - 6);
    expect(live).toHaveLength(12 + written - 6);
  });
});

describe("replies", () => {
  let postId: string;
  let first: Comment;

  beforeAll(async () => {
    postId = await postIn(owner, garden);
    first = await comment(owner, postId, { body: "Which roses?" });
  });

  it("go under a top-level comment, which counts them, and stay out of the top-level list", async () => {
    const reply = await comment(member, postId, { body: "Climbing ones", parentId: first.id });
    expect(reply.parentId).toBe(first.id);
    expect(reply.can.reply).toBe(false);
    const top = await listed(member, postId);
    expect(top.map((item) => item.id)).toEqual([first.id]);
    expect(top[0]?.replyCount).toBe(1);
    expect((await listed(member, postId, `?parentId=${first.id}`)).map((item) => item.id)).toEqual([reply.id]);
  });

  it("go one level deep only: replying to a reply is a 400 naming parentId", async () => {
    const reply = await comment(member, postId, { body: "Rambling ones" });
    const nested = await comment(owner, postId, { body: "Indeed", parentId: reply.id });
    const response = await commentOn(member, postId, { body: "Deeper", parentId: nested.id });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe("parentId");
  });

  it("refuse a parent from another post, an unknown one or a deleted one, writing nothing", async () => {
    const otherPost = await postIn(owner, garden);
    const elsewhere = await comment(owner, otherPost, { body: "Elsewhere" });
    const gone = await comment(member, postId, { body: "Soon gone" });
    await member.inject({ method: "DELETE", url: `/api/v1/comments/${gone.id}` });
    const before = await commentRows(postId);
    for (const parentId of [elsewhere.id, UNKNOWN_ID, gone.id]) {
      const response = await commentOn(member, postId, { body: "Lost", parentId });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details[0].field).toBe("parentId");
    }
    expect((await listComments(member, postId, `?parentId=${elsewhere.id}`)).statusCode).toBe(400);
    expect(await commentRows(postId)).toBe(before);
  });
});

describe("listing", () => {
  it("pages top-level comments oldest first, with a cursor that resumes where the page ended", async () => {
    const postId = await postIn(owner, garden);
    const written = [];
    for (const body of ["one", "two", "three"]) written.push((await comment(member, postId, { body })).id);
    const firstPage = (await listComments(member, postId, "?limit=2")).json();
    expect(firstPage.items.map((item: Comment) => item.id)).toEqual(written.slice(0, 2));
    const secondPage = (await listComments(member, postId, `?limit=2&cursor=${firstPage.nextCursor}`)).json();
    expect(secondPage).toEqual({ items: [expect.objectContaining({ id: written[2] })], nextCursor: null });
  });

  it("refuses a cursor it did not give out", async () => {
    const postId = await postIn(owner, garden);
    const response = await listComments(member, postId, "?cursor=bm9wZQ");
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe("cursor");
  });

  it("tells each viewer what they may do with each comment", async () => {
    const postId = await postIn(owner, garden);
    await comment(member, postId, { body: "Mine" });
    const [asOwner] = await listed(owner, postId);
    const [asOutsider] = await listed(outsider, postId);
    expect(asOwner?.can).toEqual({ edit: false, delete: true, reply: true, react: true });
    expect(asOutsider?.can).toEqual({ edit: false, delete: false, reply: false, react: false });
  });
});

describe("authors", () => {
  it("still shows a former colleague as the author of their comments, marked inactive", async () => {
    const postId = await postIn(owner, garden);
    const leaver = await personBrowser(t, { display_name: "Lea Leaver" });
    await addMember(t, garden, leaver.userId);
    await comment(leaver, postId, { body: "Signing off" });
    const deactivated = await admin.inject({ method: "POST", url: `/api/v1/people/${leaver.userId}/deactivate` });
    expect(deactivated.statusCode, deactivated.body).toBe(200);
    const [seen] = await listed(member, postId);
    expect(seen?.author).toMatchObject({ id: leaver.userId, displayName: "Lea Leaver", active: false });
  });
});
