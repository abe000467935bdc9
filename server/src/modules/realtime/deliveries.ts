import type { StreamEvent, StreamEventName } from "@ruche/contracts";
import type { EventRow } from "../../platform/schema.ts";
import { homeShows, mayReadCommunity, mayReadPost } from "./access.ts";
import type { CommunityState, PostState, UserState } from "./repository.ts";

/** One message an event yields on one topic, for whoever `allowed` lets through. */
export interface Delivery {
  id: string;
  topic: string;
  name: StreamEventName;
  data: StreamEvent["data"];
  allowed(user: UserState): boolean;
}

/** What the deliveries of a batch of events need, loaded once for the batch. */
export interface EventFacts {
  posts: Map<string, PostState>;
  communities: Map<string, CommunityState>;
  unreadCounts: Map<string, number>;
}

/** Event types that reach clients. */
export const deliveredTypes = [
  "post.created", "post.shared", "post.updated", "post.deleted", "post.restored",
  "comment.created", "comment.updated", "comment.deleted", "reaction.added", "reaction.removed",
  "notifications.changed", "member.joined", "member.left", "member.removed", "member.role_changed",
  "community_invitation.accepted", "request.approved",
];

/** Event types that change what someone may see (handled by the hub before later deliveries). */
export const stateTypes = [
  "member.joined", "member.left", "member.removed", "member.role_changed", "community_invitation.accepted", "request.approved",
  "community.updated", "community.archived", "community.deleted", "community.restored",
  "user.deactivated", "user.reactivated", "user.role_changed", "access_token.revoked",
  "person.followed", "person.unfollowed", "topic.followed", "topic.unfollowed",
];

/** Every event type the stream listens to. */
export const streamTypes = [...new Set([...deliveredTypes, ...stateTypes])];

function text(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** The post an event is about: a shared copy is a new post. */
export function postIdOf(event: EventRow): string | undefined {
  if (event.type === "post.shared") return text(event.payload.shareId);
  if (event.type.startsWith("post.")) return event.subject_id ?? undefined;
  if (event.type.startsWith("comment.") || event.type.startsWith("reaction.")) return text(event.payload.postId);
  return undefined;
}

/** The person a membership event is about. */
export function memberOf(event: EventRow): string | undefined {
  return text(event.payload.userId);
}

function postDeliveries(event: EventRow, facts: EventFacts): Delivery[] {
  const postId = postIdOf(event);
  const post = postId ? facts.posts.get(postId) : undefined;
  if (!postId || !post) return [];
  const community = facts.communities.get(post.communityId);
  const data = { postId, communityId: post.communityId };
  const name = (event.type === "post.shared" ? "post.created" : event.type) as StreamEventName;
  const base = { id: event.id, name, data };
  const result: Delivery[] = [
    { ...base, topic: "home", allowed: (user) => homeShows(user, post, community) },
    { ...base, topic: `community:${post.communityId}`, allowed: (user) => mayReadCommunity(user, post.communityId, community) },
  ];
  if (name !== "post.created") result.push({ ...base, topic: `post:${postId}`, allowed: (user) => mayReadPost(user, post, community) });
  return result;
}

function threadDeliveries(event: EventRow, facts: EventFacts): Delivery[] {
  const postId = postIdOf(event);
  const post = postId ? facts.posts.get(postId) : undefined;
  if (!postId || !post) return [];
  const community = facts.communities.get(post.communityId);
  const onComment = event.type.startsWith("comment.") || event.payload.target === "comment";
  const commentId = onComment && event.subject_id ? { commentId: event.subject_id } : {};
  const name = (event.type.startsWith("reaction.") ? "reactions.changed" : event.type) as StreamEventName;
  return [{ id: event.id, topic: `post:${postId}`, name, data: { postId, ...commentId }, allowed: (user) => mayReadPost(user, post, community) }];
}

function notificationDeliveries(event: EventRow, facts: EventFacts): Delivery[] {
  const userIds = Array.isArray(event.payload.userIds) ? event.payload.userIds.filter((id): id is string => typeof id === "string") : [];
  return userIds.map((userId) => ({
    id: event.id,
    topic: "notifications",
    name: "notifications.changed",
    data: { unreadCount: facts.unreadCounts.get(userId) ?? 0 },
    allowed: (user) => user.id === userId,
  }));
}

function membershipDeliveries(event: EventRow): Delivery[] {
  const userId = memberOf(event);
  const communityId = event.subject_id;
  if (!userId || !communityId) return [];
  return [{ id: event.id, topic: "notifications", name: "membership.changed", data: { communityId }, allowed: (user) => user.id === userId }];
}

/** The messages an event yields, each with the check a subscriber must pass. */
export function deliveriesOf(event: EventRow, facts: EventFacts): Delivery[] {
  if (!deliveredTypes.includes(event.type)) return [];
  if (event.type.startsWith("post.")) return postDeliveries(event, facts);
  if (event.type.startsWith("comment.") || event.type.startsWith("reaction.")) return threadDeliveries(event, facts);
  if (event.type === "notifications.changed") return notificationDeliveries(event, facts);
  return membershipDeliveries(event);
}
