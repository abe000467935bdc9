import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import type { Browser } from "../../../test/factories.ts";
import { addMember, createThrough, eventsAbout, personBrowser, UNKNOWN_ID } from "../communities/testing.ts";
import { insertPost, wholeFeed } from "./testing.ts";

let t: TestContext;
let reader: Browser;
let writer: Browser;

beforeAll(async () => {
  t = await createTestContext({ work: false });
  [reader, writer] = [await personBrowser(t), await personBrowser(t)];
});
afterAll(() => t.close());

const follow = (browser: Browser, id: string, method: "PUT" | "DELETE" | "GET" = "PUT") => browser.inject({ method, url: `/api/v1/people/${id}/follow` });

describe("following a person", () => {
  it("brings their posts from communities one may read into the home feed, until one unfollows", async () => {
    const { id: elsewhere } = await createThrough(writer, { name: "Writers' corner" });
    const post = await insertPost(t, { communityId: elsewhere, authorId: writer.userId });
    expect(await wholeFeed(reader, "/api/v1/feed")).not.toContain(post);
    expect((await follow(reader, writer.userId)).statusCode).toBe(204);
    expect((await follow(reader, writer.userId, "GET")).json()).toEqual({ following: true });
    expect(await wholeFeed(reader, "/api/v1/feed")).toContain(post);
    expect((await follow(reader, writer.userId, "DELETE")).statusCode).toBe(204);
    expect((await follow(reader, writer.userId, "GET")).json()).toEqual({ following: false });
    expect(await wholeFeed(reader, "/api/v1/feed")).not.toContain(post);
  });

  it("records one event for each change, none for a repeat", async () => {
    const someone = await personBrowser(t);
    for (const method of ["PUT", "PUT", "DELETE", "DELETE"] as const) expect((await follow(reader, someone.userId, method)).statusCode).toBe(204);
    const types = await t.db.selectFrom("events").select("type").where("subject_id", "=", someone.userId).where("actor_id", "=", reader.userId).orderBy("id").execute();
    expect(types.map((row) => row.type)).toEqual(["person.followed", "person.unfollowed"]);
    expect(await eventsAbout(t, "person.followed", someone.userId)).toHaveLength(1);
  });

  it("refuses following oneself, naming the field", async () => {
    const response = await follow(reader, reader.userId);
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: "validation_failed", details: [{ field: "id" }] });
  });

  it("answers 404 for a person one may not see, as for an unknown one, and writes nothing", async () => {
    const guest = await personBrowser(t, { role: "guest" });
    for (const method of ["PUT", "GET", "DELETE"] as const) {
      for (const id of [writer.userId, UNKNOWN_ID]) {
        const response = await follow(guest, id, method);
        expect([response.statusCode, response.json().error.code]).toEqual([404, "user_not_found"]);
      }
    }
    expect(await t.db.selectFrom("person_follows").select("followed_id").where("follower_id", "=", guest.userId).execute()).toEqual([]);
  });

  it("lets a guest follow a co-member, and unfollow them once they no longer share a community", async () => {
    const admin = await personBrowser(t, { role: "admin" });
    const guest = await personBrowser(t, { role: "guest" });
    const { id: partners } = await createThrough(admin, { name: "Partners", kind: "external", visibility: "closed" });
    await addMember(t, partners, guest.userId);
    await addMember(t, partners, writer.userId);
    expect((await follow(guest, writer.userId)).statusCode).toBe(204);
    await t.db.deleteFrom("community_members").where("community_id", "=", partners).where("user_id", "=", writer.userId).execute();
    expect((await follow(guest, writer.userId, "GET")).statusCode).toBe(404);
    expect((await follow(guest, writer.userId, "DELETE")).statusCode).toBe(204);
    expect(await t.db.selectFrom("person_follows").select("followed_id").where("follower_id", "=", guest.userId).execute()).toEqual([]);
  });
});
