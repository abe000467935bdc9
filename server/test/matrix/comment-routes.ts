// Routes of a post's comments, reactions and poll, on the community grid: each cell acts on the
// post its community's owner made there (a community and post of its own for the routes that
// change something), or on the member's comment under it.
import type { ReactionKind } from "@ruche/contracts";
import type { LightMyRequestResponse } from "fastify";
import { signedOut } from "./global-kit.ts";
import { archivedRefusal, forbidden, manages, reads, roleIn, success, unauthenticated, type Cell, type Expected } from "./grid.ts";
import { SEEDED_REACTION, seededIn } from "./post-world.ts";
import { field, pageIncludes, personId, type CommunityRoute } from "./route-kit.ts";
import type { CommunityFixture } from "./world.ts";

type Target = "post" | "comment";

/** A post is read by whoever reads its community, until the community is deleted (for admins too). */
const readsPosts = (cell: Cell) => reads(cell) && cell.state !== "deleted";

/** The signed-out get 401; to those who may not read the post, it (or its comment) is exactly an unknown one. */
function onReadable(target: Target, rule: (cell: Cell) => Expected) {
  return (cell: Cell): Expected => {
    if (signedOut(cell.actor)) return unauthenticated;
    return readsPosts(cell) ? rule(cell) : { status: 404, code: `${target}_not_found`, sameAsUnknown: "id" };
  };
}

/** Commenting, reacting and voting: the community's members (its guests too, not admins who only read it), never while archived. */
function contributes(cell: Cell, done: Expected): Expected {
  if (cell.state === "archived") return archivedRefusal;
  return roleIn(cell) === null ? forbidden() : done;
}

const idOf = (target: Target, fixture: CommunityFixture) => (target === "post" ? seededIn(fixture).postId : seededIn(fixture).commentId);

/** A success whose body's `key` is `wanted`. */
const holds = (key: string, wanted: string) => (response: LightMyRequestResponse) =>
  field(response, (body) => body[key]) === wanted ? undefined : `the body's ${key} is not ${wanted}`;

/** A reaction change's answer: the actor's reactions, theirs alone in the counts, once the change is made. */
const reactionsAre = (mine: ReactionKind[]) => (response: LightMyRequestResponse) => {
  const counts = field(response, (body) => body.reactionCounts);
  const summary = { myReactions: field(response, (body) => body.myReactions), counts: Object.entries(counts ?? {}).sort() };
  const wanted = { myReactions: mine, counts: mine.map((kind) => [kind, 1]).sort() };
  return JSON.stringify(summary) === JSON.stringify(wanted) ? undefined : `the reactions are ${JSON.stringify(summary)}, not ${JSON.stringify(wanted)}`;
};

/** Reacting anew, taking back the seeded reaction, and listing who reacted (the member, on shared posts). */
function reactionRoutes(target: Target): Record<string, CommunityRoute> {
  const base = `/api/v1/${target}s/{id}/reactions`;
  return {
    [`PUT ${base}/{kind}`]: {
      writes: true,
      request: (fixture) => ({ params: { id: idOf(target, fixture), kind: "celebrate" } }),
      expect: onReadable(target, (cell) => contributes(cell, success(200, reactionsAre([SEEDED_REACTION, "celebrate"])))),
    },
    [`DELETE ${base}/{kind}`]: {
      writes: true,
      request: (fixture) => ({ params: { id: idOf(target, fixture), kind: SEEDED_REACTION } }),
      expect: onReadable(target, (cell) => contributes(cell, success(200, reactionsAre([])))),
    },
    [`GET ${base}`]: {
      writes: false,
      request: (fixture) => ({ params: { id: idOf(target, fixture) } }),
      expect: (cell, _fixture, people) => onReadable(target, () => success(200, pageIncludes(people.ids.member, personId)))(cell),
    },
  };
}

/** A vote's answer: the poll with only `optionId` chosen by the voter. */
const choseOnly = (optionId: string) => (response: LightMyRequestResponse) => {
  const options = field(response, (body) => body.options);
  const chosen = Array.isArray(options) ? options.filter((option: { chosen?: unknown }) => option.chosen === true).map((option: { id?: unknown }) => option.id) : [];
  return chosen.length === 1 && chosen[0] === optionId ? undefined : `the poll shows ${JSON.stringify(chosen)} chosen, not ${optionId}`;
};

const commentingRoutes: Record<string, CommunityRoute> = {
  "GET /api/v1/posts/{id}/comments": {
    writes: false,
    request: (fixture) => ({ params: { id: seededIn(fixture).postId } }),
    expect: (cell, fixture) => onReadable("post", () => success(200, pageIncludes(seededIn(fixture).commentId, (item) => item.id)))(cell),
  },
  "POST /api/v1/posts/{id}/comments": {
    writes: true,
    request: (fixture) => ({ params: { id: seededIn(fixture).postId }, json: { body: "Je m'en charge" } }),
    expect: (cell, fixture) => onReadable("post", (readable) => contributes(readable, success(201, holds("postId", seededIn(fixture).postId))))(cell),
  },
  // A link to one comment (a search result) reads it to find its post and parent.
  "GET /api/v1/comments/{id}": {
    writes: false,
    request: (fixture) => ({ params: { id: seededIn(fixture).commentId } }),
    expect: (cell, fixture) => onReadable("comment", () => success(200, holds("id", seededIn(fixture).commentId)))(cell),
  },
  // The comment is the member's: only they edit it; they, the managers and admins delete it, archived or not.
  "PATCH /api/v1/comments/{id}": {
    writes: true,
    request: (fixture) => ({ params: { id: seededIn(fixture).commentId }, json: { body: "Je prends le point 3" } }),
    expect: (cell, fixture) =>
      onReadable("comment", (readable) => {
        if (readable.state === "archived") return archivedRefusal;
        return readable.actor === "member" ? success(200, holds("id", seededIn(fixture).commentId)) : forbidden();
      })(cell),
  },
  "DELETE /api/v1/comments/{id}": {
    writes: true,
    request: (fixture) => ({ params: { id: seededIn(fixture).commentId } }),
    expect: onReadable("comment", (readable) => (readable.actor === "member" || manages(readable) ? success(204) : forbidden())),
  },
};

/** Voting for the second option replaces the seeded vote; taking a vote back removes it. */
const pollRoutes: Record<string, CommunityRoute> = {
  "POST /api/v1/posts/{id}/poll/votes": {
    writes: true,
    request: (fixture) => ({ params: { id: seededIn(fixture).postId }, json: { optionIds: [seededIn(fixture).optionIds[1]] } }),
    expect: (cell, fixture) => onReadable("post", (readable) => contributes(readable, success(200, choseOnly(seededIn(fixture).optionIds[1]))))(cell),
  },
  "DELETE /api/v1/posts/{id}/poll/votes": {
    writes: true,
    request: (fixture) => ({ params: { id: seededIn(fixture).postId } }),
    expect: onReadable("post", (readable) => contributes(readable, success(204))),
  },
};

export const commentRoutes: Record<string, CommunityRoute> = { ...commentingRoutes, ...reactionRoutes("post"), ...reactionRoutes("comment"), ...pollRoutes };
