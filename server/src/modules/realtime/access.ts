import { can as canCommunity, roleOf, type CommunityFacts } from "../communities/policy.ts";
import { can as canPost } from "../posts/policy.ts";
import type { CommunityState, PostState, UserState } from "./repository.ts";

/**
 * The stream's authorization, from state kept in memory: the same pure `can()` rules as the HTTP
 * API, fed with the connected person's memberships and the community's facts, so that fan-out to
 * thousands of sockets asks the database nothing per socket.
 */

/** The communities policy's facts for one viewer; invitations and charters never change reading. */
export function factsFor(user: UserState, community: CommunityState, communityId: string): CommunityFacts {
  return {
    ...community,
    explicitRole: user.memberships.get(communityId) ?? null,
    invited: false,
    postingPolicy: "all",
    charterRequired: false,
    charterAccepted: true,
  };
}

/** Whether `user` may read the community (an unknown community: no). */
export function mayReadCommunity(user: UserState, communityId: string, community: CommunityState | undefined): boolean {
  return user.active && community !== undefined && canCommunity(user, "read", factsFor(user, community, communityId));
}

/**
 * Whether `user` may read the post. A deletion is announced to those who could read the post
 * before it went, so the deletion flag is left out here; subscribing checks it separately.
 */
export function mayReadPost(user: UserState, post: PostState, community: CommunityState | undefined): boolean {
  if (!user.active || !community) return false;
  return canPost(user, "read", { community: factsFor(user, community, post.communityId), authorId: post.authorId, deleted: false });
}

/**
 * Whether the post belongs in `user`'s home feed (the rules of feeds/home-feed.ts): readable, and
 * in one of their communities, or by someone they follow, or with a topic they follow.
 */
export function homeShows(user: UserState, post: PostState, community: CommunityState | undefined): boolean {
  if (!community || !mayReadCommunity(user, post.communityId, community)) return false;
  if (roleOf(user, factsFor(user, community, post.communityId)) !== null) return true;
  if (post.authorId !== null && user.followedPeople.has(post.authorId)) return true;
  return post.topicIds.some((topic) => user.followedTopics.has(topic));
}
