import type { Community } from "@ruche/contracts";

/** The community page's tabs, in display order; each has its own URL (`/communities/:id/members`). */
export const communityTabNames = ["about", "members", "requests", "invitations", "settings"] as const;
export type CommunityTab = (typeof communityTabNames)[number];

/**
 * The tabs this viewer gets. Everyone sees "about"; the member list only those who may read the
 * community (the API then gives a member count); requests only matter for closed communities;
 * requests and invitations close with the community when it is archived, while its settings stay
 * open so a manager can unarchive it.
 */
export function communityTabs(community: Community): CommunityTab[] {
  const tabs: CommunityTab[] = ["about"];
  if (community.memberCount !== null) tabs.push("members");
  if (!community.canManage || community.deletedAt) return tabs;
  const open = community.archivedAt === null;
  if (open && community.visibility === "closed") tabs.push("requests");
  if (open) tabs.push("invitations");
  tabs.push("settings");
  return tabs;
}

/** The tab a URL segment names: none means "about"; an unknown segment is null (a page not found). */
export function tabFromSegment(segment: string | undefined): CommunityTab | null {
  if (segment === undefined) return "about";
  return communityTabNames.find((name) => name === segment && name !== "about") ?? null;
}

/** The URL of a community's tab. */
export function tabPath(communityId: string, tab: CommunityTab): string {
  return tab === "about" ? `/communities/${communityId}` : `/communities/${communityId}/${tab}`;
}
