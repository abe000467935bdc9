import type { Community } from "@ruche/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import { buildUser, signIn, type Browser } from "../../../test/factories.ts";
import { newId } from "../../platform/ids.ts";
import type { CommunityKind, CommunityRole, CommunityVisibility, NetworkRole } from "../../platform/schema.ts";
import type { Viewer } from "../people/policy.ts";
import { can, roleOf, visibleCommunities, type CommunityFacts } from "./policy.ts";
import { factsOf } from "./present.ts";
import { findVisibleCommunities } from "./repository.ts";
import { inParallel } from "../../../test/matrix/world.ts";
import { seededRandom } from "../../../test/random.ts";

// A fixed seed: a failure names pairs that the next run rebuilds exactly.
const SEED = 20_240_917;
const ACTOR_COUNT = 110;
const COMMUNITY_COUNT = 130;
const KINDS: CommunityKind[] = ["company", "interest", "profession", "project", "external"];
const VISIBILITIES: CommunityVisibility[] = ["public", "closed", "secret"];
const ROLES: CommunityRole[] = ["owner", "manager", "member"];
const WORDS = ["zinnia", "basalte", "mistral", "lagune", "orchidee", "sequoia", "cobalt", "fjord", "toundra", "volcan", "azalee", "granit"];

const { pick, chance } = seededRandom(SEED);

interface Actor extends Viewer {
  active: boolean;
  browser: Browser;
}

interface CommunityRecord {
  id: string;
  name: string;
  kind: CommunityKind;
  visibility: CommunityVisibility;
  archived: boolean;
  deleted: boolean;
}

let t: TestContext;
const actors: Actor[] = [];
let communities: CommunityRecord[] = [];
/** Facts read straight from the tables, by actor id then community id. */
const facts = new Map<string, Map<string, CommunityFacts>>();

async function seedActors(): Promise<void> {
  for (let index = 0; index < ACTOR_COUNT; index += 1) {
    const role: NetworkRole = index < 10 ? "admin" : index < 35 ? "guest" : "member";
    const { id } = await buildUser(t.db, { role, display_name: `Consistency ${index}` });
    // One in eight is deactivated after their session opened (admins and guests included): the session must stop working.
    const active = index % 8 !== 3;
    const browser = await signIn(t.app, t.db, id);
    if (!active) await t.db.updateTable("users").set({ status: "deactivated", deactivated_at: new Date() }).where("id", "=", id).execute();
    actors.push({ id, role, active, browser });
  }
}

/** Communities of every kind, visibility and state; company ones are public, as the service insists. */
async function seedCommunities(): Promise<void> {
  const rows = Array.from({ length: COMMUNITY_COUNT }, (_, index) => {
    const kind = KINDS[index % KINDS.length] as CommunityKind;
    const state = pick(["live", "live", "archived", "deleted"] as const);
    return {
      id: newId(),
      kind,
      visibility: kind === "company" ? ("public" as const) : (VISIBILITIES[Math.floor(index / KINDS.length) % VISIBILITIES.length] as CommunityVisibility),
      name: `${pick(["Atelier", "Cercle", "Club", "Réseau"])} ${pick(WORDS)} ${index}`,
      posting_policy: pick(["all", "managers"] as const),
      archived_at: state === "archived" ? new Date() : null,
      deleted_at: state === "deleted" ? new Date() : null,
    };
  });
  await t.db.insertInto("communities").values(rows).execute();
}

/**
 * Random roles (guests mostly in external communities, a few elsewhere, which must change
 * nothing), pending and answered invitations, pending requests, and required charters.
 */
