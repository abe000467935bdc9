import type { ChangeMemberRoleBody, Community, CommunityMember } from "@ruche/contracts";
import type { Db, Executor, Tx } from "../../platform/db.ts";
import { AppError, errors } from "../../platform/errors.ts";
import { appendEvent } from "../../platform/outbox.ts";
import type { CommunityRole } from "../../platform/schema.ts";
import type { Viewer } from "../people/policy.ts";
import { leaveCommunity } from "./membership.ts";
import { deleteMember, findMembership, setMemberRole, type Membership } from "./membership-repository.ts";
import { can } from "./policy.ts";
import { factsOf, presentCommunity, presentMember } from "./present.ts";
import { countOwnersForUpdate, listMembers, type CommunityRow } from "./repository.ts";
import { lockCommunity, requireAllowed, requireNotArchived, visibleCommunityOrThrow } from "./service.ts";

/** Which member of which community a change is about. */
export interface MemberTarget {
  communityId: string;
  userId: string;
}

/** Ownership is granted, taken away or handed over only by an owner, or by an admin. */
function requireOwnerOrAdmin(viewer: Viewer, row: CommunityRow): void {
  if (viewer.role !== "admin" && row.explicit_role !== "owner") throw new AppError("community_owner_required");
}

/** Guests are outside partners: they may help run a community, never own it. */
function requireMayOwn(member: Membership): void {
  if (member.networkRole === "guest") throw errors.forbidden("A guest cannot own a community: make them a manager instead");
}

/** Refuses to take away the last owner: a community always keeps one (rows locked until commit). */
async function requireAnotherOwner(tx: Tx, communityId: string): Promise<void> {
  if ((await countOwnersForUpdate(tx, communityId)) <= 1) throw new AppError("community_last_owner");
}

/** Locks the community for a manager's change to a member, and finds that member. */
async function memberToChange(tx: Tx, viewer: Viewer, target: MemberTarget): Promise<{ row: CommunityRow; member: Membership }> {
  const row = await lockCommunity(tx, viewer, target.communityId);
  requireAllowed(viewer, "manage", row);
  requireNotArchived(row);
  const member = await findMembership(tx, { viewer, community: row, userId: target.userId });
  if (!member) throw new AppError("community_member_not_found");
  return { row, member };
}

/** One member as the viewer sees the member list. */
async function loadMember(db: Executor, viewer: Viewer, target: MemberTarget): Promise<CommunityMember> {
  const community = await visibleCommunityOrThrow(db, viewer, target.communityId);
  const withCharter = can(viewer, "manage", factsOf(community));
  const [row] = await listMembers(db, { viewer, community, withCharter, userId: target.userId, limit: 1 });
  if (!row) throw new AppError("community_member_not_found");
  return presentMember(row);
}

/**
 * Changes a member's role. Managers make members managers and managers members; only owners and
 * admins grant or take away `owner`, and never from the last one. In a company community `member`
 * is implicit, so making someone a member there removes their row.
 */
export async function changeMemberRole(db: Db, viewer: Viewer, target: MemberTarget & ChangeMemberRoleBody): Promise<CommunityMember> {
  return db.transaction().execute(async (tx) => {
    const { row, member } = await memberToChange(tx, viewer, target);
    if (member.role === target.role) return loadMember(tx, viewer, target);
    if (member.role === "owner" || target.role === "owner") requireOwnerOrAdmin(viewer, row);
    if (target.role === "owner") requireMayOwn(member);
    if (member.role === "owner") await requireAnotherOwner(tx, row.id);
    await applyRole(tx, { row, userId: member.userId, role: target.role });
    await appendEvent(tx, {
      type: "member.role_changed",
      actorId: viewer.id,
      subjectId: row.id,
      payload: { userId: member.userId, from: member.role, to: target.role },
    });
    return loadMember(tx, viewer, target);
  });
}

/** Writes a role: a plain member of a company community has no row. */
async function applyRole(tx: Tx, change: { row: CommunityRow; userId: string; role: CommunityRole }): Promise<void> {
  const { row, userId, role } = change;
  if (row.kind === "company" && role === "member") await deleteMember(tx, row.id, userId);
  else await setMemberRole(tx, { communityId: row.id, userId, role });
}

/**
 * Removes a member (managers remove members and managers; only owners and admins an owner, never
 * the last one). Removing oneself is leaving. Nobody is removed from a company community. The
 * removed person loses access on their very next request.
 */
export async function removeMember(db: Db, viewer: Viewer, target: MemberTarget): Promise<void> {
  if (target.userId === viewer.id) return leaveCommunity(db, viewer, target.communityId);
  await db.transaction().execute(async (tx) => {
    const { row, member } = await memberToChange(tx, viewer, target);
    if (row.kind === "company") throw new AppError("community_membership_implicit");
    if (member.role === "owner") {
      requireOwnerOrAdmin(viewer, row);
      await requireAnotherOwner(tx, row.id);
    }
    await deleteMember(tx, row.id, member.userId);
    await appendEvent(tx, { type: "member.removed", actorId: viewer.id, subjectId: row.id, payload: { userId: member.userId, role: member.role } });
  });
}

/**
 * Hands ownership to a member: they become owner and the viewer, if an owner, becomes a manager.
 * An admin who is not an owner only adds one. Handing it to oneself or to an owner changes only
 * what needs changing.
 */
export async function transferOwnership(db: Db, viewer: Viewer, target: MemberTarget): Promise<Community> {
  return db.transaction().execute(async (tx) => {
    const row = await lockCommunity(tx, viewer, target.communityId);
    requireAllowed(viewer, "manage", row);
    requireOwnerOrAdmin(viewer, row);
    requireNotArchived(row);
    const member = await findMembership(tx, { viewer, community: row, userId: target.userId });
    if (!member) throw new AppError("community_member_not_found");
    requireMayOwn(member);
    const stepsDown = row.explicit_role === "owner" && member.userId !== viewer.id;
    if (member.role !== "owner") await setMemberRole(tx, { communityId: row.id, userId: member.userId, role: "owner" });
    if (stepsDown) await setMemberRole(tx, { communityId: row.id, userId: viewer.id, role: "manager" });
    if (member.role !== "owner" || stepsDown) {
      await appendEvent(tx, {
        type: "community.ownership_transferred",
        actorId: viewer.id,
        subjectId: row.id,
        payload: { from: stepsDown ? viewer.id : null, to: member.userId },
      });
    }
    return presentCommunity(viewer, await visibleCommunityOrThrow(tx, viewer, row.id));
  });
}
