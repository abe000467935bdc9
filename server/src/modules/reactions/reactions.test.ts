import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import type { Browser } from "../../../test/factories.ts";
import { comment, deletePost, gardenCast, listed, postIn } from "../comments/testing.ts";
import { addMember, createThrough, eventsAbout, personBrowser, UNKNOWN_ID } from "../communities/testing.ts";

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

const react = (browser: Browser, path: string, kind: string, method: "PUT" | "DELETE" = "PUT") =>
  browser.inject({ method, url: `/api/v1/${path}/reactions/${kind}` });

async function storedCounts(table: "posts" | "comments", id: string): Promise<Record<string, number>> {
  const row = await t.db.selectFrom(table).select("reaction_counts").where("id", "=", id).executeTakeFirstOrThrow();
  return row.reaction_counts;
}

/** A comment by the post's owner, to react to. */
async function commentOn(postId: string): Promise<string> {
  return (await comment(owner, postId, { body: "Lovely" })).id;
}

describe("reacting to a post", () => {
  it("counts one reaction per person per kind, and tells the viewer theirs", async () => {
    const postId = await postIn(owner, garden);
    const first = await react(member, `posts/${postId}`, "like");
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ reactionCounts: { like: 1 }, myReactions: ["like"] });
    expect((await react(member, `posts/${postId}`, "like")).json()).toEqual({ reactionCounts: { like: 1 }, myReactions: ["like"] });
    expect((await react(member, `posts/${postId}`, "celebrate")).json()).toEqual({ reactionCounts: { like: 1, celebrate: 1 }, myReactions: ["like", "celebrate"] });
    expect((await react(owner, `posts/${postId}`, "like")).json()).toEqual({ reactionCounts: { like: 2, celebrate: 1 }, myReactions: ["like"] });
    expect(await storedCounts("posts", postId)).toEqual({ like: 2, celebrate: 1 });
    expect(await eventsAbout(t, "reaction.added", postId)).toHaveLength(3);
  });

  it("takes a reaction back, drops a kind nobody chose, and taking back none changes nothing", async () => {
    const postId = await postIn(owner, garden);
    await react(member, `posts/${postId}`, "support");
    const removed = await react(member, `posts/${postId}`, "support", "DELETE");
    expect(removed.json()).toEqual({ reactionCounts: {}, myReactions: [] });
    const again = await react(member, `posts/${postId}`, "support", "DELETE");
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ reactionCounts: {}, myReactions: [] });
    expect(await eventsAbout(t, "reaction.removed", postId)).toHaveLength(1);
  });

  it("keeps the count exact when twenty people react at once, and when they all take it back", async () => {
    const postId = await postIn(owner, garden);
    const crowd = await Promise.all(Array.from({ length: 20 }, () => personBrowser(t)));
    await Promise.all(crowd.map((person) => addMember(t, garden, person.userId)));
    const added = await Promise.all(crowd.map((person) => react(person, `posts/${postId}`, "insightful")));
    expect(added.map((response) => response.statusCode)).toEqual(crowd.map(() => 200));
    expect(await storedCounts("posts", postId)).toEqual({ insightful: 20 });
    const rows = await t.db.selectFrom("post_reactions").select("user_id").where("post_id", "=", postId).execute();
    expect(rows).toHaveLength(20);
    await Promise.all(crowd.map((person) => react(person, `posts/${postId}`, "insightful", "DELETE")));
    expect(await storedCounts("posts", postId)).toEqual({});
  });

  it("refuses a reader who does not belong to the community (403), and records nothing", async () => {
    const postId = await postIn(owner, garden);
    const response = await react(outsider, `posts/${postId}`, "like");
    expect(response.statusCode).toBe(403);
    expect(await storedCounts("posts", postId)).toEqual({});
    expect(await eventsAbout(t, "reaction.added", postId)).toEqual([]);
  });

  it("refuses reactions in an archived community with 409", async () => {
    const shed = (await createThrough(owner, { name: "Old shed" })).id;
    const postId = await postIn(owner, shed);
    await owner.inject({ method: "POST", url: `/api/v1/communities/${shed}/archive` });
    const response = await react(owner, `posts/${postId}`, "like");
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe("community_archived");
    expect(await storedCounts("posts", postId)).toEqual({});
  });

  it("answers a post one may not read, or a deleted one, exactly as an unknown one", async () => {
    const secret = (await createThrough(owner, { name: "Seed vault", visibility: "secret" })).id;
    const hiddenPost = await postIn(owner, secret);
    const deletedPost = await postIn(owner, garden);
    await deletePost(owner, deletedPost);
    const missing = await react(outsider, `posts/${UNKNOWN_ID}`, "like");
    expect(missing.json().error.code).toBe("post_not_found");
    for (const [browser, postId] of [[outsider, hiddenPost], [guest, hiddenPost], [owner, deletedPost]] as const) {
      for (const response of [await react(browser, `posts/${postId}`, "like"), await browser.inject({ method: "GET", url: `/api/v1/posts/${postId}/reactions` })]) {
        expect(response.statusCode).toBe(404);
        expect(response.json()).toEqual(missing.json());
      }
    }
  });

  it("refuses a kind outside the fixed set, naming it", async () => {
    const postId = await postIn(owner, garden);
    const response = await react(member, `posts/${postId}`, "angry");
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe("kind");
  });
});

