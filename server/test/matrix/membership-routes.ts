// Matrix entries for requests to join, invitations, members' roles and removal, ownership.
import type { LightMyRequestResponse } from "fastify";
import { archivedRefusal, forbidden, guardedChange, manages, onLive, owns, refused, roleIn, success, type Cell, type Expected } from "./grid.ts";
import { field, isCommunity, pageIncludes, type CommunityRoute } from "./route-kit.ts";

type NotFound = { code: "community_request_not_found"; param: "requestId" } | { code: "community_invitation_not_found"; param: "invitationId" };

/**
 * Someone acting on another person's request or invitation finds nothing: 404, as for an unknown
 * one. Letting go of one's own (withdrawing, declining) is, like leaving, allowed while archived.
 */
function ownOnly(cell: Cell, input: { notFound: NotFound; done: Expected; whileArchived: boolean }): Expected {
  return onLive(cell, (live) => {
    if (live.actor !== "nonMember") return { status: 404, code: input.notFound.code, sameAsUnknown: input.notFound.param };
    return live.state === "archived" && !input.whileArchived ? archivedRefusal : input.done;
  });
}

/** A success whose body has `status`. */
function hasStatus(status: string) {
  return (response: LightMyRequestResponse) => (field(response, (body) => body.status) === status ? undefined : `the status is not ${status}`);
}

/** Asking to join: only for a closed community one sees and does not belong to (guests see none they do not belong to). */
function requestToJoin(cell: Cell): Expected {
  return onLive(cell, (live) => {
    if (roleIn(live) !== null) return refused(409, "community_already_member");
    if (live.state === "archived") return archivedRefusal;
    if (live.visibility === "public") return refused(409, "community_request_not_needed");
    if (live.visibility === "secret") return forbidden("community_invitation_only");
    return success(201, hasStatus("pending"));
  });
}

const requestRoutes: Record<string, CommunityRoute> = {
  "POST /api/v1/communities/{id}/requests": {
    writes: true,
    request: () => ({ json: { message: "May I join?" } }),
    expect: requestToJoin,
  },
  "GET /api/v1/communities/{id}/requests": {
    writes: false,
    request: () => ({}),
    expect: (cell, fixture) => onLive(cell, (live) => (manages(live) ? success(200, pageIncludes(fixture.requestId, (item) => item.id)) : forbidden())),
  },
  "POST /api/v1/communities/{id}/requests/{requestId}/approve": {
    writes: true,
    request: (fixture) => ({ params: { requestId: fixture.requestId } }),
    expect: (cell) => guardedChange(cell, manages, success(200, hasStatus("approved"))),
  },
  "POST /api/v1/communities/{id}/requests/{requestId}/refuse": {
    writes: true,
    request: (fixture) => ({ params: { requestId: fixture.requestId }, json: { reason: "Not this time" } }),
    expect: (cell) => guardedChange(cell, manages, success(200, hasStatus("refused"))),
  },
  // The request in the path is the non-member's own: anyone else is asking about someone else's.
  "DELETE /api/v1/communities/{id}/requests/{requestId}": {
    writes: true,
    needs: { nonMemberRequest: true },
    request: (fixture) => ({ params: { requestId: fixture.nonMemberRequestId ?? "" } }),
    expect: (cell) => ownOnly(cell, { notFound: { code: "community_request_not_found", param: "requestId" }, done: success(204), whileArchived: true }),
  },
};

const invitationRoutes: Record<string, CommunityRoute> = {
  "POST /api/v1/communities/{id}/invitations": {
    writes: true,
    request: (_fixture, people) => ({ json: { userId: people.candidateId } }),
    expect: (cell) => guardedChange(cell, manages, success(201, hasStatus("pending"))),
  },
  "GET /api/v1/communities/{id}/invitations": {
    writes: false,
    request: () => ({}),
    expect: (cell, fixture) => onLive(cell, (live) => (manages(live) ? success(200, pageIncludes(fixture.invitationId, (item) => item.id)) : forbidden())),
  },
  // The invitation in the path is the non-member's own, which also shows them a secret community.
  "POST /api/v1/communities/{id}/invitations/{invitationId}/accept": {
    writes: true,
    needs: { nonMemberInvitation: true },
    request: (fixture) => ({ params: { invitationId: fixture.nonMemberInvitationId ?? "" } }),
    expect: (cell, fixture) => ownOnly(cell, { notFound: { code: "community_invitation_not_found", param: "invitationId" }, done: success(200, isCommunity(fixture)), whileArchived: false }),
  },
  "POST /api/v1/communities/{id}/invitations/{invitationId}/decline": {
    writes: true,
    needs: { nonMemberInvitation: true },
    request: (fixture) => ({ params: { invitationId: fixture.nonMemberInvitationId ?? "" } }),
    expect: (cell) => ownOnly(cell, { notFound: { code: "community_invitation_not_found", param: "invitationId" }, done: success(204), whileArchived: true }),
  },
  "DELETE /api/v1/communities/{id}/invitations/{invitationId}": {
    writes: true,
    request: (fixture) => ({ params: { invitationId: fixture.invitationId } }),
    expect: (cell) => guardedChange(cell, manages, success(204)),
  },
};

/** Managers are told that ownership is an owner's business; plain members that managing is not theirs. */
const ownershipRefusal = (cell: Cell): Expected => forbidden(cell.actor === "manager" ? "community_owner_required" : "forbidden");

const memberRoutes: Record<string, CommunityRoute> = {
  "PATCH /api/v1/communities/{id}/members/{userId}": {
    writes: true,
    request: (_fixture, people) => ({ params: { userId: people.targetId }, json: { role: "manager" } }),
    expect: (cell) =>
      guardedChange(cell, manages, success(200, (response) => (field(response, (body) => body.role) === "manager" ? undefined : "the role is not manager"))),
  },
  "DELETE /api/v1/communities/{id}/members/{userId}": {
    writes: true,
    request: (_fixture, people) => ({ params: { userId: people.targetId } }),
    expect: (cell) => guardedChange(cell, manages, success(204)),
  },
  "POST /api/v1/communities/{id}/transfer-ownership": {
    writes: true,
    request: (_fixture, people) => ({ json: { userId: people.targetId } }),
    expect: (cell, fixture) => guardedChange(cell, owns, success(200, isCommunity(fixture)), ownershipRefusal(cell)),
  },
};

export const membershipRoutes: Record<string, CommunityRoute> = { ...requestRoutes, ...invitationRoutes, ...memberRoutes };
