import type { Community, NetworkRole } from "@ruche/contracts";

/** The one membership step the viewer can take on a community, from its card or its page. */
export type CommunityAction =
  | { kind: "join" }
  | { kind: "request" }
  | { kind: "withdrawRequest"; requestId: string }
  | { kind: "answerInvitation"; invitationId: string }
  | { kind: "leave" }
  | { kind: "none" };

const none: CommunityAction = { kind: "none" };

/**
 * Decides which membership button a community gets for this viewer. Members may leave, except from
 * company communities, whose membership comes with the job. A pending invitation or request is
 * answered or withdrawn even when the community is archived; nobody joins an archived community.
 * Guests only ever join by invitation.
 *
 * @example communityAction(publicCommunity, { role: "member" }) // { kind: "join" }
 */
export function communityAction(community: Community, viewer: { role: NetworkRole }): CommunityAction {
  if (community.deletedAt) return none;
  if (community.myRole) return community.kind === "company" ? none : { kind: "leave" };
  if (community.myInvitation) return { kind: "answerInvitation", invitationId: community.myInvitation.id };
  if (community.myRequest) return { kind: "withdrawRequest", requestId: community.myRequest.id };
  if (community.archivedAt || viewer.role === "guest") return none;
  if (community.visibility === "public") return { kind: "join" };
  if (community.visibility === "closed") return { kind: "request" };
  return none;
}
