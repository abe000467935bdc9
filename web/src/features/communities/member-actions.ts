import type { Community, CommunityMember, NetworkRole } from "@ruche/contracts";

/** What a manager may do to one member from the member list. */
export type MemberAction = "makeManager" | "makeMember" | "makeOwner" | "transferOwnership" | "remove";

interface MemberActionsInput {
  member: CommunityMember;
  community: Community;
  viewer: { id: string; role: NetworkRole };
}

/**
 * The actions the member list's menu offers on one member. Only owners and admins touch ownership
 * (granting it, changing or removing an owner); handing it over is an owner's own decision; guests
 * may help run a community but never own it. One's own membership is changed by leaving, not from
 * this menu; members who belong implicitly (everyone in a company community, `joinedAt` null)
 * cannot be removed.
 */
export function memberActions({ member, community, viewer }: MemberActionsInput): MemberAction[] {
  if (!community.canManage || community.archivedAt || member.person.id === viewer.id) return [];
  const ownerPowers = community.myRole === "owner" || viewer.role === "admin";
  if (member.role === "owner" && !ownerPowers) return [];
  const mayOwn = member.role !== "owner" && member.person.role !== "guest";
  const actions: MemberAction[] = [];
  if (member.role !== "manager") actions.push("makeManager");
  if (member.role !== "member") actions.push("makeMember");
  if (mayOwn && ownerPowers) actions.push("makeOwner");
  if (mayOwn && community.myRole === "owner") actions.push("transferOwnership");
  if (member.joinedAt !== null) actions.push("remove");
  return actions;
}

/** The actions that change ownership or membership, which ask for confirmation first. */
export function needsConfirmation(action: MemberAction, member: CommunityMember): boolean {
  return action === "remove" || action === "makeOwner" || action === "transferOwnership" || member.role === "owner";
}
