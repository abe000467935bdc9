// The shape of a community route's matrix entry, and the body checks the entries share.
import type { LightMyRequestResponse } from "fastify";
import type { Cell, Expected } from "./grid.ts";
import type { CommunityFixture, People } from "./world.ts";

/** A request's parts beyond the path's `{id}`: other path parameters, a query string, a JSON or file body. */
export interface RouteRequest {
  params?: Record<string, string>;
  query?: string;
  json?: unknown;
  /** Sent as the multipart field `file`. */
  file?: true;
}

export interface CommunityRoute {
  /** Whether the route may change something: each of its cells gets a community of its own. */
  writes: boolean;
  /** The non-member's own pending request or invitation, for the routes that act on one's own. */
  needs?: { nonMemberRequest?: true; nonMemberInvitation?: true };
  request(fixture: CommunityFixture, people: People): RouteRequest;
  expect(cell: Cell, fixture: CommunityFixture, people: People): Expected;
}

/** A JSON body's field, or undefined when the body is not JSON. */
export function field(response: LightMyRequestResponse, path: (body: Record<string, unknown>) => unknown): unknown {
  try {
    return path(response.json<Record<string, unknown>>());
  } catch {
    return undefined;
  }
}

/** A success that must return the community itself. */
export function isCommunity(fixture: CommunityFixture) {
  return (response: LightMyRequestResponse) => (field(response, (body) => body.id) === fixture.id ? undefined : "the body is not this community");
}

/** A page whose items include the id `wanted` (found by `idOf`). */
export function pageIncludes(wanted: string, idOf: (item: Record<string, unknown>) => unknown) {
  return (response: LightMyRequestResponse) => {
    const items = field(response, (body) => body.items);
    return Array.isArray(items) && items.some((item) => idOf(item as Record<string, unknown>) === wanted) ? undefined : `the page lacks ${wanted}`;
  };
}

export const personId = (item: Record<string, unknown>) => (item.person as { id?: unknown } | null)?.id;

