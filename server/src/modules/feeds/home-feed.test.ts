import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import type { Browser } from "../../../test/factories.ts";
import { countingStatements } from "../../../test/statements.ts";
import { addMember, createThrough, personBrowser } from "../communities/testing.ts";
import { companyCommunityId } from "../posts/testing.ts";
import { readRecorder } from "./reads.ts";
import { listHomeFeed } from "./service.ts";
import { feedPage, insertPost, wholeFeed } from "./testing.ts";

let t: TestContext;
let alice: Browser;
let bob: Browser;
let carol: Browser;
let gina: Browser;
/** What alice's and gina's home feeds must show, newest first. */
const aliceSees: string[] = [];
const ginaSees: string[] = [];
let mineId: string;

async function send(browser: Browser, method: "PUT" | "POST" | "DELETE", url: string): Promise<void> {
  const response = await browser.inject({ method, url });
  expect(response.statusCode, response.body).toBeLessThan(300);
}

/**
 * Alice is a member of the company, of a public, a secret, an archived, a deleted and a left
 * community; she follows carol and the topic #rust. Gina is a guest in an external community
 * with bob, whom she follows. Posts are written oldest first; `aliceSees` and `ginaSees` list
 * those each must find.
 */
beforeAll(async () => {
  t = await createTestContext({ work: false });
  [alice, bob, carol] = [await personBrowser(t), await personBrowser(t), await personBrowser(t)];
  gina = await personBrowser(t, { role: "guest" });
  const admin = await personBrowser(t, { role: "admin" });
  const company = await companyCommunityId(t);
  const community = async (name: string, visibility: string, members: Browser[]) => {
    const { id } = await createThrough(bob, { name, visibility });
    for (const member of members) await addMember(t, id, member.userId);
    return id;
  };
  const mine = await community("Alice's club", "public", [alice]);
  const otherPublic = await community("Elsewhere", "public", [carol]);
  const closed = await community("Closed doors", "closed", [carol]);
  const secret = await community("Skunkworks", "secret", [carol]);
  const mySecret = await community("Alice's secret", "secret", [alice]);
  const archived = await community("Old project", "public", [alice]);
  const doomed = await community("Doomed", "public", [alice]);
  const left = await community("Left behind", "public", [alice]);
  const { id: external } = await createThrough(admin, { name: "Partners", kind: "external", visibility: "closed" });
  await addMember(t, external, bob.userId);
  await addMember(t, external, gina.userId);

  const post = async (input: Parameters<typeof insertPost>[1], seenBy: string[][] = []) => {
    const id = await insertPost(t, input);
    for (const list of seenBy) list.unshift(id);
    return id;
  };
  await post({ communityId: company, authorId: bob.userId }, [aliceSees]);
  await post({ communityId: mine, authorId: bob.userId }, [aliceSees]);
  await post({ communityId: otherPublic, authorId: bob.userId });
  await post({ communityId: otherPublic, authorId: carol.userId }, [aliceSees]);
  await post({ communityId: secret, authorId: carol.userId });
  await post({ communityId: mySecret, authorId: bob.userId }, [aliceSees]);
  await post({ communityId: closed, authorId: carol.userId, topics: ["Rust"] });
  await post({ communityId: otherPublic, authorId: bob.userId, topics: ["rust"] }, [aliceSees]);
  await post({ communityId: secret, authorId: bob.userId, topics: ["Rust"] });
  await post({ communityId: archived, authorId: bob.userId }, [aliceSees]);
  await post({ communityId: doomed, authorId: bob.userId });
  await post({ communityId: mine, authorId: bob.userId, deleted: true });
  await post({ communityId: left, authorId: bob.userId });
  await post({ communityId: external, authorId: bob.userId }, [ginaSees]);
  // Gina follows bob, but the company community is not a guest's to read.
  await post({ communityId: company, authorId: bob.userId }, [aliceSees]);
  // Alice's community, by a person and with a topic she follows: three sources, one item.
  await post({ communityId: mine, authorId: carol.userId, topics: ["RUST"] }, [aliceSees]);
  mineId = mine;

  await send(alice, "PUT", `/api/v1/people/${carol.userId}/follow`);
  await send(alice, "PUT", "/api/v1/topics/rust/follow");
  await send(gina, "PUT", `/api/v1/people/${bob.userId}/follow`);
  await send(bob, "POST", `/api/v1/communities/${archived}/archive`);
  await send(bob, "DELETE", `/api/v1/communities/${doomed}`);
  await send(alice, "POST", `/api/v1/communities/${left}/leave`);
});
afterAll(() => t.close());

