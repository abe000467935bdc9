import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import { buildUser, type Browser } from "../../../test/factories.ts";
import { newId } from "../../platform/ids.ts";
import { addMember, createThrough, eventsAbout, personBrowser } from "../communities/testing.ts";
import { postThrough, readPost, streamRowCounts } from "./testing.ts";

let t: TestContext;
let owner: Browser;
let author: Browser;
let reader: Browser;
let outsider: Browser;

beforeAll(async () => {
  t = await createTestContext({ work: false });
  owner = await personBrowser(t);
  author = await personBrowser(t);
  reader = await personBrowser(t);
  outsider = await personBrowser(t);
});
afterAll(() => t.close());

const edit = (browser: Browser, id: string, payload: Record<string, unknown>) => browser.inject({ method: "PATCH", url: `/api/v1/posts/${id}`, payload });
const revisions = (browser: Browser, id: string) => browser.inject({ method: "GET", url: `/api/v1/posts/${id}/revisions` });

async function communityWithAuthor(visibility: "public" | "closed" = "public"): Promise<string> {
  const { id } = await createThrough(owner, { name: `Team ${newId().slice(-6)}`, visibility });
  await addMember(t, id, author.userId);
  return id;
}

describe("editing a post", () => {
  it("replaces the body, re-renders it, marks it edited and keeps every earlier version", async () => {
    const community = await communityWithAuthor();
    const post = await postThrough(author, community, "First draft");
    const first = await edit(author, post.id, { body: "Second **draft**" });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ body: "Second **draft**", html: "<p>Second <strong>draft</strong></p>" });
    expect(first.json().editedAt).not.toBeNull();
    expect((await edit(author, post.id, { body: "  Final  " })).json().body).toBe("Final");
    const history = await revisions(reader, post.id);
    expect(history.statusCode).toBe(200);
    expect(history.json().items.map((item: { version: number; body: string }) => [item.version, item.body])).toEqual([
      [2, "Second **draft**"],
      [1, "First draft"],
    ]);
    expect(history.json().items[1]).toMatchObject({ editedBy: { id: author.userId }, createdAt: post.createdAt });
  });

  it("records post.updated, telling only the people newly mentioned, and follows the new topics", async () => {
    const community = await communityWithAuthor();
    const first = await buildUser(t.db, { display_name: "First Person" });
    const second = await buildUser(t.db, { display_name: "Second Person" });
    for (const person of [first, second]) await addMember(t, community, person.id);
    const post = await postThrough(author, community, `cc [@F](mention:${first.id}) #Alpha`);
    const edited = await edit(author, post.id, { body: `cc [@F](mention:${first.id}) [@S](mention:${second.id}) #Beta` });
    expect(edited.json().topics).toEqual([{ slug: "beta", name: "Beta" }]);
    const [event] = await eventsAbout(t, "post.updated", post.id);
    expect(event).toMatchObject({ actor_id: author.userId, payload: { communityId: community, mentions: [second.id], topics: ["beta"] } });
    const mentioned = await t.db.selectFrom("post_mentions").select("user_id").where("post_id", "=", post.id).execute();
    expect(mentioned.map((row) => row.user_id).sort()).toEqual([first.id, second.id].sort());
  });

  it("changes nothing, and keeps no revision, when the body is the same", async () => {
    const community = await communityWithAuthor();
    const post = await postThrough(author, community, "Stable");
    const before = await streamRowCounts(t);
    const response = await edit(author, post.id, { body: "Stable " });
    expect(response.json().editedAt).toBeNull();
    expect(await streamRowCounts(t)).toEqual(before);
  });

  it("is refused to anyone but the author, writing nothing", async () => {
    const community = await communityWithAuthor();
    const post = await postThrough(author, community, "Mine");
    const before = await streamRowCounts(t);
    const byOwner = await edit(owner, post.id, { body: "Theirs" });
    expect(byOwner.statusCode).toBe(403);
    expect(byOwner.json().error.code).toBe("forbidden");
    expect(await streamRowCounts(t)).toEqual(before);
    expect((await readPost(reader, post.id)).body).toBe("Mine");
  });

  it("is refused in an archived community", async () => {
    const community = await communityWithAuthor();
    const post = await postThrough(author, community, "Before the archive");
    await owner.inject({ method: "POST", url: `/api/v1/communities/${community}/archive` });
    const response = await edit(author, post.id, { body: "After" });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe("community_archived");
  });

  it("is refused to an author who has left the community", async () => {
    const community = await communityWithAuthor();
    const post = await postThrough(author, community, "Written while a member");
    expect((await author.inject({ method: "POST", url: `/api/v1/communities/${community}/leave` })).statusCode).toBe(204);
    expect((await edit(author, post.id, { body: "Edited after leaving" })).statusCode).toBe(403);
  });

  it("refuses a blank body and a malformed mention, naming body", async () => {
    const community = await communityWithAuthor();
    const post = await postThrough(author, community, "Keep me");
    for (const body of ["   ", "[@x](mention:zzz)"]) {
      const response = await edit(author, post.id, { body });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details[0].field).toBe("body");
    }
    expect((await readPost(author, post.id)).body).toBe("Keep me");
  });
});

describe("revisions", () => {
  it("are hidden, like the post, from those who may not read it", async () => {
    const community = await communityWithAuthor("closed");
    const post = await postThrough(author, community, "Internal");
    await edit(author, post.id, { body: "Internal, revised" });
    const hidden = await revisions(outsider, post.id);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body).toBe((await revisions(outsider, newId())).body);
  });

  it("are empty for a post never edited", async () => {
    const community = await communityWithAuthor();
    const post = await postThrough(author, community, "Untouched");
    expect((await revisions(reader, post.id)).json()).toEqual({ items: [] });
  });
});