async function seedRelations(): Promise<void> {
  const all = await t.db.selectFrom("communities").select(["id", "kind"]).execute();
  const members: { community_id: string; user_id: string; role: CommunityRole }[] = [];
  const invitations: { id: string; community_id: string; user_id: string; status: "pending" | "declined" }[] = [];
  const requests: { id: string; community_id: string; user_id: string; status: "pending" | "refused" }[] = [];
  for (const actor of actors) {
    for (const community of all) {
      const joinChance = actor.role === "guest" ? (community.kind === "external" ? 0.3 : 0.03) : 0.15;
      if (chance(joinChance)) members.push({ community_id: community.id, user_id: actor.id, role: pick(ROLES) });
      else if (chance(0.06)) invitations.push({ id: newId(), community_id: community.id, user_id: actor.id, status: pick(["pending", "declined"] as const) });
      else if (chance(0.05)) requests.push({ id: newId(), community_id: community.id, user_id: actor.id, status: pick(["pending", "refused"] as const) });
    }
  }
  await t.db.insertInto("community_members").values(members).execute();
  await t.db.insertInto("community_invitations").values(invitations).execute();
  await t.db.insertInto("community_requests").values(requests).execute();
  const chartered = all.filter(() => chance(0.3));
  await t.db
    .insertInto("community_charters")
    .values(chartered.map((community) => ({ community_id: community.id, version: 1, text: "Our rules.", required: chance(0.7) })))
    .execute();
  await t.db.updateTable("communities").set({ charter_version: 1 }).where("id", "in", chartered.map((community) => community.id)).execute();
  const acceptances = members.filter((member) => chartered.some((community) => community.id === member.community_id) && chance(0.5));
  await t.db
    .insertInto("charter_acceptances")
    .values(acceptances.map((member) => ({ community_id: member.community_id, user_id: member.user_id, version: 1 })))
    .execute();
}

/** What the policy needs, read from the tables themselves rather than through the repository. */
async function readFacts(): Promise<void> {
  const rows = await t.db.selectFrom("communities").selectAll().execute();
  communities = rows.map((row) => ({
    id: row.id,
    name: row.name,
    kind: row.kind,
    visibility: row.visibility,
    archived: row.archived_at !== null,
    deleted: row.deleted_at !== null,
  }));
  const members = await t.db.selectFrom("community_members").select(["community_id", "user_id", "role"]).execute();
  const invited = await t.db.selectFrom("community_invitations").select(["community_id", "user_id"]).where("status", "=", "pending").execute();
  const charters = await t.db.selectFrom("community_charters").select(["community_id", "version", "required"]).execute();
  const accepted = await t.db.selectFrom("charter_acceptances").select(["community_id", "user_id", "version"]).execute();
  const key = (communityId: string, userId: string | null) => `${communityId} ${userId}`;
  const roleBy = new Map(members.map((row) => [key(row.community_id, row.user_id), row.role]));
  const invitedBy = new Set(invited.map((row) => key(row.community_id, row.user_id)));
  const acceptedBy = new Set(accepted.map((row) => `${key(row.community_id, row.user_id)} ${row.version}`));
  for (const actor of actors) {
    const byCommunity = new Map<string, CommunityFacts>();
    for (const row of rows) {
      const charter = charters.find((candidate) => candidate.community_id === row.id && candidate.version === row.charter_version);
      byCommunity.set(row.id, {
        kind: row.kind,
        visibility: row.visibility,
        archived: row.archived_at !== null,
        deleted: row.deleted_at !== null,
        explicitRole: roleBy.get(key(row.id, actor.id)) ?? null,
        invited: invitedBy.has(key(row.id, actor.id)),
        postingPolicy: row.posting_policy,
        charterRequired: charter?.required === true,
        charterAccepted: acceptedBy.has(`${key(row.id, actor.id)} ${row.charter_version}`),
      });
    }
    facts.set(actor.id, byCommunity);
  }
}

beforeAll(async () => {
  t = await createTestContext({ work: false });
  await seedActors();
  await seedCommunities();
  await seedRelations();
  await readFacts();
}, 120_000);
afterAll(() => t.close());

const factsOfPair = (actor: Actor, communityId: string) => facts.get(actor.id)?.get(communityId) as CommunityFacts;
const sees = (actor: Actor, community: CommunityRecord) => can(actor, "see", factsOfPair(actor, community.id));
/** The directory shows what one may see, deleted communities aside (admins ask for those apart). */
const listed = (actor: Actor, community: CommunityRecord) => sees(actor, community) && !community.deleted;
const activeActors = () => actors.filter((actor) => actor.active);