describe("the home feed", () => {
  it("shows a member the posts of their communities, and of people and topics they follow where they may read them, each once, newest first", async () => {
    expect(await wholeFeed(alice, "/api/v1/feed")).toEqual(aliceSees);
  });

  it("shows a guest only their external community's posts, even from a person they follow", async () => {
    expect(await wholeFeed(gina, "/api/v1/feed")).toEqual(ginaSees);
  });

  it("gives the same posts page by page as at once, without repeating any", async () => {
    expect(await wholeFeed(alice, "/api/v1/feed", { limit: 2 })).toEqual(aliceSees);
  });

  it("keeps paging from where it was when newer posts arrive in between", async () => {
    const first = await feedPage(alice, "/api/v1/feed?limit=3");
    const newer = [await insertPost(t, { communityId: mineId, authorId: bob.userId }), await insertPost(t, { communityId: mineId, authorId: bob.userId })];
    const rest = await wholeFeed(alice, "/api/v1/feed", { limit: 3, cursor: first.nextCursor });
    expect([...first.items.map((post) => post.id), ...rest]).toEqual(aliceSees);
    expect((await feedPage(alice, "/api/v1/feed?limit=2")).items.map((post) => post.id)).toEqual(newer.reverse());
  });

  it("selects a page and presents its posts in one statement", async () => {
    const counted = countingStatements(t.db);
    const page = await listHomeFeed({ db: counted.db, reads: readRecorder(t.runtime) }, { id: alice.userId, role: "member" }, { limit: 3 });
    expect(counted.count()).toBe(1);
    expect(page.items.map((post) => post.id)).toEqual((await feedPage(alice, "/api/v1/feed?limit=3")).items.map((post) => post.id));
    expect(page.items).toHaveLength(3);
  });

  it("orders posts of the same instant by id, on a page and across pages", async () => {
    const instant = new Date(Date.parse("2030-01-01T00:00:00.123456Z"));
    const ids = [];
    for (let index = 0; index < 4; index += 1) ids.push(await insertPost(t, { communityId: mineId, authorId: bob.userId, createdAt: instant }));
    const expected = ids.sort().reverse();
    expect((await feedPage(alice, "/api/v1/feed?limit=4")).items.map((post) => post.id)).toEqual(expected);
    const first = await feedPage(alice, "/api/v1/feed?limit=1");
    const rest = await wholeFeed(alice, "/api/v1/feed", { limit: 1, cursor: first.nextCursor });
    expect([first.items[0]?.id, ...rest.slice(0, 3)]).toEqual(expected);
  });

  it("refuses a cursor it did not give out, naming the cursor", async () => {
    for (const cursor of ["not-a-cursor", Buffer.from(JSON.stringify(["2025-02-30T00:00:00.000000Z", aliceSees[0]])).toString("base64url")]) {
      const response = await alice.inject({ method: "GET", url: `/api/v1/feed?cursor=${cursor}` });
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toMatchObject({ code: "validation_failed", details: [{ field: "cursor" }] });
    }
  });

  it("refuses a page size out of bounds, naming the limit", async () => {
    const response = await alice.inject({ method: "GET", url: "/api/v1/feed?limit=0" });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe("limit");
  });
});
