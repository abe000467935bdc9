import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import type { Browser } from "../../../test/factories.ts";
import { createThrough, eventsAbout, UNKNOWN_ID } from "../communities/testing.ts";
import { comment, commentCount, gardenCast, listed, postIn } from "./testing.ts";

let t: TestContext;
let owner: Browser;
let member: Browser;
let outsider: Browser;
let admin: Browser;
let garden: string;

beforeAll(async () => {
  t = await createTestContext({ work: false });
  ({ owner, member, outsider, admin, garden } = await gardenCast(t));
});
afterAll(() => t.close());

describe("editing", () => {
  it("lets the author edit, marking the comment edited and announcing new mentions only", async () => {
    const postId = await postIn(owner, garden);
    const created = await comment(member, postId, { body: `Thanks [@Olivia](mention:${owner.userId})` });
    const response = await member.inject({
      method: "PATCH",
      url: `/api/v1/comments/${created.id}`,
      payload: { body: `Thanks [@Olivia](mention:${owner.userId}) and *everyone*` },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().editedAt).not.toBeNull();
    expect(response.json().html).toContain("<em>everyone</em>");
    const [event] = await eventsAbout(t, "comment.updated", created.id);
    expect(event?.payload).toEqual({ postId, mentionedIds: [] });
  });

  it("refuses anyone but the author, managers included, and changes nothing", async () => {
    const postId = await postIn(owner, garden);
    const created = await comment(member, postId, { body: "Original" });
    for (const browser of [owner, outsider, admin]) {
      const response = await browser.inject({ method: "PATCH", url: `/api/v1/comments/${created.id}`, payload: { body: "Rewritten" } });
      expect(response.statusCode).toBe(403);
    }
    const [stored] = await listed(member, postId);
    expect(stored).toMatchObject({ body: "Original", editedAt: null });
  });

  it("refuses edits in an archived community with 409", async () => {
    const shed = (await createThrough(owner, { name: "Tool shed" })).id;
    const postId = await postIn(owner, shed);
    const created = await comment(owner, postId, { body: "Rakes" });
    await owner.inject({ method: "POST", url: `/api/v1/communities/${shed}/archive` });
    const response = await owner.inject({ method: "PATCH", url: `/api/v1/comments/${created.id}`, payload: { body: "Hoes" } });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe("community_archived");
  });

  it("answers a comment on a post one may not read exactly as an unknown comment", async () => {
    const secret = (await createThrough(owner, { name: "Greenhouse keys", visibility: "secret" })).id;
    const postId = await postIn(owner, secret);
    const created = await comment(owner, postId, { body: "Under the pot" });
    for (const method of ["PATCH", "DELETE"] as const) {
      const payload = method === "PATCH" ? { body: "Moved" } : undefined;
      const hidden = await outsider.inject({ method, url: `/api/v1/comments/${created.id}`, ...(payload ? { payload } : {}) });
      const missing = await outsider.inject({ method, url: `/api/v1/comments/${UNKNOWN_ID}`, ...(payload ? { payload } : {}) });
      expect(hidden.statusCode).toBe(404);
      expect(hidden.json()).toEqual(missing.json());
      expect(hidden.json().error.code).toBe("comment_not_found");
    }
  });
});

describe("deleting", () => {
  it("lets the author, a manager of the community or an admin delete, counting one comment less each time", async () => {
    const postId = await postIn(owner, garden);
    const written = [];
    for (let index = 0; index < 3; index += 1) written.push((await comment(member, postId, { body: `Note ${index}` })).id);
    expect(await commentCount(t, postId)).toBe(3);
    for (const [index, browser] of [member, owner, admin].entries()) {
      const response = await browser.inject({ method: "DELETE", url: `/api/v1/comments/${written[index]}` });
      expect(response.statusCode).toBe(204);
    }
    expect(await commentCount(t, postId)).toBe(0);
    expect(await listed(member, postId)).toEqual([]);
    const [event] = await eventsAbout(t, "comment.deleted", written[1] as string);
    expect(event).toMatchObject({ actor_id: owner.userId, payload: { postId, authorId: member.userId } });
  });

  it("refuses another member, and keeps the comment", async () => {
    const postId = await postIn(owner, garden);
    const created = await comment(owner, postId, { body: "Keep me" });
    const response = await member.inject({ method: "DELETE", url: `/api/v1/comments/${created.id}` });
    expect(response.statusCode).toBe(403);
    expect(await commentCount(t, postId)).toBe(1);
    expect((await listed(member, postId)).map((item) => item.id)).toEqual([created.id]);
  });

  it("keeps a deleted comment with replies as an empty placeholder, gone once its last reply is", async () => {
    const postId = await postIn(owner, garden);
    const parent = await comment(member, postId, { body: "Secret recipe" });
    const reply = await comment(owner, postId, { body: "Share it!", parentId: parent.id });
    expect((await member.inject({ method: "DELETE", url: `/api/v1/comments/${parent.id}` })).statusCode).toBe(204);
    const [placeholder] = await listed(owner, postId);
    expect(placeholder).toMatchObject({ id: parent.id, body: "", html: "", author: null, replyCount: 1 });
    expect(placeholder?.deletedAt).not.toBeNull();
    expect(placeholder?.can).toEqual({ edit: false, delete: false, reply: false, react: false });
    expect((await listed(owner, postId, `?parentId=${parent.id}`)).map((item) => item.id)).toEqual([reply.id]);
    expect(await commentCount(t, postId)).toBe(1);
    await owner.inject({ method: "DELETE", url: `/api/v1/comments/${reply.id}` });
    expect(await listed(owner, postId)).toEqual([]);
    expect(await commentCount(t, postId)).toBe(0);
  });

  it("answers a second deletion with 404, without counting twice", async () => {
    const postId = await postIn(owner, garden);
    const created = await comment(member, postId, { body: "Once" });
    await member.inject({ method: "DELETE", url: `/api/v1/comments/${created.id}` });
    const again = await member.inject({ method: "DELETE", url: `/api/v1/comments/${created.id}` });
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe("comment_not_found");
    expect(await commentCount(t, postId)).toBe(0);
  });
});
