// The posts the grid's comment, reaction and poll routes act on: one in each community of the
// grid, by its owner, with a member's comment, a single-choice poll, and one person's reaction
// and vote (what taking either back needs), inserted in bulk.
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import type { Db } from "../../src/platform/db.ts";
import { newId } from "../../src/platform/ids.ts";
import { allCells, KINDS, STATES, VISIBILITIES, type ActorKind, type Cell } from "./grid.ts";
import type { CommunityRoute } from "./route-kit.ts";
import { applyStates, insertFixtures, removeThroughApi, type CommunityFixture, type FixtureSpec, type People } from "./world.ts";

/** What a community of the grid holds for these routes. */
export interface SeededPost {
  postId: string;
  commentId: string;
  /** The poll's options; the reactor voted for the first. */
  optionIds: [string, string];
}

/** The reaction every reactor has on the post and on its comment. */
export const SEEDED_REACTION = "like";

const seeded = new Map<string, SeededPost>();

/** The post made in the fixture's community. */
export function seededIn(fixture: CommunityFixture): SeededPost {
  const post = seeded.get(fixture.id);
  if (!post) throw new Error(`nothing was posted in ${fixture.name}`);
  return post;
}

/** A community to post in, and who has reacted and voted there: nobody for anonymous cells. */
interface PostSeed {
  fixture: CommunityFixture;
  reactor: ActorKind;
}

/** Inserts each seed's post, comment, poll, reaction and vote, a statement per table. */
async function insertPosts(db: Db, people: People, seeds: PostSeed[]): Promise<void> {
  const rows = seeds.map(({ fixture, reactor }) => {
    const post: SeededPost = { postId: newId(), commentId: newId(), optionIds: [newId(), newId()] };
    seeded.set(fixture.id, post);
    return { fixture, post, reactorId: reactor === "anonymous" ? null : people.ids[reactor] };
  });
  const reacted = rows.flatMap((row) => (row.reactorId === null ? [] : [{ ...row.post, userId: row.reactorId }]));
  const countsOf = (reactorId: string | null) => JSON.stringify(reactorId === null ? {} : { [SEEDED_REACTION]: 1 });
  await db
    .insertInto("posts")
    .values(
      rows.map(({ fixture, post, reactorId }) => ({
        id: post.postId,
        community_id: fixture.id,
        author_id: people.ids.owner,
        body: "Ordre du jour",
        body_html: "<p>Ordre du jour</p>",
        comment_count: 1,
        reaction_counts: countsOf(reactorId),
      })),
    )
    .execute();
  await db
    .insertInto("comments")
    .values(
      rows.map(({ post, reactorId }) => ({
        id: post.commentId,
        post_id: post.postId,
        author_id: people.ids.member,
        body: "Je prends le point 2",
        body_html: "<p>Je prends le point 2</p>",
        reaction_counts: countsOf(reactorId),
      })),
    )
    .execute();
  await db
    .insertInto("polls")
    .values(rows.map(({ post }) => ({ post_id: post.postId, multiple: false, closes_at: null, results_visible: "after_vote" as const })))
    .execute();
  await db
    .insertInto("poll_options")
    .values(
      rows.flatMap(({ post, reactorId }) =>
        post.optionIds.map((id, position) => ({ id, post_id: post.postId, position, label: `Option ${position + 1}`, vote_count: position === 0 && reactorId ? 1 : 0 })),
      ),
    )
    .execute();
  if (reacted.length === 0) return;
  await db.insertInto("post_reactions").values(reacted.map((row) => ({ post_id: row.postId, user_id: row.userId, kind: SEEDED_REACTION }))).execute();
  await db.insertInto("comment_reactions").values(reacted.map((row) => ({ comment_id: row.commentId, user_id: row.userId, kind: SEEDED_REACTION }))).execute();
  await db.insertInto("poll_votes").values(reacted.map((row) => ({ option_id: row.optionIds[0], post_id: row.postId, user_id: row.userId }))).execute();
}

/** Each cell of a route, and the community (with its post) it runs on. */
export type GridCells = { cell: Cell; fixture: CommunityFixture }[];

const sharedKey = (fixture: Pick<Cell, "kind" | "visibility" | "state">) => `${fixture.kind} ${fixture.visibility} ${fixture.state}`;

/**
 * The communities and posts for `routes`: read-only routes share one community per kind,
 * visibility and state, where the member has reacted and voted; each cell of a writing route has
 * a community of its own, where the cell's actor has.
 */
export async function buildPostGrid(app: FastifyInstance, db: Db, input: { people: People; routes: Record<string, CommunityRoute> }): Promise<Map<string, GridCells>> {
  const { people, routes } = input;
  const cells = allCells(false);
  const specOf = (place: Pick<Cell, "kind" | "visibility" | "state">): FixtureSpec => ({ ...place, nonMemberRequest: false, nonMemberInvitation: false });
  const places = KINDS.flatMap((kind) => VISIBILITIES.flatMap((visibility) => STATES.map((state) => ({ kind, visibility, state }))));
  const writingCells = Object.keys(routes)
    .filter((label) => routes[label]?.writes)
    .flatMap((label) => cells.map((cell) => ({ label, cell })));
  const fixtures = await insertFixtures(db, people, [...places.map(specOf), ...writingCells.map(({ cell }) => specOf(cell))]);
  const shared = new Map(fixtures.slice(0, places.length).map((fixture) => [sharedKey(fixture), fixture]));
  const own = writingCells.map((entry, index) => ({ ...entry, fixture: fixtures[places.length + index] as CommunityFixture }));
  const removed = own.filter(({ cell }) => cell.actor === "removedMember").map(({ fixture }) => fixture);
  await removeThroughApi(app, people, [...shared.values(), ...removed]);
  const seeds = [...[...shared.values()].map((fixture) => ({ fixture, reactor: "member" as const })), ...own.map(({ cell, fixture }) => ({ fixture, reactor: cell.actor }))];
  await insertPosts(db, people, seeds);
  await applyStates(db, fixtures);
  const grid = new Map<string, GridCells>();
  for (const [label, spec] of Object.entries(routes)) {
    const list = spec.writes ? own.filter((entry) => entry.label === label) : cells.map((cell) => ({ cell, fixture: shared.get(sharedKey(cell)) as CommunityFixture }));
    grid.set(label, list.map(({ cell, fixture }) => ({ cell, fixture })));
  }
  return grid;
}

/**
 * How many outbox events concern the post in each of these communities, about the post itself or
 * a comment, reaction or vote on it: a refused change must add none.
 */
export async function postEventCounts(db: Db, communityIds: string[]): Promise<Map<string, number>> {
  const { rows } = await sql<{ community_id: string; count: string }>`
    select posts.community_id, count(*) as count
    from posts join events on events.subject_id = posts.id or events.payload ->> 'postId' = posts.id::text
    where posts.community_id = any(${communityIds}::uuid[])
    group by posts.community_id`.execute(db);
  return new Map(rows.map((row) => [row.community_id, Number(row.count)]));
}
