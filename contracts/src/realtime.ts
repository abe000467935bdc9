import { Type, type Static } from "@sinclair/typebox";
import { Id } from "./common.ts";

/**
 * The realtime stream, `GET /api/v1/stream` upgraded to a WebSocket: the client subscribes to
 * topics and receives, for each event it may see, a small message naming what changed. Messages
 * carry ids, never content: the client fetches what it shows through the API, which applies the
 * policy again. Each event has the id of the outbox event it comes from (UUIDv7, time-ordered):
 * a client that reconnects subscribes `after` the last id it saw and receives what it missed, in
 * order, once.
 */

/** `home`, `notifications`, `community:<id>` or `post:<id>`. */
export const StreamTopic = Type.String({
  pattern: "^(home|notifications|community:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|post:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$",
  maxLength: 60,
});
export type StreamTopic = Static<typeof StreamTopic>;

/** Client to server: start receiving `topics`; with `after`, first what happened since that event. */
export const StreamSubscribe = Type.Object(
  { type: Type.Literal("subscribe"), topics: Type.Array(StreamTopic, { minItems: 1, maxItems: 50 }), after: Type.Optional(Id) },
  { additionalProperties: false },
);
export const StreamUnsubscribe = Type.Object(
  { type: Type.Literal("unsubscribe"), topics: Type.Array(StreamTopic, { minItems: 1, maxItems: 50 }) },
  { additionalProperties: false },
);
export const StreamClientMessage = Type.Union([StreamSubscribe, StreamUnsubscribe]);
export type StreamClientMessage = Static<typeof StreamClientMessage>;

export const StreamEventName = Type.Union([
  Type.Literal("post.created"),
  Type.Literal("post.updated"),
  Type.Literal("post.deleted"),
  Type.Literal("post.restored"),
  Type.Literal("comment.created"),
  Type.Literal("comment.updated"),
  Type.Literal("comment.deleted"),
  Type.Literal("reactions.changed"),
  Type.Literal("notifications.changed"),
  Type.Literal("membership.changed"),
]);
export type StreamEventName = Static<typeof StreamEventName>;

/** Server to client: something the client may see changed. Fetch it through the API to show it. */
export const StreamEvent = Type.Object({
  type: Type.Literal("event"),
  /** The outbox event's id: pass the last one seen as `after` when subscribing again. */
  id: Id,
  topic: StreamTopic,
  name: StreamEventName,
  data: Type.Object({
    postId: Type.Optional(Id),
    communityId: Type.Optional(Id),
    commentId: Type.Optional(Id),
    /** `notifications.changed`: the recipient's unread count now. */
    unreadCount: Type.Optional(Type.Integer({ minimum: 0 })),
  }),
});
export type StreamEvent = Static<typeof StreamEvent>;

/** Server to client: these topics are now delivered (after any missed events were replayed). */
export const StreamSubscribed = Type.Object({ type: Type.Literal("subscribed"), topics: Type.Array(StreamTopic) });

/**
 * Server to client: a topic is not available to this person, or no longer (left the community,
 * lost access): the same answer whether it exists or not.
 */
export const StreamRefused = Type.Object({ type: Type.Literal("refused"), topic: StreamTopic, code: Type.String() });

/** Server to client: too much was missed to replay (or `after` is unknown): refetch, then go on live. */
export const StreamReset = Type.Object({ type: Type.Literal("reset"), topics: Type.Array(StreamTopic) });

/** Server to client: the last message was not understood; `code` is from the error catalogue. */
export const StreamError = Type.Object({ type: Type.Literal("error"), code: Type.String(), message: Type.String() });

export const StreamServerMessage = Type.Union([StreamEvent, StreamSubscribed, StreamRefused, StreamReset, StreamError]);
export type StreamServerMessage = Static<typeof StreamServerMessage>;
