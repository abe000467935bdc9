import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMember, createThrough, personBrowser } from "../src/modules/communities/testing.ts";
import { newId } from "../src/platform/ids.ts";
import { createTestContext } from "./context.ts";
import type { Browser } from "./factories.ts";
import { attachmentRoutes } from "./matrix/attachment-routes.ts";
import { commentRoutes } from "./matrix/comment-routes.ts";
import { communityRoutes } from "./matrix/community-routes.ts";
import { feedGlobalRoutes } from "./matrix/feed-routes.ts";
import { accountRoutes } from "./matrix/global-account-routes.ts";
import { directoryRoutes } from "./matrix/global-directory-routes.ts";
import { disconnectGlobalRoutes } from "./matrix/disconnect-routes.ts";
import { actorsAround, type GlobalRoute } from "./matrix/global-kit.ts";
import { ACTORS, allCells, KINDS, STATES, VISIBILITIES, type Cell } from "./matrix/grid.ts";
import { buildPostGrid, postEventCounts, type GridCells } from "./matrix/post-world.ts";
import { notificationGlobalRoutes } from "./matrix/notification-routes.ts";
import { unsubscribeGlobalRoutes } from "./matrix/unsubscribe-routes.ts";
import { postRoutes } from "./matrix/post-routes.ts";
import { schedulingRoutes } from "./matrix/scheduling-routes.ts";
import { searchGlobalRoutes } from "./matrix/search-routes.ts";
import { pushGlobalRoutes } from "./matrix/push-routes.ts";
import type { CommunityRoute } from "./matrix/route-kit.ts";
import { CommunityRouteRunner, runGlobalCell } from "./matrix/run.ts";
import {
  applyStates,
  buildPeople,
  eventCounts,
  inParallel,
  insertFixtures,
  removeThroughApi,
  requestsSent,
  uploadCovers,
  type CommunityFixture,
  type FixtureSpec,
} from "./matrix/world.ts";
import { discoverRoutes, type ApiRoute } from "./openapi-routes.ts";
import { makeImage } from "./uploads.ts";

// The community grid and the global routes each get a database of their own, so the directory
// the global routes list is small enough to read whole.
const t = await createTestContext({ work: false });
const outside = await createTestContext({ work: false });
const routes = await discoverRoutes(t.app);
const documented = new Map(routes.map((route) => [route.label, route]));
const globalRoutes: Record<string, GlobalRoute> = { ...accountRoutes, ...directoryRoutes, ...attachmentRoutes, ...feedGlobalRoutes, ...postRoutes, ...notificationGlobalRoutes, ...unsubscribeGlobalRoutes, ...disconnectGlobalRoutes, ...schedulingRoutes, ...pushGlobalRoutes, ...searchGlobalRoutes };
const image = await makeImage("png", 40, 30);
const cellsRun = new Map<string, number>();
const people = await buildPeople(t.app, t.db, "Grid");

/** Routes both documented and in the table; a mismatch fails the coverage test instead. */
const communityLabels = Object.keys(communityRoutes).filter((label) => documented.has(label));
const globalLabels = Object.keys(globalRoutes).filter((label) => documented.has(label));
const commentLabels = Object.keys(commentRoutes).filter((label) => documented.has(label));

afterAll(async () => {
  const summary = [...cellsRun].map(([label, count]) => `${count.toString().padStart(5)}  ${label}`).join("\n");
  console.info(`authorization matrix: ${requestsSent()} requests; cells per route:\n${summary}`);
  await outside.close();
  await t.close();
});

const isCommunityScoped = (label: string) => label.includes("/api/v1/communities/{id}");

describe("the authorization matrix", () => {
  it("has an entry for every route of the OpenAPI document, and none for a route that is gone", () => {
    const labels = routes.map((route) => route.label);
    const missing = labels.filter((label) => !(isCommunityScoped(label) ? communityRoutes[label] : (globalRoutes[label] ?? commentRoutes[label])));
    const gone = [...Object.keys(communityRoutes), ...Object.keys(globalRoutes), ...Object.keys(commentRoutes)].filter((label) => !documented.has(label));
    const misplaced = [...Object.keys(globalRoutes), ...Object.keys(commentRoutes)].filter(isCommunityScoped);
    expect({ missing, gone, misplaced }).toEqual({ missing: [], gone: [], misplaced: [] });
  });
});

