import type { CreateJoinRequestBody, JoinRequest, JoinRequestsPage, ListJoinRequestsQuery } from "@ruche/contracts";
import type { Db, Executor, Tx } from "../../platform/db.ts";
import { AppError } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { appendEvent } from "../../platform/outbox.ts";
import { decodeCursor, pageOf } from "../../platform/pagination.ts";
import type { Viewer } from "../people/policy.ts";
import { presentSummary } from "../people/present.ts";
import { acceptPendingInvitation } from "./invitations.ts";
import { admitMember } from "./membership-repository.ts";
import { roleOf } from "./policy.ts";
import { factsOf } from "./present.ts";
import type { CommunityRow } from "./repository.ts";
import { decideJoinRequest, findJoinRequest, findPendingJoinRequest, insertJoinRequest, listJoinRequestRows, type JoinRequestRow } from "./requests-repository.ts";
import { lockCommunity, requireAllowed, requireNotArchived, visibleCommunityOrThrow } from "./service.ts";

const DEFAULT_LIMIT = 20;

/** Which request a manager or its requester acts on. */
export interface JoinRequestTarget {
  communityId: string;
  requestId: string;
}

export function presentJoinRequest(row: JoinRequestRow): JoinRequest {
  return {
    id: row.request_id,
    communityId: row.community_id,
    person: presentSummary(row),
    message: row.message,
    status: row.request_status,
    reason: row.reason,
    decidedBy: row.decider_id && row.decider_name !== null ? { id: row.decider_id, displayName: row.decider_name } : null,
    decidedAt: row.decided_at?.toISOString() ?? null,
    createdAt: row.requested_at.toISOString(),
  };
}

const requestNotFound = () => new AppError("community_request_not_found");

async function loadJoinRequest(db: Executor, communityId: string, requestId: string): Promise<JoinRequest> {
  const row = await findJoinRequest(db, communityId, requestId);
  if (!row) throw requestNotFound();
  return presentJoinRequest(row);
}

/**
 * Why asking is pointless or not allowed. Only closed communities take requests: a public one is
 * joined directly; a secret one is only visible to its members and invitees (and to admins, who
 * are told it is by invitation). Guests come in by invitation only: they see no community they
 * neither belong nor are invited to, so their request never gets this far.
 */
function refuseUnneededRequest(row: CommunityRow): void {
  if (row.visibility === "public") throw new AppError("community_request_not_needed");
  if (row.visibility === "secret") throw new AppError("community_invitation_only");
}

/** The request made, and whether it is new (an earlier pending one is returned as is). */
export interface RequestOutcome {
  request: JoinRequest;
  created: boolean;
}

/**
 * Asks to join a closed community. Someone invited there is simply let in: the request is recorded
 * as approved by the inviter. Asking twice returns the pending request.
 */
export async function requestToJoin(db: Db, viewer: Viewer, communityId: string, body: CreateJoinRequestBody): Promise<RequestOutcome> {
  const message = body.message?.trim() || null;
  return db.transaction().execute(async (tx) => {
    const row = await lockCommunity(tx, viewer, communityId);
    if (row.deleted_at) throw new AppError("community_not_found");
    if (roleOf(viewer, factsOf(row)) !== null) throw new AppError("community_already_member");
    requireNotArchived(row);
    const id = newId();
    const invitation = await acceptPendingInvitation(tx, viewer, communityId);
    if (invitation) {
      await insertJoinRequest(tx, { id, communityId, userId: viewer.id, message, status: "approved", decidedBy: invitation.invited_by });
      return { request: await loadJoinRequest(tx, communityId, id), created: true };
    }
    refuseUnneededRequest(row);
    const pending = await findPendingJoinRequest(tx, communityId, viewer.id);
    if (pending) return { request: presentJoinRequest(pending), created: false };
    await insertJoinRequest(tx, { id, communityId, userId: viewer.id, message, status: "pending" });
    await appendEvent(tx, { type: "request.created", actorId: viewer.id, subjectId: communityId, payload: { requestId: id, userId: viewer.id } });
    return { request: await loadJoinRequest(tx, communityId, id), created: true };
  });
}

