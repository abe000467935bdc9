import type { Community } from "@ruche/contracts";

/** Why the viewer may not post in a community, to say so where the composer would be. */
export type PostingBlock = "deleted" | "archived" | "notMember" | "charter" | "managersOnly" | "notAllowed";

/**
 * The reason behind `canPost: false`, most fundamental first: the server decides, this only
 * explains its decision (null when the viewer may post).
 */
export function postingBlock(community: Community): PostingBlock | null {
  if (community.canPost) return null;
  if (community.deletedAt) return "deleted";
  if (community.archivedAt) return "archived";
  if (community.myRole === null) return "notMember";
  if (community.charter?.required && community.charter.acceptedAt === null) return "charter";
  if (community.postingPolicy === "managers" && community.myRole === "member") return "managersOnly";
  return "notAllowed";
}