describe("community routes: every actor x visibility x state, on an interest and an external community", () => {
  const runner = new CommunityRouteRunner({ app: t.app, people, image });
  const shared = new Map<string, CommunityFixture>();
  const own = new Map<string, Map<Cell, CommunityFixture>>();
  const cellsOf = new Map<string, Cell[]>();
  const sharedKey = (fixture: Pick<Cell, "kind" | "visibility" | "state">) => `${fixture.kind} ${fixture.visibility} ${fixture.state}`;

  // Read-only routes share one community per kind, visibility and state; each cell of a writing route has its own.
  beforeAll(async () => {
    const sharedSpecs = KINDS.flatMap((kind) =>
      VISIBILITIES.flatMap((visibility) => STATES.map((state) => ({ kind, visibility, state, nonMemberRequest: false, nonMemberInvitation: false }))),
    );
    const specs: FixtureSpec[] = [...sharedSpecs];
    const plan: { label: string; cell: Cell; index: number }[] = [];
    for (const label of communityLabels) {
      const spec = communityRoutes[label] as CommunityRoute;
      const cells = allCells(spec.needs?.nonMemberInvitation === true);
      cellsOf.set(label, cells);
      if (!spec.writes) continue;
      for (const cell of cells) {
        plan.push({ label, cell, index: specs.length });
        specs.push({ ...cell, nonMemberRequest: spec.needs?.nonMemberRequest === true, nonMemberInvitation: spec.needs?.nonMemberInvitation === true });
      }
    }
    const fixtures = await insertFixtures(t.db, people, specs);
    const sharedFixtures = fixtures.slice(0, sharedSpecs.length);
    for (const fixture of sharedFixtures) shared.set(sharedKey(fixture), fixture);
    for (const { label, cell, index } of plan) {
      const byCell = own.get(label) ?? new Map<Cell, CommunityFixture>();
      byCell.set(cell, fixtures[index] as CommunityFixture);
      own.set(label, byCell);
    }
    const removedCells = plan.filter((entry) => entry.cell.actor === "removedMember").map((entry) => fixtures[entry.index] as CommunityFixture);
    await removeThroughApi(t.app, people, [...sharedFixtures, ...removedCells]);
    await uploadCovers(t.app, people, sharedFixtures, image);
    await applyStates(t.db, fixtures);
  }, 120_000);

  it.each(communityLabels)("%s answers as the rules say, and a refused change leaves no event behind", async (label) => {
    const route = documented.get(label) as ApiRoute;
    const spec = communityRoutes[label] as CommunityRoute;
    const cells = (cellsOf.get(label) ?? []).map((cell) => {
      const fixture = spec.writes ? own.get(label)?.get(cell) : shared.get(sharedKey(cell));
      if (!fixture) throw new Error(`no fixture for ${label}`);
      return { cell, fixture };
    });
    const failures = await runner.runRoute({ route, spec, cells, countEvents: (ids) => eventCounts(t.db, ids) });
    cellsRun.set(label, cells.length);
    expect(failures).toEqual([]);
  }, 60_000);
});

describe("a post's comments, reactions and poll: every actor x visibility x state, on a post in an interest and an external community", () => {
  const runner = new CommunityRouteRunner({ app: t.app, people, image });
  let grid = new Map<string, GridCells>();

  beforeAll(async () => {
    grid = await buildPostGrid(t.app, t.db, { people, routes: Object.fromEntries(commentLabels.map((label) => [label, commentRoutes[label] as CommunityRoute])) });
  }, 120_000);

  it.each(commentLabels)("%s answers as the rules say, and a refused change leaves no event behind", async (label) => {
    const route = documented.get(label) as ApiRoute;
    const spec = commentRoutes[label] as CommunityRoute;
    const cells = grid.get(label) ?? [];
    const failures = await runner.runRoute({ route, spec, cells, countEvents: (ids) => postEventCounts(t.db, ids) });
    cellsRun.set(label, cells.length);
    expect(failures).toEqual([]);
  }, 60_000);
});

describe("global routes: every actor, and never a secret community to those who may not see it", () => {
  const secret = { id: newId(), name: "Projet Zèbre secret" };

  beforeAll(async () => {
    await outside.db
      .insertInto("communities")
      .values([
        { id: secret.id, kind: "external", visibility: "secret", name: secret.name },
        { id: newId(), kind: "interest", visibility: "public", name: "Club de lecture" },
      ])
      .execute();
  });

  it.each(globalLabels)("%s answers as the rules say", async (label) => {
    const route = documented.get(label) as ApiRoute;
    const spec = globalRoutes[label] as GlobalRoute;
    const actors = await actorsAround(outside.app, outside.db, { secret, label: `Around ${globalLabels.indexOf(label)}` });
    const context = { app: outside.app, db: outside.db, people: actors, secret, image };
    await spec.prepare?.(context);
    const cells = ACTORS.flatMap((actor) => (spec.queries ?? [undefined]).map((query) => ({ actor, query })));
    const failures: string[] = [];
    await inParallel(cells, 4, async ({ actor, query }) => {
      const problem = await runGlobalCell({ context, route, spec, actor, ...(query === undefined ? {} : { query }) });
      if (problem) failures.push(problem);
    });
    cellsRun.set(label, cells.length);
    expect(failures).toEqual([]);
  }, 30_000);
});