/** A community's requests in one status (pending by default), oldest first, for those who manage it. */
export async function listJoinRequests(db: Executor, viewer: Viewer, communityId: string, query: ListJoinRequestsQuery): Promise<JoinRequestsPage> {
  const row = await visibleCommunityOrThrow(db, viewer, communityId);
  requireAllowed(viewer, "manage", row);
  const limit = query.limit ?? DEFAULT_LIMIT;
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const rows = await listJoinRequestRows(db, { viewer, communityId, status: query.status ?? "pending", after, limit });
  const page = pageOf(rows, limit, (request) => [request.cursor_key, request.request_id]);
  return { items: page.items.map(presentJoinRequest), nextCursor: page.nextCursor };
}

/** Locks the community for a manager's decision and finds the pending request it is about. */
async function pendingRequestToDecide(tx: Tx, viewer: Viewer, target: JoinRequestTarget): Promise<JoinRequestRow> {
  const row = await lockCommunity(tx, viewer, target.communityId);
  requireAllowed(viewer, "manage", row);
  requireNotArchived(row);
  const request = await findJoinRequest(tx, target.communityId, target.requestId);
  if (!request) throw requestNotFound();
  if (request.request_status !== "pending") throw new AppError("community_request_decided");
  return request;
}

/**
 * Approves a request: the requester becomes a member (a manager, if they were also invited as one).
 * A requester deactivated since still gets their row; it has no effect while they are inactive,
 * and spares an administrator who reactivates them a second request.
 */
export async function approveJoinRequest(db: Db, viewer: Viewer, target: JoinRequestTarget): Promise<JoinRequest> {
  return db.transaction().execute(async (tx) => {
    const request = await pendingRequestToDecide(tx, viewer, target);
    const role = await admitMember(tx, { communityId: target.communityId, userId: request.id, decidedBy: viewer.id });
    await appendEvent(tx, {
      type: "request.approved",
      actorId: viewer.id,
      subjectId: target.communityId,
      payload: { requestId: request.request_id, userId: request.id, role },
    });
    return loadJoinRequest(tx, target.communityId, target.requestId);
  });
}

/** Refuses a request, with an optional reason that the requester is shown. */
export async function refuseJoinRequest(db: Db, viewer: Viewer, target: JoinRequestTarget & { reason: string | null }): Promise<JoinRequest> {
  const reason = target.reason?.trim() || null;
  return db.transaction().execute(async (tx) => {
    const request = await pendingRequestToDecide(tx, viewer, target);
    await decideJoinRequest(tx, { id: request.request_id, status: "refused", decidedBy: viewer.id, reason });
    await appendEvent(tx, {
      type: "request.refused",
      actorId: viewer.id,
      subjectId: target.communityId,
      payload: { requestId: request.request_id, userId: request.id, reason },
    });
    return loadJoinRequest(tx, target.communityId, target.requestId);
  });
}

/**
 * The requester withdraws their pending request; withdrawing it again changes nothing. Like
 * leaving, it is allowed while the community is archived. Someone else's request is not found.
 */
export async function withdrawJoinRequest(db: Db, viewer: Viewer, target: JoinRequestTarget): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const row = await lockCommunity(tx, viewer, target.communityId);
    if (row.deleted_at) throw new AppError("community_not_found");
    const request = await findJoinRequest(tx, target.communityId, target.requestId);
    if (!request || request.id !== viewer.id) throw requestNotFound();
    if (request.request_status === "withdrawn") return;
    if (request.request_status !== "pending") throw new AppError("community_request_decided");
    await decideJoinRequest(tx, { id: request.request_id, status: "withdrawn", decidedBy: viewer.id });
    await appendEvent(tx, { type: "request.withdrawn", actorId: viewer.id, subjectId: target.communityId, payload: { requestId: request.request_id, userId: viewer.id } });
  });
}
