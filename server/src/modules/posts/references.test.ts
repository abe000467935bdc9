import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import { buildUser, type Browser } from "../../../test/factories.ts";
import { newId } from "../../platform/ids.ts";
import { addMember, createThrough, eventsAbout, personBrowser } from "../communities/testing.ts";
import { postThrough, readPost, streamRowCounts } from "./testing.ts";

let t: TestContext;
let author: Browser;
let colleague: { id: string };
let admin: Browser;
let guest: Browser;
let club: string;
let secret: string;

beforeAll(async () => {
  t = await createTestContext({ work: false });
  author = await personBrowser(t, { display_name: "Alice Author" });
  colleague = await buildUser(t.db, { display_name: "Zoé Martin" });
  admin = await personBrowser(t, { role: "admin" });
  guest = await personBrowser(t, { role: "guest", display_name: "Gus Guest" });
  club = (await createThrough(author, { name: "Readers club" })).id;
  await addMember(t, club, colleague.id);
  secret = (await createThrough(author, { name: "Inner circle", visibility: "secret" })).id;
});
afterAll(() => t.close());

const mention = (name: string, id: string) => `[@${name}](mention:${id})`;
const create = (browser: Browser, communityId: string, body: string) => browser.inject({ method: "POST", url: "/api/v1/posts", payload: { communityId, body } });

async function mentionedIn(postId: string): Promise<string[]> {
  const rows = await t.db.selectFrom("post_mentions").select("user_id").where("post_id", "=", postId).execute();
  return rows.map((row) => row.user_id);
}

/** Posts a body that must be refused as a 400 naming `body`, and checks nothing was written. */
async function expectBodyRefused(browser: Browser, communityId: string, body: string): Promise<void> {
  const before = await streamRowCounts(t);
  const response = await create(browser, communityId, body);
  expect(response.statusCode).toBe(400);
  expect(response.json().error).toMatchObject({ code: "validation_failed", details: [{ field: "body" }] });
  expect(await streamRowCounts(t)).toEqual(before);
}

describe("mentions", () => {
  it("link a person who may read the community, under their name, recorded and in the event", async () => {
    const post = await postThrough(author, club, `Thanks ${mention("Zoe", colleague.id)}!`);
    expect(post.html).toBe(`<p>Thanks <a class="mention" data-person-id="${colleague.id}" href="/people/${colleague.id}" rel="noopener nofollow ugc">@Zoé Martin</a>!</p>`);
    expect(await mentionedIn(post.id)).toEqual([colleague.id]);
    expect((await eventsAbout(t, "post.created", post.id))[0]?.payload.mentions).toEqual([colleague.id]);
  });

  it("show a person who may not read the community as plain text, notifying nobody", async () => {
    const post = await postThrough(author, secret, `Should we ask ${mention("Zoé", colleague.id)}?`);
    expect(post.html).toBe('<p>Should we ask <span class="mention-plain">@Zoé Martin</span>?</p>');
    expect(await mentionedIn(post.id)).toEqual([]);
    expect((await eventsAbout(t, "post.created", post.id))[0]?.payload.mentions).toEqual([]);
  });

  it("refuse an unknown person, naming body", async () => {
    await expectBodyRefused(author, club, `Hi ${mention("Nobody", newId())}`);
  });

  it("refuse a deactivated person", async () => {
    const departed = await buildUser(t.db, { status: "deactivated", deactivated_at: new Date() });
    await expectBodyRefused(author, club, `Bye ${mention("Gone", departed.id)}`);
  });

  it("refuse a malformed target, whatever follows mention:", async () => {
    for (const target of ["not-a-uuid", "", `${colleague.id}" onmouseover="alert(1)`]) await expectBodyRefused(author, club, `Hi [@x](mention:${target})`);
  });

  it("refuse, for a guest, someone outside their communities: a hidden person looks unknown", async () => {
    const external = (await createThrough(admin, { name: `Partners ${newId().slice(-6)}`, kind: "external", visibility: "closed" })).id;
    await addMember(t, external, guest.userId);
    await expectBodyRefused(guest, external, `Hello ${mention("Zoé", colleague.id)}`);
  });

  it("become plain text for a viewer who may not see the person mentioned", async () => {
    const external = (await createThrough(admin, { name: `Suppliers ${newId().slice(-6)}`, kind: "external", visibility: "closed" })).id;
    await addMember(t, external, guest.userId);
    await addMember(t, external, author.userId);
    // An administrator reads every community without belonging to it: the guest shares none with them.
    const auditor = await buildUser(t.db, { role: "admin", display_name: "Zoltan Auditor" });
    const post = await postThrough(author, external, `Ask ${mention("Zoltan", auditor.id)} or ${mention("Gus", guest.userId)}`);
    expect(post.html).toContain(`data-person-id="${auditor.id}"`);
    const seenByGuest = await readPost(guest, post.id);
    expect(seenByGuest.html).toBe(
      `<p>Ask <span class="mention-plain">@Zoltan Auditor</span> or <a class="mention" data-person-id="${guest.userId}" href="/people/${guest.userId}" rel="noopener nofollow ugc">@Gus Guest</a></p>`,
    );
  });
});

