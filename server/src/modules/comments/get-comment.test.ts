import type { Comment } from "@ruche/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import type { Browser } from "../../../test/factories.ts";
import { createThrough, UNKNOWN_ID } from "../communities/testing.ts";
import { comment, gardenCast, postIn } from "./testing.ts";

// GET /api/v1/comments/:id: how a link to one comment (a search result) learns its post and parent.

let t: TestContext;
let owner: Browser;
let member: Browser;
let outsider: Browser;
let garden: string;

beforeAll(async () => {
  t = await createTestContext({ work: false });
  ({ owner, member, outsider, garden } = await gardenCast(t));
});
afterAll(() => t.close());

function getComment(browser: Browser, id: string) {
  return browser.inject({ method: "GET", url: `/api/v1/comments/${id}` });
}

describe("reading one comment", () => {
  it("gives a reply with its post and parent, as the post's list shows it", async () => {
    const postId = await postIn(owner, garden);
    const parent = await comment(owner, postId, { body: "Who waters on Sunday?" });
    const reply = await comment(member, postId, { body: "I do", parentId: parent.id });
    const response = await getComment(owner, reply.id);
    expect(response.statusCode, response.body).toBe(200);
    const read: Comment = response.json();
    expect(read).toMatchObject({ id: reply.id, postId, parentId: parent.id, body: "I do", deletedAt: null });
    expect(read.author?.displayName).toBe("Marc Member");
    // The post's owner moderates it; replies go one level deep, so none to a reply.
    expect(read.can).toEqual({ edit: false, delete: true, reply: false, react: true });
  });

  it("answers 404 for a deleted comment, exactly as for an unknown one", async () => {
    const postId = await postIn(owner, garden);
    const gone = await comment(member, postId, { body: "Never mind" });
    expect((await member.inject({ method: "DELETE", url: `/api/v1/comments/${gone.id}` })).statusCode).toBe(204);
    for (const id of [gone.id, UNKNOWN_ID]) {
      const response = await getComment(member, id);
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe("comment_not_found");
    }
  });

  it("hides a comment on a post the viewer may not read behind the same 404", async () => {
    const secret = (await createThrough(owner, { name: "Seed vault", visibility: "secret" })).id;
    const postId = await postIn(owner, secret);
    const hidden = await comment(owner, postId, { body: "The combination is 1234" });
    const response = await getComment(outsider, hidden.id);
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe("comment_not_found");
    expect(response.body).not.toContain("1234");
  });
});