describe("the very next request after a change made through the API", () => {
  const get = (browser: Browser, url: string) => browser.inject({ method: "GET", url });
  const unknownCommunityBody = async (browser: Browser) => (await get(browser, `/api/v1/communities/${newId()}`)).body;

  it("hides a secret community from a removed member, and a closed one's members, exactly as an unknown id", async () => {
    const owner = await personBrowser(t);
    const member = await personBrowser(t);
    const secret = await createThrough(owner, { name: "Hidden garden", visibility: "secret" });
    const closed = await createThrough(owner, { name: "Walled garden", visibility: "closed" });
    for (const { id } of [secret, closed]) await addMember(t, id, member.userId);
    expect((await get(member, `/api/v1/communities/${secret.id}`)).statusCode).toBe(200);
    for (const { id } of [secret, closed]) {
      expect((await owner.inject({ method: "DELETE", url: `/api/v1/communities/${id}/members/${member.userId}` })).statusCode).toBe(204);
    }
    const afterRemoval = await get(member, `/api/v1/communities/${secret.id}`);
    expect(afterRemoval.statusCode).toBe(404);
    expect(afterRemoval.body).toBe(await unknownCommunityBody(member));
    expect((await get(member, `/api/v1/communities/${closed.id}/members`)).statusCode).toBe(403);
  });

  it("stops a demoted manager from editing", async () => {
    const owner = await personBrowser(t);
    const manager = await personBrowser(t);
    const { id } = await createThrough(owner, { name: "Editors" });
    await addMember(t, id, manager.userId, "manager");
    const edit = () => manager.inject({ method: "PATCH", url: `/api/v1/communities/${id}`, payload: { description: "Mine to edit" } });
    expect((await edit()).statusCode).toBe(200);
    const demotion = await owner.inject({ method: "PATCH", url: `/api/v1/communities/${id}/members/${manager.userId}`, payload: { role: "member" } });
    expect(demotion.statusCode).toBe(200);
    expect((await edit()).json().error.code).toBe("forbidden");
  });

  it("ends a deactivated person's open session", async () => {
    const admin = await personBrowser(t, { role: "admin" });
    const person = await personBrowser(t);
    const { id } = await createThrough(person, { name: "Short stay" });
    expect((await get(person, `/api/v1/communities/${id}`)).statusCode).toBe(200);
    expect((await admin.inject({ method: "POST", url: `/api/v1/people/${person.userId}/deactivate` })).statusCode).toBe(200);
    for (const url of ["/api/v1/me", `/api/v1/communities/${id}`, "/api/v1/communities"]) {
      expect((await get(person, url)).json().error.code).toBe("authentication_required");
    }
  });

  it("makes an archived community refuse changes, and take them again once unarchived", async () => {
    const owner = await personBrowser(t);
    const colleague = await personBrowser(t);
    const { id } = await createThrough(owner, { name: "Seasonal" });
    const edit = () => owner.inject({ method: "PATCH", url: `/api/v1/communities/${id}`, payload: { description: "Still going" } });
    expect((await owner.inject({ method: "POST", url: `/api/v1/communities/${id}/archive` })).statusCode).toBe(200);
    expect((await edit()).json().error.code).toBe("community_archived");
    expect((await colleague.inject({ method: "POST", url: `/api/v1/communities/${id}/join` })).json().error.code).toBe("community_archived");
    expect((await owner.inject({ method: "POST", url: `/api/v1/communities/${id}/unarchive` })).statusCode).toBe(200);
    expect((await edit()).statusCode).toBe(200);
  });

  it("hides a deleted community from its members exactly as an unknown id, and keeps it for admins", async () => {
    const owner = await personBrowser(t);
    const member = await personBrowser(t);
    const admin = await personBrowser(t, { role: "admin" });
    const { id } = await createThrough(owner, { name: "Soon gone" });
    await addMember(t, id, member.userId);
    expect((await owner.inject({ method: "DELETE", url: `/api/v1/communities/${id}` })).statusCode).toBe(204);
    const afterDeletion = await get(member, `/api/v1/communities/${id}`);
    expect(afterDeletion.statusCode).toBe(404);
    expect(afterDeletion.body).toBe(await unknownCommunityBody(member));
    expect((await get(admin, `/api/v1/communities/${id}`)).json().deletedAt).not.toBeNull();
  });
});