/** Every item of a list, page by page: no page over the limit, no item twice, and a last page without a cursor. */
async function allPages(actor: Actor, url: string, limit = 7): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 200; page += 1) {
    const separator = url.includes("?") ? "&" : "?";
    const response = await actor.browser.inject({ method: "GET", url: `${url}${separator}limit=${limit}${cursor ? `&cursor=${cursor}` : ""}` });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<{ items: Community[]; nextCursor: string | null }>();
    expect(body.items.length).toBeLessThanOrEqual(limit);
    ids.push(...body.items.map((item) => item.id));
    cursor = body.nextCursor;
    if (!cursor) break;
  }
  expect(cursor, `${url} never ended`).toBeNull();
  expect(new Set(ids).size, `${url} listed an item twice`).toBe(ids.length);
  return ids;
}

const sorted = (ids: Iterable<string>) => [...ids].sort();
const idsWhere = (predicate: (community: CommunityRecord) => boolean) => sorted(communities.filter(predicate).map((community) => community.id));

describe("the communities policy on thousands of random actor and community pairs", () => {
  const ACTIONS = ["see", "read", "join", "leave", "manage", "delete", "post"] as const;

  it("covers at least 10,000 pairs, every kind, visibility and state, and every network role", () => {
    expect(actors.length * communities.length).toBeGreaterThanOrEqual(10_000);
    expect(new Set(communities.map((community) => `${community.kind} ${community.visibility}`)).size).toBe(13);
    expect(communities.some((community) => community.archived) && communities.some((community) => community.deleted)).toBe(true);
    expect(new Set(actors.map((actor) => `${actor.role} ${actor.active}`)).size).toBe(6);
  });

  it("answers can(see) exactly as the SQL filter does, for every pair", async () => {
    const problems: string[] = [];
    for (const actor of actors) {
      const rows = await t.db.selectFrom("communities").select("id").where(visibleCommunities(actor)).execute();
      const filtered = new Set(rows.map((row) => row.id));
      for (const community of communities) {
        if (sees(actor, community) !== filtered.has(community.id)) problems.push(`${actor.role} ${actor.id} on ${community.name}: can(see) ${sees(actor, community)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("reads through the repository the same facts as the tables hold, so every action gets the same answer", async () => {
    const problems: string[] = [];
    const ids = communities.map((community) => community.id);
    for (const actor of actors) {
      const rows = new Map((await findVisibleCommunities(t.db, actor, ids)).map((row) => [row.id, row]));
      for (const community of communities) {
        const row = rows.get(community.id);
        const expected = factsOfPair(actor, community.id);
        if (Boolean(row) !== sees(actor, community)) problems.push(`${actor.role} ${actor.id} on ${community.name}: found ${Boolean(row)}`);
        if (!row) continue;
        const disagreeing = ACTIONS.filter((action) => can(actor, action, factsOf(row)) !== can(actor, action, expected));
        if (disagreeing.length > 0) problems.push(`${actor.role} ${actor.id} on ${community.name}: ${disagreeing.join(", ")} differ`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("lists in the directory, seven at a time, exactly the communities each actor may see", async () => {
    await inParallel(activeActors(), 4, async (actor) => {
      expect(sorted(await allPages(actor, "/api/v1/communities")), `${actor.role} ${actor.id}`).toEqual(idsWhere((community) => listed(actor, community)));
      const deleted = sorted(await allPages(actor, "/api/v1/communities?deleted=true"));
      expect(deleted, `${actor.role} ${actor.id}, deleted`).toEqual(actor.role === "admin" ? idsWhere((community) => community.deleted) : []);
    });
  }, 60_000);

  it("keeps mine, invited, each kind and a word of the name within what each actor may see", async () => {
    await inParallel(activeActors(), 4, async (actor) => {
      const word = WORDS[actors.indexOf(actor) % WORDS.length] as string;
      const lists: [string, (community: CommunityRecord) => boolean][] = [
        ["mine=true", (community) => roleOf(actor, factsOfPair(actor, community.id)) !== null],
        ["invited=true", (community) => factsOfPair(actor, community.id).invited],
        [`q=${word}`, (community) => community.name.toLowerCase().includes(word)],
        ...KINDS.map((kind): [string, (community: CommunityRecord) => boolean] => [`kind=${kind}`, (community) => community.kind === kind]),
      ];
      for (const [query, matches] of lists) {
        const expected = idsWhere((community) => listed(actor, community) && matches(community));
        expect(sorted(await allPages(actor, `/api/v1/communities?${query}`)), `${actor.role} ${actor.id}, ${query}`).toEqual(expected);
      }
    });
  }, 60_000);

  it("suggests only live communities the actor may see and has neither joined nor asked to join", async () => {
    const pending = await t.db.selectFrom("community_requests").select(["community_id", "user_id"]).where("status", "=", "pending").execute();
    const asked = new Set(pending.map((row) => `${row.community_id} ${row.user_id}`));
    await inParallel(activeActors(), 4, async (actor) => {
      const eligible = idsWhere((community) => {
        const pair = factsOfPair(actor, community.id);
        const joinable = community.visibility !== "secret" && community.kind !== "company" && !community.archived && !community.deleted;
        return actor.role !== "guest" && sees(actor, community) && joinable && pair.explicitRole === null && !asked.has(`${community.id} ${actor.id}`);
      });
      const response = await actor.browser.inject({ method: "GET", url: "/api/v1/communities/suggested?limit=20" });
      const suggested = response.json<{ items: Community[] }>().items.map((item) => item.id);
      expect(suggested.filter((id) => !eligible.includes(id)), `${actor.role} ${actor.id}`).toEqual([]);
      expect(suggested.length).toBe(Math.min(20, eligible.length));
    });
  });

  it("answers a community and its members by id as the policy says, a hidden one exactly as an unknown one", async () => {
    const problems: string[] = [];
    const samples = activeActors().map((actor) => ({ actor, sample: Array.from({ length: 12 }, () => pick(communities)) }));
    await inParallel(samples, 4, async ({ actor, sample }) => {
      const unknown = (await actor.browser.inject({ method: "GET", url: `/api/v1/communities/${newId()}` })).body;
      for (const community of sample) {
        const problem = await byIdProblem(actor, community, unknown);
        if (problem) problems.push(`${actor.role} ${actor.id} on ${community.name}: ${problem}`);
      }
    });
    expect(problems).toEqual([]);
  }, 60_000);

  it("answers nothing but 401 to a deactivated actor's session", async () => {
    for (const actor of actors.filter((candidate) => !candidate.active)) {
      const response = await actor.browser.inject({ method: "GET", url: "/api/v1/communities" });
      expect(response.json().error.code).toBe("authentication_required");
    }
  });
});

/** What is wrong with the answers about one community, by id and its members, for one actor. */
async function byIdProblem(actor: Actor, community: CommunityRecord, unknownBody: string): Promise<string | undefined> {
  const pair = factsOfPair(actor, community.id);
  const response = await actor.browser.inject({ method: "GET", url: `/api/v1/communities/${community.id}` });
  const members = await actor.browser.inject({ method: "GET", url: `/api/v1/communities/${community.id}/members` });
  if (!can(actor, "see", pair)) {
    if (response.body !== unknownBody || members.statusCode !== 404) return `hidden, yet answered ${response.statusCode} and ${members.statusCode} for members`;
    return undefined;
  }
  if (response.statusCode !== 200) return `visible, yet answered ${response.statusCode}`;
  const body = response.json<Community>();
  const shown = { myRole: body.myRole, counted: body.memberCount !== null, canPost: body.canPost, canManage: body.canManage };
  const expected = { myRole: roleOf(actor, pair), counted: can(actor, "read", pair), canPost: can(actor, "post", pair), canManage: can(actor, "manage", pair) };
  if (JSON.stringify(shown) !== JSON.stringify(expected)) return `shows ${JSON.stringify(shown)}, expected ${JSON.stringify(expected)}`;
  const membersStatus = can(actor, "read", pair) ? 200 : 403;
  return members.statusCode === membersStatus ? undefined : `members answered ${members.statusCode}, expected ${membersStatus}`;
}
