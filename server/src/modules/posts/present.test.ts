import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import { buildUser, type Browser } from "../../../test/factories.ts";
import { countingStatements } from "../../../test/statements.ts";
import { newId } from "../../platform/ids.ts";
import { addMember, createThrough, personBrowser } from "../communities/testing.ts";
import type { Viewer } from "../people/policy.ts";
import { loadPosts } from "./present.ts";
import { postThrough } from "./testing.ts";

let t: TestContext;
let owner: Browser;
let reader: Browser;
let viewer: Viewer;
/** Posts of every sort: plain, tagged, mentioning, announcements, shares of a closed community's posts. */
const postIds: string[] = [];
let hiddenId: string;

beforeAll(async () => {
  t = await createTestContext({ work: false });
  owner = await personBrowser(t);
  reader = await personBrowser(t);
  viewer = { id: reader.userId, role: "member" };
  const colleague = await buildUser(t.db, { display_name: "Colleague" });
  const communities = [];
  for (const name of ["Alpha", "Beta", "Gamma"]) communities.push((await createThrough(owner, { name })).id);
  const closed = (await createThrough(owner, { name: "Closed", visibility: "closed" })).id;
  for (const community of communities) await addMember(t, community, reader.userId);
  for (let index = 0; index < 20; index += 1) {
    const community = communities[index % communities.length] as string;
    const kind = index % 4;
    if (kind === 0) postIds.push((await postThrough(owner, community, `Plain ${index}`)).id);
    if (kind === 1) postIds.push((await postThrough(owner, community, `#Topic${index} with [@C](mention:${colleague.id})`)).id);
    if (kind === 2) postIds.push((await postThrough(owner, community, `Announcement ${index}`, { announcement: true, mustRead: index % 8 === 2 })).id);
    if (kind === 3) {
      const original = await postThrough(owner, index % 8 === 3 ? closed : communities[(index + 1) % communities.length] as string, `Original ${index}`);
      const copy = await owner.inject({ method: "POST", url: `/api/v1/posts/${original.id}/share`, payload: { communityId: community } });
      postIds.push(copy.json().id);
    }
  }
  for (const id of postIds.slice(0, 5)) await reader.inject({ method: "PUT", url: `/api/v1/posts/${id}/bookmark` });
  hiddenId = (await postThrough(owner, closed, "Members only")).id;
}, 60_000);
afterAll(() => t.close());

/** How many statements `loadPosts` sends for `ids`. */
async function queriesFor(ids: string[]): Promise<number> {
  const counted = countingStatements(t.db);
  await loadPosts(counted.db, viewer, ids);
  return counted.count();
}

describe("loadPosts", () => {
  it("sends as many queries for 20 posts as for 4 of the same sorts", async () => {
    const few = await queriesFor(postIds.slice(0, 4));
    const many = await queriesFor(postIds);
    expect(many).toBe(few);
    // Posts with their communities, originals of shares, announcement state (two), mentioned people.
    expect(many).toBeGreaterThanOrEqual(4);
    expect(many).toBeLessThanOrEqual(5);
  });

  it("skips the loaders that have nothing to find: plain posts take one query", async () => {
    expect(await queriesFor([postIds[0], postIds[4]] as string[])).toBe(1);
  });

  it("keeps the order of the ids asked for, and leaves out posts the viewer may not read or that do not exist", async () => {
    const asked = [postIds[3], hiddenId, newId(), postIds[0], postIds[1]] as string[];
    const posts = await loadPosts(t.db, viewer, asked);
    expect(posts.map((post) => post.id)).toEqual([postIds[3], postIds[0], postIds[1]]);
  });

  it("gives each post the viewer's own state, and each share its original as the viewer may see it", async () => {
    const posts = await loadPosts(t.db, viewer, postIds);
    expect(posts.filter((post) => post.bookmarked).map((post) => post.id)).toEqual(postIds.slice(0, 5));
    const shares = posts.filter((post) => post.shared !== null);
    expect(shares.map((post) => post.shared?.available)).toEqual([false, true, false, true, false]);
    expect(posts.filter((post) => post.announcement !== null)).toHaveLength(5);
    expect(posts.filter((post) => post.topics.length === 1)).toHaveLength(5);
  });
});
