import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import type { Browser } from "../../../test/factories.ts";
import { createThrough, personBrowser } from "../communities/testing.ts";
import { findPostRow } from "./repository.ts";

let t: TestContext;
let writer: Browser;
let reader: Browser;
let postId: string;

beforeAll(async () => {
  t = await createTestContext({ work: false });
  writer = await personBrowser(t);
  reader = await personBrowser(t);
  const { id: communityId } = await createThrough(writer, { name: "Atelier" });
  const response = await writer.inject({ method: "POST", url: "/api/v1/posts", payload: { communityId, body: "Un billet très commenté" } });
  expect(response.statusCode, response.body).toBe(201);
  postId = response.json().id;
});
afterAll(() => t.close());

describe("a post locked while it changes", () => {
  it("keeps other changes of the post waiting, not the rows that refer to it", async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    // A comment being written holds the post's lock until its transaction ends.
    const holder = t.db.transaction().execute(async (tx) => {
      expect(await findPostRow(tx, postId, { lock: true })).toBeDefined();
      locked();
      await released;
    });
    await isLocked;
    try {
      await t.db.transaction().execute(async (tx) => {
        await sql`set local lock_timeout = '2s'`.execute(tx);
        // A reaction (its foreign key on the post) goes in at once.
        await tx.insertInto("post_reactions").values({ post_id: postId, user_id: reader.userId, kind: "like" }).execute();
      });
      const waiting = t.db.transaction().execute(async (tx) => {
        await sql`set local lock_timeout = '300ms'`.execute(tx);
        await tx.updateTable("posts").set({ comment_count: sql`comment_count + 1` }).where("id", "=", postId).execute();
      });
      // Another change of the post itself waits for the lock.
      await expect(waiting).rejects.toThrow(/lock timeout/);
    } finally {
      release();
      await holder;
    }
  });
});
