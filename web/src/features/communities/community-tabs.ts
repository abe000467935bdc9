import type { Community } from "@ruche/contracts";

/** The community page's tabs, in display order; each has its own URL (`/communities/:id/members`), the posts the community's own. */
export const communityTabNames = ["posts", "about", "members", "requests", "invitations", "settings"] as const;
export type CommunityTab = (typeof communityTabNames)[number];

/**
 * The tabs this viewer gets. Everyone sees "about"; the posts, first, and the member list only
 * those who may read the community (the API then gives a member count); requests only matter for
 * closed communities; requests and invitations close with the community when it is archived,
 * while its settings stay open so a manager can unarchive it.
 */
export function communityTabs(community: Community): CommunityTab[] {
  const reader = community.memberCount !== null;
  const tabs: CommunityTab[] = reader ? ["posts", "about", "members"] : ["about"];
  if (!community.canManage || community.deletedAt) return tabs;
  const open = community.archivedAt === null;
  if (open && community.visibility === "closed") tabs.push("requests");
  if (open) tabs.push("invitations");
  tabs.push("settings");
  return tabs;
}

/**
 * The tab a URL segment names: none means the viewer's first tab (the posts for readers, else
 * "about"); an unknown segment, like a redundant /posts, is null (a page not found).
 */
export function tabFromSegment(segment: string | undefined, tabs: readonly CommunityTab[]): CommunityTab | null {
  if (segment === undefined) return tabs[0] ?? "about";
  return communityTabNames.find((name) => name === segment && name !== "posts") ?? null;
}

/** The URL of a community's tab: the posts are the community's own URL. */
export function tabPath(communityId: string, tab: CommunityTab): string {
  return tab === "posts" ? `/communities/${communityId}` : `/communities/${communityId}/${tab}`;
}
