import type { Tx } from "../../platform/db.ts";
import { appendEvent, type EventHandler } from "../../platform/outbox.ts";
import type { EventRow } from "../../platform/schema.ts";
import type { Runtime } from "../../runtime.ts";
import { commentAuthor, notify, postFacts, postFollowers, type NotifyInput } from "./recipients.ts";

type Payload = Record<string, unknown>;

function payloadOf(event: EventRow): Payload {
  return event.payload;
}

function text(payload: Payload, key: string): string | null {
  const value = payload[key];
  return typeof value === "string" ? value : null;
}

function ids(payload: Payload, key: string): string[] {
  const value = payload[key];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

/** Runs the notification steps of one event in order (earlier kinds win: receipts dedupe), then tells the stream. */
async function notifyInOrder(tx: Tx, steps: Omit<NotifyInput, "eventId">[], event: EventRow): Promise<void> {
  const changed = new Set<string>();
  for (const step of steps) for (const userId of await notify(tx, { ...step, eventId: event.id })) changed.add(userId);
  if (changed.size > 0) await appendEvent(tx, { type: "notifications.changed", subjectId: event.id, payload: { userIds: [...changed] } });
}

/** A new post: mentions, then an announcement to its members, then members who asked for every post. */
const postCreated: EventHandler = async (event, tx) => {
  const postId = event.subject_id;
  const post = postId ? await postFacts(tx, postId) : undefined;
  if (!postId || !post) return;
  const base = { actorId: event.actor_id, communityId: post.communityId, postId, mustRead: true } as const;
  const steps: Omit<NotifyInput, "eventId">[] = [
    { ...base, kind: "mention", candidates: { userIds: ids(payloadOf(event), "mentions") }, gate: "highlights" },
  ];
  if (post.announcement) steps.push({ ...base, kind: "announcement", candidates: { membersOf: post.communityId }, gate: "highlights" });
  steps.push({ ...base, kind: "community_post", candidates: { membersOf: post.communityId }, gate: "all" });
  await notifyInOrder(tx, steps, event);
};

/** An edited post: only the people it newly mentions. */
const postUpdated: EventHandler = async (event, tx) => {
  const postId = event.subject_id;
  const post = postId ? await postFacts(tx, postId) : undefined;
  if (!postId || !post) return;
  const mentions = ids(payloadOf(event), "mentions");
  await notifyInOrder(tx, [{ kind: "mention", actorId: event.actor_id, communityId: post.communityId, postId, mustRead: true, candidates: { userIds: mentions }, gate: "highlights" }], event);
};

/** A new comment: mentions, then a reply to the parent's author, then the post's followers. */
const commentCreated: EventHandler = async (event, tx) => {
  const payload = payloadOf(event);
  const postId = text(payload, "postId");
  const post = postId ? await postFacts(tx, postId) : undefined;
  if (!event.subject_id || !postId || !post) return;
  const base = { actorId: event.actor_id, communityId: post.communityId, postId, commentId: event.subject_id, mustRead: true, gate: "highlights" } as const;
  const parentId = text(payload, "parentId");
  const parentAuthor = parentId ? await commentAuthor(tx, parentId) : null;
  await notifyInOrder(
    tx,
    [
      { ...base, kind: "mention", candidates: { userIds: ids(payload, "mentionedIds") } },
      { ...base, kind: "reply", candidates: { userIds: parentAuthor ? [parentAuthor] : [] } },
      { ...base, kind: "comment", candidates: { userIds: await postFollowers(tx, postId) } },
    ],
    event,
  );
};

/** An edited comment: only the people it newly mentions. */
const commentUpdated: EventHandler = async (event, tx) => {
  const payload = payloadOf(event);
  const postId = text(payload, "postId");
  const post = postId ? await postFacts(tx, postId) : undefined;
  if (!event.subject_id || !postId || !post) return;
  const step = { kind: "mention", actorId: event.actor_id, communityId: post.communityId, postId, commentId: event.subject_id, mustRead: true, gate: "highlights" } as const;
  await notifyInOrder(tx, [{ ...step, candidates: { userIds: ids(payload, "mentionedIds") } }], event);
};

/** A reaction: the target's author, on one unread row per target that groups everyone who reacts. */
const reactionAdded: EventHandler = async (event, tx) => {
  const payload = payloadOf(event);
  const postId = text(payload, "postId");
  const target = text(payload, "target");
  const post = postId ? await postFacts(tx, postId) : undefined;
  if (!event.subject_id || !postId || !post || (target !== "post" && target !== "comment")) return;
  const onComment = target === "comment";
  const author = onComment ? await commentAuthor(tx, event.subject_id) : post.authorId;
  const step: Omit<NotifyInput, "eventId"> = {
    kind: "reaction",
    actorId: event.actor_id,
    communityId: post.communityId,
    postId,
    commentId: onComment ? event.subject_id : null,
    candidates: { userIds: author ? [author] : [] },
    gate: "highlights",
    mustRead: true,
    groupKey: `reaction:${target}:${event.subject_id}`,
  };
  await notifyInOrder(tx, [step], event);
};

/** Community events told to one person named in the payload (invitations, decisions on requests). */
function toPersonInPayload(kind: "invitation" | "request_approved" | "request_refused"): EventHandler {
  // Each of these events has the community as its subject.
  return async (event, tx) => {
    const payload = payloadOf(event);
    const userId = text(payload, "userId");
    const communityId = event.subject_id;
    if (!userId || !communityId) return;
    const step = { kind, actorId: event.actor_id, communityId, reason: text(payload, "reason"), gate: "ungated", mustRead: false } as const;
    await notifyInOrder(tx, [{ ...step, candidates: { userIds: [userId] } }], event);
  };
}

/** A request to join: the community's owners and managers. */
const requestCreated: EventHandler = async (event, tx) => {
  const communityId = event.subject_id;
  if (!communityId) return;
  const step = { kind: "join_request", actorId: event.actor_id, communityId, gate: "ungated", mustRead: false } as const;
  await notifyInOrder(tx, [{ ...step, candidates: { membersOf: communityId, roles: ["owner", "manager"] } }], event);
};

/** Outbox handlers that turn events into in-app notifications. */
export function notificationsEventHandlers(runtime: Runtime): Record<string, EventHandler[]> {
  void runtime;
  return {
    "post.created": [postCreated],
    "post.updated": [postUpdated],
    "comment.created": [commentCreated],
    "comment.updated": [commentUpdated],
    "reaction.added": [reactionAdded],
    "community_invitation.created": [toPersonInPayload("invitation")],
    "request.created": [requestCreated],
    "request.approved": [toPersonInPayload("request_approved")],
    "request.refused": [toPersonInPayload("request_refused")],
  };
}
