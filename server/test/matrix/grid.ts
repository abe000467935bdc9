// The axes of the authorization matrix, and the rules of who sees, reads and manages a community,
// restated here in a few lines so the matrix checks the server against the rules, not against itself.
import type { ErrorCode } from "@ruche/contracts";
import type { LightMyRequestResponse } from "fastify";

export const ACTORS = [
  "anonymous",
  "guestOfOther",
  "guestOfThis",
  "nonMember",
  "member",
  "manager",
  "owner",
  "admin",
  "removedMember",
  "deactivated",
] as const;
/** Who sends the request, as the community in the cell knows them. */
export type ActorKind = (typeof ACTORS)[number];

export const VISIBILITIES = ["public", "closed", "secret"] as const;
export type Visibility = (typeof VISIBILITIES)[number];
export const STATES = ["live", "archived", "deleted"] as const;
export type State = (typeof STATES)[number];
/** Guests only ever belong to external communities, so the grid runs on an interest and an external one. */
export const KINDS = ["interest", "external"] as const;
export type GridKind = (typeof KINDS)[number];

/** One cell of the community grid. */
export interface Cell {
  actor: ActorKind;
  kind: GridKind;
  visibility: Visibility;
  state: State;
  /** Whether the non-member holds a pending invitation (the routes that answer one need it). */
  nonMemberInvited: boolean;
}

/** Every cell of the grid; "guest of this community" only where a guest can belong: external ones. */
export function allCells(nonMemberInvited: boolean): Cell[] {
  return KINDS.flatMap((kind) =>
    ACTORS.filter((actor) => actor !== "guestOfThis" || kind === "external").flatMap((actor) =>
      VISIBILITIES.flatMap((visibility) => STATES.map((state) => ({ actor, kind, visibility, state, nonMemberInvited }))),
    ),
  );
}

export function describeCell(cell: Cell): string {
  return `${cell.actor} on a ${cell.state} ${cell.visibility} ${cell.kind} community`;
}

/** What a cell's answer must be: its status, its catalogued code, and what its body may hold. */
export interface Expected {
  status: number;
  code?: ErrorCode;
  /**
   * A hidden or foreign object: the body must be byte for byte the answer when this path
   * parameter names an unknown id.
   */
  sameAsUnknown?: string;
  /** For successes: what the body must show; returns the problem, if any. */
  check?: (response: LightMyRequestResponse) => string | undefined;
}

export const unauthenticated: Expected = { status: 401, code: "authentication_required" };
export const hidden: Expected = { status: 404, code: "community_not_found", sameAsUnknown: "id" };
export const archivedRefusal: Expected = { status: 409, code: "community_archived" };
export const forbidden = (code: ErrorCode = "forbidden"): Expected => ({ status: 403, code });
export const refused = (status: number, code: ErrorCode): Expected => ({ status, code });
export const success = (status = 200, check?: Expected["check"]): Expected => (check ? { status, check } : { status });

/** The actor's role in the community: the rows the fixture gives them. */
export function roleIn(cell: Cell): "owner" | "manager" | "member" | null {
  if (cell.actor === "owner" || cell.actor === "manager" || cell.actor === "member") return cell.actor;
  return cell.actor === "guestOfThis" ? "member" : null;
}

/** Admins see everything; nobody else a deleted community; guests only their own; others all but secret ones they are not in. */
export function sees(cell: Cell): boolean {
  if (cell.actor === "admin") return true;
  if (cell.state === "deleted" || cell.actor === "guestOfOther") return false;
  if (roleIn(cell) !== null) return true;
  return cell.visibility !== "secret" || (cell.actor === "nonMember" && cell.nonMemberInvited);
}

/** Reading the content (members, size): admins, members, and anyone who sees a public community. */
export function reads(cell: Cell): boolean {
  return sees(cell) && (cell.actor === "admin" || roleIn(cell) !== null || cell.visibility === "public");
}

/** Managing: owners, managers, admins. */
export function manages(cell: Cell): boolean {
  return cell.actor === "admin" || cell.actor === "owner" || cell.actor === "manager";
}

/** Owning: owners and admins (delete, hand over ownership). */
export function owns(cell: Cell): boolean {
  return cell.actor === "admin" || cell.actor === "owner";
}

/** The sessions of anonymous and deactivated actors authenticate nobody: 401 before anything else. */
function onSignedIn(cell: Cell, rule: (cell: Cell) => Expected): Expected {
  return cell.actor === "anonymous" || cell.actor === "deactivated" ? unauthenticated : rule(cell);
}

/** A hidden community answers exactly as a missing one. */
export function onVisible(cell: Cell, rule: (cell: Cell) => Expected): Expected {
  return onSignedIn(cell, (signed) => (sees(signed) ? rule(signed) : hidden));
}

/** A deleted community takes no change (admins included) until restored: 404 as if missing. */
export function onLive(cell: Cell, rule: (cell: Cell) => Expected): Expected {
  return onVisible(cell, (visible) => (visible.state === "deleted" ? hidden : rule(visible)));
}

/** A change reserved to `allowed` actors, refused while archived (after the permission check, as the services do). */
export function guardedChange(cell: Cell, allowed: (cell: Cell) => boolean, done: Expected, refusal: Expected = forbidden()): Expected {
  return onLive(cell, (live) => {
    if (!allowed(live)) return refusal;
    return live.state === "archived" ? archivedRefusal : done;
  });
}
