import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import type { Browser } from "../../../test/factories.ts";
import { newId } from "../../platform/ids.ts";
import { addMember, createThrough, eventsAbout, personBrowser } from "../communities/testing.ts";
import { postThrough, readPost, streamRowCounts } from "./testing.ts";

let t: TestContext;
let sharer: Browser;
let insider: Browser;
let bystander: Browser;
let closed: string;
let open: string;
let other: string;

beforeAll(async () => {
  t = await createTestContext({ work: false });
  sharer = await personBrowser(t);
  insider = await personBrowser(t);
  bystander = await personBrowser(t);
  closed = (await createThrough(insider, { name: "Board room", visibility: "closed" })).id;
  await addMember(t, closed, sharer.userId);
  open = (await createThrough(sharer, { name: "Town square" })).id;
  await addMember(t, open, bystander.userId);
  await addMember(t, open, insider.userId);
  other = (await createThrough(sharer, { name: "Side street" })).id;
});
afterAll(() => t.close());

const share = (browser: Browser, id: string, payload: Record<string, unknown>) => browser.inject({ method: "POST", url: `/api/v1/posts/${id}/share`, payload });

describe("sharing a post", () => {
  it("makes a post in the target community that links the original, with the sharer's comment", async () => {
    const original = await postThrough(insider, open, "Original news", { announcement: false });
    const response = await share(sharer, original.id, { communityId: other, body: "Worth a read #news" });
    expect(response.statusCode, response.body).toBe(201);
    const copy = response.json();
    expect(copy).toMatchObject({ community: { id: other }, author: { id: sharer.userId }, body: "Worth a read #news", topics: [{ slug: "news" }] });
    expect(copy.shared).toMatchObject({ available: true, post: { id: original.id, body: "Original news", author: { id: insider.userId } } });
    const [event] = await eventsAbout(t, "post.shared", original.id);
    expect(event).toEqual({ actor_id: sharer.userId, payload: { shareId: copy.id, communityId: other, originalAuthorId: insider.userId } });
    expect(await eventsAbout(t, "post.created", copy.id)).toHaveLength(1);
  });

  it("needs no comment", async () => {
    const original = await postThrough(insider, open, "Short and sweet");
    const response = await share(sharer, original.id, { communityId: other });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ body: "", html: "" });
  });

  it("shows the original only to those who may read it", async () => {
    const original = await postThrough(insider, closed, "Board minutes");
    const copy = (await share(sharer, original.id, { communityId: open, body: "Summary for all" })).json();
    expect((await readPost(sharer, copy.id)).shared).toMatchObject({ available: true, post: { id: original.id } });
    expect((await readPost(bystander, copy.id)).shared).toEqual({ available: false, post: null });
    expect((await bystander.inject({ method: "GET", url: `/api/v1/posts/${original.id}` })).statusCode).toBe(404);
  });

  it("stops showing the original once it is deleted", async () => {
    const original = await postThrough(insider, open, "Soon gone");
    const copy = (await share(sharer, original.id, { communityId: other })).json();
    expect((await insider.inject({ method: "DELETE", url: `/api/v1/posts/${original.id}` })).statusCode).toBe(204);
    expect((await readPost(sharer, copy.id)).shared).toEqual({ available: false, post: null });
  });

  it("links the first original when a share is shared, which takes being able to read it", async () => {
    const original = await postThrough(insider, closed, "Root");
    const first = (await share(sharer, original.id, { communityId: open })).json();
    const byOutsider = await share(bystander, first.id, { communityId: open });
    expect(byOutsider.statusCode).toBe(403);
    expect(byOutsider.json().error.code).toBe("forbidden");
    const again = (await share(sharer, first.id, { communityId: other })).json();
    expect(again.shared.post.id).toBe(original.id);
    const row = await t.db.selectFrom("posts").select("shared_post_id").where("id", "=", again.id).executeTakeFirstOrThrow();
    expect(row.shared_post_id).toBe(original.id);
  });

  it("is refused into a community one may not post in, and into the original's own community, writing nothing", async () => {
    const original = await postThrough(insider, open, "Shareable");
    const before = await streamRowCounts(t);
    const notMember = await share(insider, original.id, { communityId: other });
    expect(notMember.json().error.code).toBe("post_not_allowed");
    const sameCommunity = await share(sharer, original.id, { communityId: open });
    expect(sameCommunity.statusCode).toBe(400);
    expect(sameCommunity.json().error.details[0].field).toBe("communityId");
    const unknown = await share(sharer, original.id, { communityId: newId() });
    expect(unknown.json().error.code).toBe("community_not_found");
    expect(await streamRowCounts(t)).toEqual(before);
  });

  it("answers a post one may not read like an unknown one", async () => {
    const original = await postThrough(insider, closed, "Confidential");
    const hidden = await share(bystander, original.id, { communityId: open });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body).toBe((await share(bystander, newId(), { communityId: open })).body);
  });
});