describe("reacting to a comment", () => {
  it("counts on the comment's row, not the post's", async () => {
    const postId = await postIn(owner, garden);
    const commentId = await commentOn(postId);
    const response = await react(member, `comments/${commentId}`, "curious");
    expect(response.json()).toEqual({ reactionCounts: { curious: 1 }, myReactions: ["curious"] });
    expect(await storedCounts("comments", commentId)).toEqual({ curious: 1 });
    expect(await storedCounts("posts", postId)).toEqual({});
    const [event] = await eventsAbout(t, "reaction.added", commentId);
    expect(event?.payload).toEqual({ target: "comment", postId, kind: "curious" });
    const [shown] = await listed(member, postId);
    expect(shown).toMatchObject({ reactionCounts: { curious: 1 }, myReactions: ["curious"] });
  });

  it("answers a deleted comment, or one on a hidden post, exactly as an unknown one", async () => {
    const postId = await postIn(owner, garden);
    const deleted = await commentOn(postId);
    await owner.inject({ method: "DELETE", url: `/api/v1/comments/${deleted}` });
    const secret = (await createThrough(owner, { name: "Greenhouse keys", visibility: "secret" })).id;
    const hidden = await commentOn(await postIn(owner, secret));
    const missing = await react(outsider, `comments/${UNKNOWN_ID}`, "like");
    expect(missing.json().error.code).toBe("comment_not_found");
    for (const [browser, commentId] of [[member, deleted], [outsider, hidden]] as const) {
      const response = await react(browser, `comments/${commentId}`, "like");
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual(missing.json());
    }
  });
});

describe("who reacted", () => {
  it("lists reactions newest first, by kind when asked, page by page", async () => {
    const postId = await postIn(owner, garden);
    await react(owner, `posts/${postId}`, "like");
    await react(member, `posts/${postId}`, "like");
    await react(member, `posts/${postId}`, "celebrate");
    const firstPage = (await member.inject({ method: "GET", url: `/api/v1/posts/${postId}/reactions?limit=2` })).json();
    expect(firstPage.items.map((item: { person: { id: string }; kind: string }) => [item.person.id, item.kind])).toEqual([
      [member.userId, "celebrate"],
      [member.userId, "like"],
    ]);
    const secondPage = (await member.inject({ method: "GET", url: `/api/v1/posts/${postId}/reactions?limit=2&cursor=${firstPage.nextCursor}` })).json();
    expect(secondPage.items.map((item: { person: { id: string } }) => item.person.id)).toEqual([owner.userId]);
    expect(secondPage.nextCursor).toBeNull();
    const likes = (await outsider.inject({ method: "GET", url: `/api/v1/posts/${postId}/reactions?kind=like` })).json();
    expect(likes.items.map((item: { person: { displayName: string } }) => item.person.displayName)).toEqual(["Marc Member", "Olivia Owner"]);
  });

  it("shows a guest only the people they may see, though everyone still counts", async () => {
    const external = (await createThrough(admin, { kind: "external", name: "Partner growers", visibility: "closed" })).id;
    await addMember(t, external, owner.userId, "owner");
    await addMember(t, external, guest.userId);
    const postId = await postIn(owner, external);
    const departed = await personBrowser(t);
    await addMember(t, external, departed.userId);
    await react(departed, `posts/${postId}`, "support");
    await react(owner, `posts/${postId}`, "support");
    await t.db.deleteFrom("community_members").where("community_id", "=", external).where("user_id", "=", departed.userId).execute();
    const seen = (await guest.inject({ method: "GET", url: `/api/v1/posts/${postId}/reactions` })).json();
    expect(seen.items.map((item: { person: { id: string } }) => item.person.id)).toEqual([owner.userId]);
    expect(await storedCounts("posts", postId)).toEqual({ support: 2 });
  });

  it("refuses a cursor it did not give out", async () => {
    const postId = await postIn(owner, garden);
    for (const cursor of ["bm9wZQ", Buffer.from(JSON.stringify(["2025-02-30T00:00:00.000000Z|like", UNKNOWN_ID])).toString("base64url")]) {
      const response = await member.inject({ method: "GET", url: `/api/v1/posts/${postId}/reactions?cursor=${cursor}` });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details[0].field).toBe("cursor");
    }
  });
});
