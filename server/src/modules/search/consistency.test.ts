import type { SearchHit } from "@ruche/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import { buildUser, signIn, type Browser } from "../../../test/factories.ts";
import { inParallel } from "../../../test/matrix/world.ts";
import { newId } from "../../platform/ids.ts";
import type { CommunityKind, CommunityRole, CommunityVisibility, NetworkRole } from "../../platform/schema.ts";
import { can as canCommunity, type CommunityFacts } from "../communities/policy.ts";
import type { Viewer } from "../people/policy.ts";
import { can as canPost } from "../posts/policy.ts";
import { CANDIDATES } from "./repository.ts";
import { allResults } from "./testing.ts";
import { seededRandom } from "../../../test/random.ts";

// Search against the single-object policies on a seeded random world: every hit is readable, and
// every readable match is found. A fixed seed: a failure names what the next run rebuilds exactly.
const SEED = 20_251_128;
const ACTOR_COUNT = 40;
const COMMUNITY_COUNT = 45;
const KINDS: CommunityKind[] = ["company", "interest", "profession", "project", "external"];
const VISIBILITIES: CommunityVisibility[] = ["public", "closed", "secret"];
const ROLES: CommunityRole[] = ["owner", "manager", "member"];
const WORDS = ["zinnia", "basalte", "mistral", "lagune", "orchidee", "sequoia", "cobalt", "fjord"];

const { pick, chance } = seededRandom(SEED);
/** Two different words of the list, so that posts share words across communities. */
const twoWords = () => {
  const first = pick(WORDS);
  return [first, pick(WORDS.filter((word) => word !== first))];
};

interface Actor extends Viewer {
  active: boolean;
  browser: Browser;
}

interface Text {
  id: string;
  communityId: string;
  authorId: string;
  words: string[];
  deleted: boolean;
  /** For comments: the post they are on. */
  postId?: string;
}

let t: TestContext;
const actors: Actor[] = [];
const communities: { id: string; name: string; words: string[]; kind: CommunityKind; visibility: CommunityVisibility; archived: boolean; deleted: boolean }[] = [];
const roles = new Map<string, CommunityRole>();
const invitations = new Set<string>();
const posts: Text[] = [];
const comments: Text[] = [];
const postById = new Map<string, Text>();
const key = (communityId: string, userId: string) => `${communityId} ${userId}`;

async function seedActors(): Promise<void> {
  for (let index = 0; index < ACTOR_COUNT; index += 1) {
    const role: NetworkRole = index < 5 ? "admin" : index < 15 ? "guest" : "member";
    const { id } = await buildUser(t.db, { role, display_name: `Searcher ${index}`, language: pick(["fr", "en"] as const) });
    actors.push({ id, role, active: index % 9 !== 4, browser: await signIn(t.app, t.db, id) });
  }
}

/** Communities of every kind, visibility and state, named with one of the words; company ones are public. */
async function seedCommunities(): Promise<void> {
  for (let index = 0; index < COMMUNITY_COUNT; index += 1) {
    const kind = KINDS[index % KINDS.length] as CommunityKind;
    const state = pick(["live", "live", "archived", "deleted"] as const);
    const word = pick(WORDS);
    communities.push({
      id: newId(),
      name: `Cercle ${word} ${index}`,
      words: [word],
      kind,
      visibility: kind === "company" ? "public" : (VISIBILITIES[Math.floor(index / KINDS.length) % VISIBILITIES.length] as CommunityVisibility),
      archived: state === "archived",
      deleted: state === "deleted",
    });
  }
  await t.db
    .insertInto("communities")
    .values(
      communities.map((community) => ({
        id: community.id,
        kind: community.kind,
        visibility: community.visibility,
        name: community.name,
        archived_at: community.archived ? new Date() : null,
        deleted_at: community.deleted ? new Date() : null,
      })),
    )
    .execute();
}