describe("topics", () => {
  it("make #Déconnexion and #deconnexion one topic, named as first written", async () => {
    const first = await postThrough(author, club, "Right to #Déconnexion");
    const second = await postThrough(author, club, "More on #deconnexion and #DECONNEXION");
    const topics = await t.db.selectFrom("topics").select(["slug", "name"]).where("slug", "=", "deconnexion").execute();
    expect(topics).toEqual([{ slug: "deconnexion", name: "Déconnexion" }]);
    expect(first.topics).toEqual([{ slug: "deconnexion", name: "Déconnexion" }]);
    expect(second.topics).toEqual([{ slug: "deconnexion", name: "Déconnexion" }]);
    expect(second.html).toContain('<a class="topic" href="/topics/deconnexion" rel="noopener nofollow ugc">#DECONNEXION</a>');
  });

  it("record each tagged post with its community and time, for the topic feed", async () => {
    const post = await postThrough(author, club, "#Lyon #Paris");
    const rows = await t.db
      .selectFrom("post_topics")
      .innerJoin("topics", "topics.id", "post_topics.topic_id")
      .select(["topics.slug", "post_topics.community_id", "post_topics.created_at"])
      .where("post_topics.post_id", "=", post.id)
      .orderBy("topics.slug")
      .execute();
    expect(rows.map((row) => [row.slug, row.community_id, row.created_at.toISOString()])).toEqual([
      ["lyon", club, post.createdAt],
      ["paris", club, post.createdAt],
    ]);
  });
});

describe("mention candidates", () => {
  const candidates = (browser: Browser, query: string) => browser.inject({ method: "GET", url: `/api/v1/mentions?${query}` });

  it("match a name or a word of it, accents and case aside, and tell who may read the community", async () => {
    const byFirstName = await candidates(author, `q=zoe&communityId=${secret}`);
    expect(byFirstName.statusCode, byFirstName.body).toBe(200);
    expect(byFirstName.json().items).toEqual([{ person: expect.objectContaining({ id: colleague.id, displayName: "Zoé Martin" }), canRead: false }]);
    const byLastName = await candidates(author, `q=MART&communityId=${club}`);
    expect(byLastName.json().items).toEqual([{ person: expect.objectContaining({ id: colleague.id }), canRead: true }]);
  });

  it("offer a guest only the people they share a community with", async () => {
    const names = (await candidates(guest, "q=z")).json().items.map((item: { person: { displayName: string } }) => item.person.displayName);
    expect(names).not.toContain("Zoé Martin");
    expect((await candidates(author, "q=z")).json().items.map((item: { person: { displayName: string } }) => item.person.displayName)).toContain("Zoé Martin");
  });

  it("answer a community one may not read like an unknown one", async () => {
    const outsider = await personBrowser(t);
    const hidden = await candidates(outsider, `q=zoe&communityId=${secret}`);
    const unknown = await candidates(outsider, `q=zoe&communityId=${newId()}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body).toBe(unknown.body);
  });

  it("refuse a missing query, naming q", async () => {
    const response = await candidates(author, "");
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe("q");
  });
});

describe("the composer's preview", () => {
  const preview = (browser: Browser, payload: Record<string, unknown>) => browser.inject({ method: "POST", url: "/api/v1/posts/preview", payload });

  it("renders as posting would, mentions and topics resolved for the community, writing nothing", async () => {
    const before = await streamRowCounts(t);
    const response = await preview(author, { body: `# Plan\n${mention("Z", colleague.id)} #Déconnexion`, communityId: secret });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().html).toBe(
      '<h3>Plan</h3>\n<p><span class="mention-plain">@Zoé Martin</span> <a class="topic" href="/topics/deconnexion" rel="noopener nofollow ugc">#Déconnexion</a></p>',
    );
    expect(await streamRowCounts(t)).toEqual(before);
  });

  it("shows a mention it cannot resolve as the text written, instead of refusing", async () => {
    const response = await preview(author, { body: `${mention("Typo", "nope")} ${mention("Ghost", newId())}` });
    expect(response.json().html).toBe('<p><span class="mention-plain">@Typo</span> <span class="mention-plain">@Ghost</span></p>');
  });

  it("answers a community one may not read like an unknown one", async () => {
    const outsider = await personBrowser(t);
    const hidden = await preview(outsider, { body: "x", communityId: secret });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body).toBe((await preview(outsider, { body: "x", communityId: newId() })).body);
  });
});
