import { sql, type ExpressionBuilder, type ExpressionWrapper, type SqlBool } from "kysely";
import type { Viewer } from "../people/policy.ts";
import type { CommunityKind, CommunityRole, CommunityVisibility, Database } from "../../platform/schema.ts";

/**
 * Who may do what with a community. Membership of `company` communities is implicit: every
 * active member and admin belongs, guests never do. There is no row per person, so nobody can be
 * left out (or a guest let in) when people join or leave the organisation; an explicit row exists
 * only for those with a role there (the owner who created it, managers).
 *
 * Admins see and manage every community, secret ones included (they are shown as admins, not
 * members). Deleted communities exist only for admins, until restored.
 */
export type CommunityAction = "see" | "read" | "join" | "leave" | "manage" | "delete" | "post";

/** What the policy needs to know of a community, as seen by one viewer. */
export interface CommunityFacts {
  kind: CommunityKind;
  visibility: CommunityVisibility;
  archived: boolean;
  deleted: boolean;
  /** The viewer's explicit membership row, if any. */
  explicitRole: CommunityRole | null;
  /** Whether the viewer has a pending invitation: a secret community shows itself to its invitees. */
  invited: boolean;
  postingPolicy: "all" | "managers";
  /** Whether a charter in force must be accepted before posting, and whether the viewer has accepted it. */
  charterRequired: boolean;
  charterAccepted: boolean;
}

/** The viewer's role in the community, implicit company membership included. */
export function roleOf(viewer: Viewer, community: Pick<CommunityFacts, "kind" | "explicitRole">): CommunityRole | null {
  if (community.explicitRole) return community.explicitRole;
  return community.kind === "company" && viewer.role !== "guest" ? "member" : null;
}

function canSee(viewer: Viewer, community: CommunityFacts): boolean {
  if (viewer.role === "admin") return true;
  if (community.deleted) return false;
  const member = roleOf(viewer, community) !== null || community.invited;
  if (viewer.role === "guest") return community.kind === "external" && member;
  return community.visibility !== "secret" || member;
}

function canRead(viewer: Viewer, community: CommunityFacts): boolean {
  if (!canSee(viewer, community)) return false;
  if (viewer.role === "admin" || roleOf(viewer, community) !== null) return true;
  // A guest reads only the communities they belong to, not even a public one they are invited to.
  return viewer.role !== "guest" && community.visibility === "public";
}

/**
 * Whether `viewer` may take `action` on `community`. `join` answers whether joining directly is
 * allowed (public communities only); the service tells closed from secret for its error.
 * Archiving blocks changes to content and settings, not leaving or unarchiving.
 */
export function can(viewer: Viewer, action: CommunityAction, community: CommunityFacts): boolean {
  const role = roleOf(viewer, community);
  switch (action) {
    case "see":
      return canSee(viewer, community);
    case "read":
      return canRead(viewer, community);
    case "join":
      return canSee(viewer, community) && !community.deleted && viewer.role !== "guest" && role === null && community.visibility === "public";
    case "leave":
      return canSee(viewer, community) && !community.deleted && community.explicitRole !== null && community.kind !== "company";
    case "manage":
      return canSee(viewer, community) && !community.deleted && (viewer.role === "admin" || role === "owner" || role === "manager");
    case "delete":
      return canSee(viewer, community) && !community.deleted && (viewer.role === "admin" || role === "owner");
    case "post":
      return (
        role !== null &&
        canSee(viewer, community) &&
        !community.deleted &&
        !community.archived &&
        (community.postingPolicy === "all" || role === "owner" || role === "manager" || viewer.role === "admin") &&
        (!community.charterRequired || community.charterAccepted)
      );
  }
}

type CommunitiesExpression = ExpressionBuilder<Database, "communities">;

/** The viewer's explicit membership of the community in scope, as a SQL condition. */
function explicitMember(eb: CommunitiesExpression, viewerId: string) {
  return eb.exists(
    eb
      .selectFrom("community_members")
      .select(sql`1`.as("one"))
      .whereRef("community_members.community_id", "=", "communities.id")
      .where("community_members.user_id", "=", viewerId),
  );
}

/** The viewer's pending invitation to the community in scope, as a SQL condition. */
function pendingInvitation(eb: CommunitiesExpression, viewerId: string) {
  return eb.exists(
    eb
      .selectFrom("community_invitations")
      .select(sql`1`.as("one"))
      .whereRef("community_invitations.community_id", "=", "communities.id")
      .where("community_invitations.user_id", "=", viewerId)
      .where("community_invitations.status", "=", "pending"),
  );
}

/** Whether the viewer belongs to the community in scope (explicitly, or implicitly to a company one). */
export function isMemberFilter(viewer: Viewer) {
  return (eb: CommunitiesExpression): ExpressionWrapper<Database, "communities", SqlBool> => {
    if (viewer.role === "guest") return explicitMember(eb, viewer.id).$castTo<SqlBool>();
    return eb.or([eb("communities.kind", "=", "company"), explicitMember(eb, viewer.id)]);
  };
}

/**
 * The communities `viewer` may see, as a filter on `communities`: the SQL form of `can(viewer,
 * "see", ...)`, applied to every list, lookup and count, so that a secret community never shows
 * through a page size, a cursor or a total.
 */
export function visibleCommunities(viewer: Viewer) {
  return (eb: CommunitiesExpression): ExpressionWrapper<Database, "communities", SqlBool> => {
    if (viewer.role === "admin") return eb.lit(true).$castTo<SqlBool>();
    const alive = eb("communities.deleted_at", "is", null);
    if (viewer.role === "guest") {
      return eb.and([alive, eb("communities.kind", "=", "external"), eb.or([explicitMember(eb, viewer.id), pendingInvitation(eb, viewer.id)])]);
    }
    return eb.and([
      alive,
      eb.or([eb("communities.visibility", "!=", "secret"), isMemberFilter(viewer)(eb), pendingInvitation(eb, viewer.id)]),
    ]);
  };
}

/**
 * The communities whose content `viewer` may read, as a filter on `communities`: the SQL form of
 * `can(viewer, "read", ...)`. Every feed, search and count of posts goes through it.
 */
export function readableCommunities(viewer: Viewer) {
  return (eb: CommunitiesExpression): ExpressionWrapper<Database, "communities", SqlBool> => {
    if (viewer.role === "admin") return eb("communities.deleted_at", "is", null);
    const visible = visibleCommunities(viewer)(eb);
    if (viewer.role === "guest") return eb.and([visible, explicitMember(eb, viewer.id)]);
    return eb.and([visible, eb.or([eb("communities.visibility", "=", "public"), isMemberFilter(viewer)(eb)])]);
  };
}
