import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import type { Browser } from "../../../test/factories.ts";
import { newId } from "../../platform/ids.ts";
import { createThrough, eventsAbout, personBrowser } from "../communities/testing.ts";
import { postThrough, readPost } from "./testing.ts";

let t: TestContext;
let author: Browser;
let reader: Browser;
let outsider: Browser;
let open: string;

beforeAll(async () => {
  t = await createTestContext({ work: false });
  author = await personBrowser(t);
  reader = await personBrowser(t);
  outsider = await personBrowser(t);
  open = (await createThrough(author, { name: "Open forum" })).id;
});
afterAll(() => t.close());

const send = (browser: Browser, method: "PUT" | "DELETE", id: string, what: "bookmark" | "follow") => browser.inject({ method, url: `/api/v1/posts/${id}/${what}` });

describe("bookmarks", () => {
  it("are set and removed by any reader, idempotently, with one event per change", async () => {
    const post = await postThrough(author, open, "Keep this");
    for (const _ of [1, 2]) expect((await send(reader, "PUT", post.id, "bookmark")).statusCode).toBe(204);
    expect((await readPost(reader, post.id)).bookmarked).toBe(true);
    expect((await readPost(author, post.id)).bookmarked).toBe(false);
    for (const _ of [1, 2]) expect((await send(reader, "DELETE", post.id, "bookmark")).statusCode).toBe(204);
    expect((await readPost(reader, post.id)).bookmarked).toBe(false);
    expect(await eventsAbout(t, "post.bookmarked", post.id)).toHaveLength(1);
    expect(await eventsAbout(t, "post.unbookmarked", post.id)).toHaveLength(1);
  });

  it("answer 404 for a post one may not read, as for an unknown one", async () => {
    const secret = (await createThrough(author, { name: `Vault ${newId().slice(-6)}`, visibility: "secret" })).id;
    const post = await postThrough(author, secret, "Private");
    const hidden = await send(outsider, "PUT", post.id, "bookmark");
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body).toBe((await send(outsider, "PUT", newId(), "bookmark")).body);
    expect(await t.db.selectFrom("bookmarks").selectAll().where("post_id", "=", post.id).execute()).toEqual([]);
  });
});

describe("following a post", () => {
  it("is on for its author, who may opt out for good: the row stays, following false", async () => {
    const post = await postThrough(author, open, "Comments welcome");
    expect(post.following).toBe(true);
    expect((await send(author, "DELETE", post.id, "follow")).statusCode).toBe(204);
    expect((await readPost(author, post.id)).following).toBe(false);
    const row = await t.db.selectFrom("post_follows").select("following").where("post_id", "=", post.id).where("user_id", "=", author.userId).executeTakeFirst();
    expect(row).toEqual({ following: false });
  });

  it("is taken up by a reader, idempotently, with one event per change", async () => {
    const post = await postThrough(author, open, "Follow me");
    for (const _ of [1, 2]) expect((await send(reader, "PUT", post.id, "follow")).statusCode).toBe(204);
    expect((await readPost(reader, post.id)).following).toBe(true);
    expect(await eventsAbout(t, "post.followed", post.id)).toHaveLength(1);
    for (const _ of [1, 2]) expect((await send(reader, "DELETE", post.id, "follow")).statusCode).toBe(204);
    expect((await readPost(reader, post.id)).following).toBe(false);
    expect(await eventsAbout(t, "post.unfollowed", post.id)).toHaveLength(1);
  });

  it("answers 404 for a deleted post", async () => {
    const post = await postThrough(author, open, "Going away");
    await author.inject({ method: "DELETE", url: `/api/v1/posts/${post.id}` });
    expect((await send(reader, "PUT", post.id, "follow")).json().error.code).toBe("post_not_found");
  });
});
