import type { ExpressionBuilder, ExpressionWrapper, SqlBool } from "kysely";
import type { Database } from "../../platform/schema.ts";
import { can as canCommunity, readableCommunities, roleOf, type CommunityFacts } from "../communities/policy.ts";
import type { Viewer } from "../people/policy.ts";

/**
 * Who may do what with a post. A post is read by whoever may read its community, and is gone for
 * everyone but admins once deleted (or once its community is). Contributing (posting, commenting,
 * reacting, voting) needs membership of a live, unarchived community and, where the community
 * requires one, its charter accepted; posting itself also follows the community's posting policy.
 */
export type PostAction = "read" | "comment" | "react" | "edit" | "delete" | "restore" | "pin" | "announce" | "seeReaders";

export interface PostFacts {
  community: CommunityFacts;
  authorId: string | null;
  deleted: boolean;
}

/** Whether the viewer may contribute to the community (comment, react, vote), posting policy aside. */
export function mayContribute(viewer: Viewer, community: CommunityFacts): boolean {
  return canCommunity(viewer, "post", { ...community, postingPolicy: "all" });
}

function managesCommunity(viewer: Viewer, community: CommunityFacts): boolean {
  return canCommunity(viewer, "manage", community);
}

export function can(viewer: Viewer, action: PostAction, post: PostFacts): boolean {
  const { community } = post;
  const readable = canCommunity(viewer, "read", community) && !community.deleted;
  if (action === "restore") return readable && post.deleted && viewer.role === "admin";
  if (!readable || post.deleted) return false;
  const author = post.authorId !== null && post.authorId === viewer.id;
  switch (action) {
    case "read":
      return true;
    case "comment":
    case "react":
      return mayContribute(viewer, community);
    case "edit":
      return author && !community.archived && roleOf(viewer, community) !== null;
    case "delete":
      return author || managesCommunity(viewer, community);
    case "pin":
      return !community.archived && managesCommunity(viewer, community);
    case "announce":
      // Managers announce in their communities; admins also in company ones (they manage every community).
      return !community.archived && managesCommunity(viewer, community);
    case "seeReaders":
      return author || managesCommunity(viewer, community);
  }
}

type PostsExpression = ExpressionBuilder<Database, "posts">;

/**
 * The posts `viewer` may read, as a filter on `posts`: the SQL form of `can(viewer, "read", ...)`.
 * Every feed, count and search of posts goes through it.
 */
export function readablePosts(viewer: Viewer) {
  return (eb: PostsExpression): ExpressionWrapper<Database, "posts", SqlBool> =>
    eb.and([
      eb("posts.deleted_at", "is", null),
      eb(
        "posts.community_id",
        "in",
        eb.selectFrom("communities").select("communities.id").where(readableCommunities(viewer)),
      ),
    ]);
}
