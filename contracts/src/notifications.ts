import { Type, type Static } from "@sinclair/typebox";
import { Id, Page, PageQuery, Timestamp } from "./common.ts";
import { PersonSummary } from "./people.ts";

export const NotificationKind = Type.Union([
  /** Someone mentioned me in a post or comment. */
  Type.Literal("mention"),
  /** A comment on my post, or on a post I follow. */
  Type.Literal("comment"),
  /** A reply to my comment. */
  Type.Literal("reply"),
  /** Reactions to my post or comment, grouped: "A and 3 others reacted". */
  Type.Literal("reaction"),
  Type.Literal("invitation"),
  /** To a community's managers: someone asks to join. */
  Type.Literal("join_request"),
  Type.Literal("request_approved"),
  Type.Literal("request_refused"),
  Type.Literal("announcement"),
  /** A new post in a community where I chose "all posts". */
  Type.Literal("community_post"),
]);
export type NotificationKind = Static<typeof NotificationKind>;

const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const Notification = Type.Object({
  id: Id,
  kind: NotificationKind,
  read: Type.Boolean(),
  /** When it last changed (a grouped reaction moves up when someone else reacts). */
  updatedAt: Timestamp,
  /** The most recent people behind it, at most three. */
  actors: Type.Array(PersonSummary),
  /** How many people in all (grouped reactions). */
  actorCount: Type.Integer({ minimum: 0 }),
  community: nullable(Type.Object({ id: Id, name: Type.String() })),
  post: nullable(Type.Object({ id: Id, excerpt: Type.String() })),
  comment: nullable(Type.Object({ id: Id, excerpt: Type.String() })),
  /** `request_refused`: the reason given, if any. */
  reason: nullable(Type.String()),
});
export type Notification = Static<typeof Notification>;

export const NotificationsQuery = Type.Composite([PageQuery, Type.Object({ unread: Type.Optional(Type.Boolean()) })]);
export type NotificationsQuery = Static<typeof NotificationsQuery>;
export const NotificationsPage = Page(Notification);
export type NotificationsPage = Static<typeof NotificationsPage>;

export const UnreadCount = Type.Object({ count: Type.Integer({ minimum: 0 }) });
export type UnreadCount = Static<typeof UnreadCount>;

export const NotificationParams = Type.Object({ id: Id });

/** What notifies me of a community's posts: every post, highlights (mentions, announcements), nothing. */
export const NotificationLevel = Type.Union([Type.Literal("all"), Type.Literal("highlights"), Type.Literal("none")]);
export type NotificationLevel = Static<typeof NotificationLevel>;

export const EmailFrequency = Type.Union([Type.Literal("immediate"), Type.Literal("daily"), Type.Literal("weekly"), Type.Literal("none")]);
export type EmailFrequency = Static<typeof EmailFrequency>;

/** A person's notification settings: email, the default level, and the communities set otherwise. */
export const NotificationSettings = Type.Object({
  email: EmailFrequency,
  defaultLevel: NotificationLevel,
  communities: Type.Array(Type.Object({ communityId: Id, name: Type.String(), level: NotificationLevel })),
});
export type NotificationSettings = Static<typeof NotificationSettings>;

export const NotificationSettingsUpdate = Type.Object(
  { email: Type.Optional(EmailFrequency), defaultLevel: Type.Optional(NotificationLevel) },
  { additionalProperties: false, minProperties: 1 },
);
export type NotificationSettingsUpdate = Static<typeof NotificationSettingsUpdate>;

/** `PUT /api/v1/communities/:id/notification-level`; `null` goes back to the default level. */
export const CommunityNotificationLevel = Type.Object({ level: nullable(NotificationLevel) }, { additionalProperties: false });
export type CommunityNotificationLevel = Static<typeof CommunityNotificationLevel>;
