import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import type { Browser } from "../../../test/factories.ts";
import { createThrough, personBrowser } from "../communities/testing.ts";
import { readRecorder } from "./reads.ts";
import { feedPage, insertPost } from "./testing.ts";

let t: TestContext;
let reader: Browser;
let community: string;

beforeAll(async () => {
  t = await createTestContext({ work: false });
  reader = await personBrowser(t);
  ({ id: community } = await createThrough(reader, { name: "Readers" }));
  // Without its timer, the recorder writes only when these tests flush it.
  await readRecorder(t.runtime).close();
});
afterAll(() => t.close());

/** The reader's recorded reads of `postIds`, as [post, day] pairs in a stable order. */
async function readsOf(userId: string, postIds: string[]): Promise<[string, string][]> {
  const rows = await t.db
    .selectFrom("post_reads")
    .select(["post_id", sql<string>`to_char(day, 'YYYY-MM-DD')`.as("day")])
    .where("user_id", "=", userId)
    .where("post_id", "in", postIds)
    .orderBy("post_id")
    .orderBy("day")
    .execute();
  return rows.map((row) => [row.post_id, row.day]);
}

const today = () => new Date().toISOString().slice(0, 10);

describe("reads", () => {
  it("records the posts a feed page served, once a day however often they are served", async () => {
    const posts = [await insertPost(t, { communityId: community, authorId: reader.userId }), await insertPost(t, { communityId: community, authorId: reader.userId })].sort();
    await t.db.insertInto("post_reads").values({ post_id: posts[0] ?? "", user_id: reader.userId, day: "2025-01-02" }).execute();
    for (let visit = 0; visit < 3; visit += 1) await feedPage(reader, `/api/v1/communities/${community}/posts`);
    expect(await readsOf(reader.userId, posts)).toEqual([[posts[0], "2025-01-02"]]);
    await readRecorder(t.runtime).flush();
    for (let visit = 0; visit < 2; visit += 1) await feedPage(reader, "/api/v1/feed");
    await readRecorder(t.runtime).flush();
    expect(await readsOf(reader.userId, posts)).toEqual([
      [posts[0], "2025-01-02"],
      [posts[0], today()],
      [posts[1], today()],
    ]);
  });

  it("writes nothing on the request path: reads wait in memory until the next flush", async () => {
    const post = await insertPost(t, { communityId: community, authorId: reader.userId });
    await feedPage(reader, "/api/v1/feed?limit=1");
    expect(await readsOf(reader.userId, [post])).toEqual([]);
    await readRecorder(t.runtime).flush();
    expect(await readsOf(reader.userId, [post])).toEqual([[post, today()]]);
  });

  it("writes what is waiting when the app closes", async () => {
    const other = await createTestContext({ work: false });
    const person = await personBrowser(other);
    const { id } = await createThrough(person, { name: "Closing time" });
    const post = await insertPost(other, { communityId: id, authorId: person.userId });
    await feedPage(person, "/api/v1/feed");
    await other.app.close();
    const rows = await other.db.selectFrom("post_reads").select("post_id").where("user_id", "=", person.userId).execute();
    expect(rows).toEqual([{ post_id: post }]);
    await other.close();
  });
});