/** Random roles (guests mostly in external communities) and pending invitations, which show a secret community but never open it. */
async function seedRelations(): Promise<void> {
  const members: { community_id: string; user_id: string; role: CommunityRole }[] = [];
  const invited: { id: string; community_id: string; user_id: string; status: "pending" }[] = [];
  for (const actor of actors) {
    for (const community of communities) {
      const joinChance = actor.role === "guest" ? (community.kind === "external" ? 0.35 : 0.03) : 0.2;
      if (chance(joinChance)) {
        const role = pick(ROLES);
        members.push({ community_id: community.id, user_id: actor.id, role });
        roles.set(key(community.id, actor.id), role);
      } else if (chance(0.08)) {
        invited.push({ id: newId(), community_id: community.id, user_id: actor.id, status: "pending" });
        invitations.add(key(community.id, actor.id));
      }
    }
  }
  await t.db.insertInto("community_members").values(members).execute();
  await t.db.insertInto("community_invitations").values(invited).execute();
}

/** Posts and comments sharing the words, some deleted; their authors are anyone, deactivated people included. */
async function seedTexts(): Promise<void> {
  for (const community of communities) {
    for (let index = 0; index < 4; index += 1) {
      posts.push({ id: newId(), communityId: community.id, authorId: pick(actors).id, words: twoWords(), deleted: chance(0.15) });
    }
  }
  for (const post of posts) {
    for (let index = 0; index < 2; index += 1) {
      if (chance(0.6)) comments.push({ id: newId(), postId: post.id, communityId: post.communityId, authorId: pick(actors).id, words: twoWords(), deleted: chance(0.15) });
    }
  }
  const body = (text: Text) => `Notes ${text.words.join(" et ")}`;
  await t.db
    .insertInto("posts")
    .values(posts.map((post) => ({ id: post.id, community_id: post.communityId, author_id: post.authorId, body: body(post), body_html: `<p>${body(post)}</p>`, deleted_at: post.deleted ? new Date() : null })))
    .execute();
  await t.db
    .insertInto("comments")
    .values(comments.map((comment) => ({ id: comment.id, post_id: comment.postId as string, author_id: comment.authorId, body: body(comment), body_html: `<p>${body(comment)}</p>`, deleted_at: comment.deleted ? new Date() : null })))
    .execute();
}

beforeAll(async () => {
  t = await createTestContext({ work: false });
  await seedActors();
  await seedCommunities();
  await seedRelations();
  await seedTexts();
  for (const post of posts) postById.set(post.id, post);
  // Deactivated after their texts were written: their texts stay, their sessions stop.
  const inactive = actors.filter((actor) => !actor.active).map((actor) => actor.id);
  await t.db.updateTable("users").set({ status: "deactivated", deactivated_at: new Date() }).where("id", "in", inactive).execute();
}, 120_000);
afterAll(() => t.close());

function factsFor(actor: Actor, communityId: string): CommunityFacts {
  const community = communities.find((candidate) => candidate.id === communityId);
  if (!community) throw new Error(`no community ${communityId}`);
  return {
    kind: community.kind,
    visibility: community.visibility,
    archived: community.archived,
    deleted: community.deleted,
    explicitRole: roles.get(key(community.id, actor.id)) ?? null,
    invited: invitations.has(key(community.id, actor.id)),
    postingPolicy: "all",
    charterRequired: false,
    charterAccepted: false,
  };
}

const reads = (actor: Actor, post: Text) => canPost(actor, "read", { community: factsFor(actor, post.communityId), authorId: post.authorId, deleted: post.deleted });
const readsComment = (actor: Actor, comment: Text) => !comment.deleted && reads(actor, postById.get(comment.postId as string) as Text);
const sorted = (ids: string[]) => [...ids].sort();
const activeActors = () => actors.filter((actor) => actor.active);

