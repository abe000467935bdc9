import type { Community, CommunityMembersPage, PageQuery } from "@ruche/contracts";
import type { Db, Executor } from "../../platform/db.ts";
import { AppError, errors } from "../../platform/errors.ts";
import { pageOf } from "../../platform/pagination.ts";
import { decodeNameCursor } from "./directory.ts";
import { acceptPendingInvitation } from "./invitations.ts";
import type { Viewer } from "../people/policy.ts";
import { can, roleOf } from "./policy.ts";
import { appendEvent } from "../../platform/outbox.ts";
import { factsOf, presentCommunity, presentMember } from "./present.ts";
import { countOwnersForUpdate, listMembers, type CommunityRow } from "./repository.ts";
import { lockCommunity, requireAllowed, requireNotArchived, visibleCommunityOrThrow } from "./service.ts";

const DEFAULT_LIMIT = 20;

/** Why `viewer` may not join directly: closed asks for a request, secret for an invitation. */
function refuseJoin(viewer: Viewer, row: CommunityRow): AppError {
  if (viewer.role === "guest") return errors.forbidden("Guests join communities by invitation only");
  if (row.visibility === "closed") return new AppError("community_request_required");
  return new AppError("community_invitation_only");
}

/**
 * Joins a public community, or any community one is invited to (which accepts the invitation);
 * joining one already belonged to changes nothing.
 */
export async function joinCommunity(db: Db, viewer: Viewer, id: string): Promise<Community> {
  return db.transaction().execute(async (tx) => {
    const row = await lockCommunity(tx, viewer, id);
    if (row.deleted_at) throw new AppError("community_not_found");
    if (roleOf(viewer, factsOf(row)) !== null) return presentCommunity(viewer, row);
    requireNotArchived(row);
    if (await acceptPendingInvitation(tx, viewer, id)) return presentCommunity(viewer, await visibleCommunityOrThrow(tx, viewer, id));
    if (!can(viewer, "join", factsOf(row))) throw refuseJoin(viewer, row);
    await tx.insertInto("community_members").values({ community_id: id, user_id: viewer.id, role: "member" }).execute();
    await appendEvent(tx, { type: "member.joined", actorId: viewer.id, subjectId: id, payload: { userId: viewer.id } });
    return presentCommunity(viewer, await visibleCommunityOrThrow(tx, viewer, id));
  });
}

/** Leaves a community; its last owner must hand over first, and nobody leaves the company community. */
export async function leaveCommunity(db: Db, viewer: Viewer, id: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const row = await lockCommunity(tx, viewer, id);
    if (row.deleted_at) throw new AppError("community_not_found");
    if (row.kind === "company") throw new AppError("community_membership_implicit");
    // Leaving is idempotent: someone who is not (or no longer) a member has nothing to do.
    if (row.explicit_role === null) return;
    requireAllowed(viewer, "leave", row);
    if (row.explicit_role === "owner" && (await countOwnersForUpdate(tx, id)) <= 1) throw new AppError("community_last_owner");
    await tx.deleteFrom("community_members").where("community_id", "=", id).where("user_id", "=", viewer.id).execute();
    await appendEvent(tx, { type: "member.left", actorId: viewer.id, subjectId: id, payload: { userId: viewer.id } });
  });
}

/** A page of a community's members, for those who may read it. */
export async function listCommunityMembers(db: Executor, viewer: Viewer, id: string, query: PageQuery): Promise<CommunityMembersPage> {
  const row = await visibleCommunityOrThrow(db, viewer, id);
  if (!can(viewer, "read", factsOf(row))) throw errors.forbidden("Only members can see who belongs to this community");
  const limit = query.limit ?? DEFAULT_LIMIT;
  const after = query.cursor ? decodeNameCursor(query.cursor) : undefined;
  const withCharter = can(viewer, "manage", factsOf(row));
  const rows = await listMembers(db, { viewer, community: row, withCharter, after, limit });
  const page = pageOf(rows, limit, (member) => [member.sort_name, member.id]);
  return { items: page.items.map(presentMember), nextCursor: page.nextCursor };
}
