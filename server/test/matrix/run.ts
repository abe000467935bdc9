// Sends a cell's request and judges the answer against the cell's expectation.
import { errorCatalogue } from "@ruche/contracts";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { newId } from "../../src/platform/ids.ts";
import type { ApiRoute } from "../openapi-routes.ts";
import { multipartFile } from "../uploads.ts";
import type { CommunityRoute, RouteRequest } from "./route-kit.ts";
import { seesSecret, type GlobalContext, type GlobalRoute } from "./global-kit.ts";
import { describeCell, type ActorKind, type Cell, type Expected } from "./grid.ts";
import { inParallel, send, type CommunityFixture, type Credentials, type People } from "./world.ts";

/** A request ready for `send`: the route's path filled in, the body encoded. */
function buildRequest(input: { route: ApiRoute; params: Record<string, string>; request: RouteRequest; credentials: Credentials; image: Buffer }) {
  const { route, params, request, credentials } = input;
  const path = route.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${route.label}: no value for {${name}}`);
    return value;
  });
  const url = request.query ? `${path}?${request.query}` : path;
  if (request.file) {
    const upload = multipartFile(input.image);
    return { method: route.method, url, headers: { ...credentials, ...upload.headers }, payload: upload.payload };
  }
  if (request.json !== undefined) {
    return { method: route.method, url, headers: { ...credentials, "content-type": "application/json" }, payload: JSON.stringify(request.json) };
  }
  return { method: route.method, url, headers: credentials };
}

function errorCodeOf(response: LightMyRequestResponse): string | undefined {
  try {
    return response.json<{ error?: { code?: string } }>().error?.code;
  } catch {
    return undefined;
  }
}

/** The answer to the same request with the path parameter `param` naming an unknown id. */
type UnknownBody = (param: string) => Promise<string>;

/** What is wrong with `response` for `expected`, or undefined. */
function judge(response: LightMyRequestResponse, expected: Expected, unknownBody: UnknownBody): Promise<string | undefined> | string | undefined {
  const code = errorCodeOf(response);
  const got = `${response.statusCode}${code ? ` ${code}` : ""}`;
  const wanted = `${expected.status}${expected.code ? ` ${expected.code}` : ""}`;
  if (response.statusCode !== expected.status || (expected.code && code !== expected.code)) return `answered ${got}, expected ${wanted}: ${response.body.slice(0, 200)}`;
  if (response.statusCode >= 400 && (!code || !Object.hasOwn(errorCatalogue, code))) return `a refusal without a catalogued code: ${response.body.slice(0, 200)}`;
  const param = expected.sameAsUnknown;
  if (param) {
    return unknownBody(param).then((body) => (body === response.body ? undefined : `the body differs from an unknown ${param}'s: ${response.body} vs ${body}`));
  }
  return expected.check?.(response);
}

/** Runs the grid's cells of one community route; returns one line per failing cell. */
export class CommunityRouteRunner {
  private readonly unknownBodies = new Map<string, Promise<string>>();

  constructor(private readonly context: { app: FastifyInstance; people: People; image: Buffer }) {}

  /** Sends the cell's request on `fixture` and judges it. */
  async runCell(route: ApiRoute, spec: CommunityRoute, cell: Cell, fixture: CommunityFixture): Promise<string | undefined> {
    const { app, people, image } = this.context;
    const request = spec.request(fixture, people);
    const credentials = people.credentials[cell.actor];
    // The path's {id} is the community's, unless the route acts on something in it (a post, a comment).
    const params = { id: fixture.id, ...request.params };
    const response = await send(app, buildRequest({ route, params, request, credentials, image }));
    const unknownBody = (param: string) => this.unknownBody(route, cell, { request, params, param, credentials });
    const problem = await judge(response, spec.expect(cell, fixture, people), unknownBody);
    return problem && `${route.label} as ${describeCell(cell)} (${fixture.id}): ${problem}`;
  }

  /**
   * Runs every cell of a route, 8 at a time; returns one line per failing cell, and one per refused
   * change that left an event behind (`countEvents` counts them per fixture id).
   */
  async runRoute(input: {
    route: ApiRoute;
    spec: CommunityRoute;
    cells: { cell: Cell; fixture: CommunityFixture }[];
    countEvents: (fixtureIds: string[]) => Promise<Map<string, number>>;
  }): Promise<string[]> {
    const { route, spec, cells, countEvents } = input;
    const ids = cells.map(({ fixture }) => fixture.id);
    const eventsBefore = await countEvents(ids);
    const failures: string[] = [];
    await inParallel(cells, 8, async ({ cell, fixture }) => {
      const problem = await this.runCell(route, spec, cell, fixture);
      if (problem) failures.push(problem);
    });
    const eventsAfter = await countEvents(ids);
    for (const { cell, fixture } of cells) {
      const refused = spec.expect(cell, fixture, this.context.people).status >= 400;
      if (refused && eventsAfter.get(fixture.id) !== eventsBefore.get(fixture.id)) failures.push(`${route.label} as ${describeCell(cell)}: refused, yet an event was recorded`);
    }
    return failures;
  }

  /** The actor's answer about an unknown id in `param`, once per route, actor and parameter. */
  private unknownBody(
    route: ApiRoute,
    cell: Cell,
    input: { request: RouteRequest; params: Record<string, string>; param: string; credentials: Credentials },
  ): Promise<string> {
    const key = `${route.label} ${cell.actor} ${input.param}`;
    let body = this.unknownBodies.get(key);
    if (!body) {
      const params = { ...input.params, [input.param]: newId() };
      const request = buildRequest({ route, params, request: input.request, credentials: input.credentials, image: this.context.image });
      body = send(this.context.app, request).then((response) => response.body);
      this.unknownBodies.set(key, body);
    }
    return body;
  }
}

/** Whether the secret community shows in the answer where it must, and nowhere it must not. */
function secretProblem(input: { context: GlobalContext; spec: GlobalRoute; actor: ActorKind; query: string; body: string }): string | undefined {
  const { context, spec, actor, query, body } = input;
  const { id, name } = context.secret;
  const mustList = spec.listsSecret?.(actor, query);
  if (mustList === true && !body.includes(id)) return "the secret community is missing from the list";
  const forbidden = mustList === false || !seesSecret(actor);
  return forbidden && (body.includes(id) || body.includes(name)) ? "the answer reveals the secret community" : undefined;
}

/** Sends one actor's request to a global route (with `query` when the route lists several) and judges it. */
export async function runGlobalCell(input: { context: GlobalContext; route: ApiRoute; spec: GlobalRoute; actor: ActorKind; query?: string }): Promise<string | undefined> {
  const { context, route, spec, actor } = input;
  const built = await spec.request(context, actor);
  const request = input.query === undefined ? built : { ...built, query: input.query };
  const credentials = context.people.credentials[actor];
  const params = request.params ?? {};
  const response = await send(context.app, buildRequest({ route, params, request, credentials, image: context.image }));
  const unknownBody = async (param: string) => {
    const unknown = buildRequest({ route, params: { ...params, [param]: newId() }, request, credentials, image: context.image });
    return (await send(context.app, unknown)).body;
  };
  const query = request.query ?? "";
  const problem = (await judge(response, spec.expect(actor), unknownBody)) ?? secretProblem({ context, spec, actor, query, body: response.body });
  return problem && `${route.label}${query ? `?${query}` : ""} as ${actor}: ${problem}`;
}
