import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import type { Browser } from "../../../test/factories.ts";
import { newId } from "../../platform/ids.ts";
import { addMember, createThrough, eventsAbout, personBrowser } from "../communities/testing.ts";
import { postThrough, readPost, streamRowCounts } from "./testing.ts";

let t: TestContext;
let owner: Browser;
let manager: Browser;
let author: Browser;
let member: Browser;
let admin: Browser;

beforeAll(async () => {
  t = await createTestContext({ work: false });
  owner = await personBrowser(t);
  manager = await personBrowser(t);
  author = await personBrowser(t);
  member = await personBrowser(t);
  admin = await personBrowser(t, { role: "admin" });
});
afterAll(() => t.close());

const remove = (browser: Browser, id: string) => browser.inject({ method: "DELETE", url: `/api/v1/posts/${id}` });
const restore = (browser: Browser, id: string) => browser.inject({ method: "POST", url: `/api/v1/posts/${id}/restore` });
const pin = (browser: Browser, id: string, on = true) => browser.inject({ method: on ? "POST" : "DELETE", url: `/api/v1/posts/${id}/pin` });

/** A community with a manager, and an author and a member in it; returns a post by the author. */
async function postInCommunity(): Promise<{ community: string; post: string }> {
  const { id } = await createThrough(owner, { name: `Guild ${newId().slice(-6)}` });
  await addMember(t, id, manager.userId, "manager");
  await addMember(t, id, author.userId);
  await addMember(t, id, member.userId);
  return { community: id, post: (await postThrough(author, id, "A post to moderate")).id };
}

describe("deleting a post", () => {
  it.each([
    ["its author", () => author],
    ["a manager", () => manager],
    ["an administrator", () => admin],
  ])("is allowed to %s, hides the post from members and records post.deleted", async (_who, actor) => {
    const { community, post } = await postInCommunity();
    expect((await remove(actor(), post)).statusCode).toBe(204);
    const row = await t.db.selectFrom("posts").select(["deleted_at", "deleted_by"]).where("id", "=", post).executeTakeFirstOrThrow();
    expect(row.deleted_by).toBe(actor().userId);
    expect((await member.inject({ method: "GET", url: `/api/v1/posts/${post}` })).statusCode).toBe(404);
    expect((await eventsAbout(t, "post.deleted", post))[0]).toMatchObject({ actor_id: actor().userId, payload: { communityId: community } });
  });

  it("is refused to another member, writing nothing", async () => {
    const { post } = await postInCommunity();
    const before = await streamRowCounts(t);
    const response = await remove(member, post);
    expect(response.statusCode).toBe(403);
    expect(await streamRowCounts(t)).toEqual(before);
  });

  it("answers 404 to the author once it is deleted, and changes nothing when an admin deletes it again", async () => {
    const { post } = await postInCommunity();
    await remove(author, post);
    expect((await remove(author, post)).statusCode).toBe(404);
    const before = await streamRowCounts(t);
    expect((await remove(admin, post)).statusCode).toBe(204);
    expect(await streamRowCounts(t)).toEqual(before);
  });

  it("leaves the post visible to administrators, marked deleted, to restore it", async () => {
    const { post } = await postInCommunity();
    await remove(author, post);
    const seen = await readPost(admin, post);
    expect(seen.deletedAt).not.toBeNull();
    expect(seen.can).toMatchObject({ edit: false, delete: false, comment: false, react: false, pin: false, share: false });
  });
});

describe("restoring a post", () => {
  it("brings it back for everyone, by an administrator, with post.restored", async () => {
    const { post } = await postInCommunity();
    await remove(manager, post);
    const response = await restore(admin, post);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().deletedAt).toBeNull();
    expect((await readPost(member, post)).id).toBe(post);
    expect(await eventsAbout(t, "post.restored", post)).toHaveLength(1);
  });

  it("is refused to its author and to managers, who no longer see it", async () => {
    const { post } = await postInCommunity();
    await remove(author, post);
    for (const browser of [author, manager]) expect((await restore(browser, post)).json().error.code).toBe("post_not_found");
  });

  it("is refused to a member on a live post, and changes nothing for an admin", async () => {
    const { post } = await postInCommunity();
    expect((await restore(member, post)).statusCode).toBe(403);
    const before = await streamRowCounts(t);
    expect((await restore(admin, post)).statusCode).toBe(200);
    expect(await streamRowCounts(t)).toEqual(before);
  });
});

describe("pinning a post", () => {
  it("is for managers and administrators, both ways, with events only for changes", async () => {
    const { post } = await postInCommunity();
    const pinned = await pin(manager, post);
    expect(pinned.statusCode, pinned.body).toBe(200);
    expect(pinned.json().pinned).toBe(true);
    expect((await pin(admin, post)).json().pinned).toBe(true);
    expect(await eventsAbout(t, "post.pinned", post)).toHaveLength(1);
    expect((await pin(admin, post, false)).json().pinned).toBe(false);
    expect(await eventsAbout(t, "post.unpinned", post)).toHaveLength(1);
    expect((await readPost(manager, post)).can.pin).toBe(true);
  });

  it("is refused to the author and members, writing nothing", async () => {
    const { post } = await postInCommunity();
    const before = await streamRowCounts(t);
    for (const browser of [author, member]) {
      const response = await pin(browser, post);
      expect(response.statusCode).toBe(403);
    }
    expect(await streamRowCounts(t)).toEqual(before);
    expect((await readPost(author, post)).can.pin).toBe(false);
  });

  it("is refused in an archived community", async () => {
    const { community, post } = await postInCommunity();
    await owner.inject({ method: "POST", url: `/api/v1/communities/${community}/archive` });
    const response = await pin(manager, post);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe("community_archived");
  });

  it("answers 404 for a post one may not read", async () => {
    const { id } = await createThrough(owner, { name: `Secret ${newId().slice(-6)}`, visibility: "secret" });
    const post = await postThrough(owner, id, "Hidden");
    const response = await pin(manager, post.id);
    expect(response.statusCode).toBe(404);
    expect(response.body).toBe((await pin(manager, newId())).body);
  });
});