describe("search and the policies, on a random world", () => {
  it("holds every role, kind, visibility and state, and few enough matches a word for the candidate window", () => {
    expect(new Set(actors.map((actor) => `${actor.role} ${actor.active}`)).size).toBe(6);
    expect(new Set(communities.map((community) => `${community.kind} ${community.visibility}`)).size).toBe(13);
    expect(communities.some((community) => community.archived) && communities.some((community) => community.deleted)).toBe(true);
    for (const word of WORDS) {
      const matching = [...posts, ...comments].filter((text) => text.words.includes(word));
      expect(matching.length).toBeLessThan(CANDIDATES);
      expect(matching.length).toBeGreaterThan(10);
    }
  });

  it("finds, for every actor and word, exactly the posts and comments the single-object policies let them read", async () => {
    const problems: string[] = [];
    let checked = 0;
    await inParallel(activeActors(), 3, async (actor) => {
      for (const word of WORDS) {
        const hits = await allResults(actor.browser, { q: word, kind: "post" }, 50);
        const found = hits.map((hit: SearchHit) => hit.id);
        const expected = posts.filter((post) => post.words.includes(word) && reads(actor, post)).map((post) => post.id);
        const commentHits = (await allResults(actor.browser, { q: word, kind: "comment" }, 50)).map((hit: SearchHit) => hit.id);
        const expectedComments = comments.filter((comment) => comment.words.includes(word) && readsComment(actor, comment)).map((comment) => comment.id);
        const unreadable = [...found.filter((id) => !expected.includes(id)), ...commentHits.filter((id) => !expectedComments.includes(id))];
        const missing = [...expected.filter((id) => !found.includes(id)), ...expectedComments.filter((id) => !commentHits.includes(id))];
        if (unreadable.length > 0) problems.push(`${actor.role} ${actor.id} "${word}": found unreadable ${unreadable.join(", ")}`);
        if (missing.length > 0) problems.push(`${actor.role} ${actor.id} "${word}": missed readable ${missing.join(", ")}`);
        checked += expected.length + expectedComments.length;
      }
    });
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(500);
  }, 120_000);

  it("finds, for every actor and word, exactly the live communities they may see by name", async () => {
    const problems: string[] = [];
    await inParallel(activeActors(), 3, async (actor) => {
      for (const word of WORDS) {
        const found = sorted((await allResults(actor.browser, { q: word, kind: "community" }, 50)).map((hit: SearchHit) => hit.id));
        const expected = sorted(
          communities.filter((community) => community.words.includes(word) && !community.deleted && canCommunity(actor, "see", factsFor(actor, community.id))).map((community) => community.id),
        );
        if (JSON.stringify(found) !== JSON.stringify(expected)) problems.push(`${actor.role} ${actor.id} "${word}": found ${found.length}, expected ${expected.length}`);
      }
    });
    expect(problems).toEqual([]);
  }, 60_000);

  it("only ever finds posts their searcher opens: GET /api/v1/posts/:id answers 200 for a sample of hits of every kind", async () => {
    const problems: string[] = [];
    await inParallel(activeActors(), 3, async (actor) => {
      const hits = await allResults(actor.browser, { q: pick(WORDS) }, 50);
      for (const hit of hits.filter((candidate) => candidate.postId !== null).slice(0, 8)) {
        const response = await actor.browser.inject({ method: "GET", url: `/api/v1/posts/${hit.postId}` });
        if (response.statusCode !== 200) problems.push(`${actor.role} ${actor.id}: ${hit.kind} ${hit.id} opens with ${response.statusCode}`);
      }
    });
    expect(problems).toEqual([]);
  }, 60_000);

  it("answers nothing but 401 to a deactivated actor's session", async () => {
    for (const actor of actors.filter((candidate) => !candidate.active)) {
      const response = await actor.browser.inject({ method: "GET", url: `/api/v1/search?q=${WORDS[0]}` });
      expect(response.json().error.code).toBe("authentication_required");
    }
  });
});
