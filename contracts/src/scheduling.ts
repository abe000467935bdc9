import { Type, type Static } from "@sinclair/typebox";
import { Id, Timestamp } from "./common.ts";
import { Attachment, COMMENT_MAX_LENGTH, MarkdownBody, MAX_ATTACHMENTS, PollInput, POST_MAX_LENGTH } from "./stream.ts";

const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

/** How far ahead a post may be scheduled. */
export const SCHEDULE_MAX_DAYS = 90;

/**
 * `POST /api/v1/scheduled-posts`: a post to send later, checked as `POST /api/v1/posts` checks it.
 * Its attachments are held until it goes out; an urgent override cannot be scheduled.
 */
export const CreateScheduledPostBody = Type.Object(
  {
    communityId: Id,
    body: MarkdownBody(POST_MAX_LENGTH),
    /** In the future, at most 90 days ahead. */
    sendAt: Timestamp,
    attachmentIds: Type.Optional(Type.Array(Id, { maxItems: MAX_ATTACHMENTS, uniqueItems: true })),
    /** A poll closing after `sendAt`, if it closes. */
    poll: Type.Optional(PollInput),
    announcement: Type.Optional(Type.Boolean()),
    mustRead: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type CreateScheduledPostBody = Static<typeof CreateScheduledPostBody>;

/** `PATCH /api/v1/scheduled-posts/:id`, until it goes out. */
export const UpdateScheduledPostBody = Type.Object(
  { body: Type.Optional(MarkdownBody(POST_MAX_LENGTH)), sendAt: Type.Optional(Timestamp) },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateScheduledPostBody = Static<typeof UpdateScheduledPostBody>;

export const ScheduledPostStatus = Type.Union([Type.Literal("scheduled"), Type.Literal("published"), Type.Literal("failed")]);
export type ScheduledPostStatus = Static<typeof ScheduledPostStatus>;

/** A post waiting to go out, gone out (with its post), or refused when its time came (with why). */
export const ScheduledPost = Type.Object({
  id: Id,
  community: Type.Object({ id: Id, name: Type.String() }),
  body: Type.String(),
  announcement: Type.Boolean(),
  mustRead: Type.Boolean(),
  /** The uploads it holds, readable by its author only until it goes out. */
  attachments: Type.Array(Attachment),
  poll: nullable(PollInput),
  sendAt: Timestamp,
  status: ScheduledPostStatus,
  postId: nullable(Id),
  /** `failed`: the error code that stopped it (`post_not_allowed`, `community_not_found`, ...). */
  failureCode: nullable(Type.String()),
  failureReason: nullable(Type.String()),
  createdAt: Timestamp,
});
export type ScheduledPost = Static<typeof ScheduledPost>;

export const ScheduledPosts = Type.Object({ items: Type.Array(ScheduledPost) });
export type ScheduledPosts = Static<typeof ScheduledPosts>;

export const ScheduledPostParams = Type.Object({ id: Id });

/** `POST /api/v1/scheduled-comments`: a comment (or a reply) to send later, checked as commenting now is. */
export const CreateScheduledCommentBody = Type.Object(
  { postId: Id, parentId: Type.Optional(Id), body: MarkdownBody(COMMENT_MAX_LENGTH), sendAt: Timestamp },
  { additionalProperties: false },
);
export type CreateScheduledCommentBody = Static<typeof CreateScheduledCommentBody>;

export const UpdateScheduledCommentBody = Type.Object(
  { body: Type.Optional(MarkdownBody(COMMENT_MAX_LENGTH)), sendAt: Type.Optional(Timestamp) },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateScheduledCommentBody = Static<typeof UpdateScheduledCommentBody>;

/** A comment waiting to go out, gone out (with its comment), or refused when its time came. */
export const ScheduledComment = Type.Object({
  id: Id,
  postId: Id,
  parentId: nullable(Id),
  body: Type.String(),
  sendAt: Timestamp,
  status: ScheduledPostStatus,
  commentId: nullable(Id),
  failureCode: nullable(Type.String()),
  failureReason: nullable(Type.String()),
  createdAt: Timestamp,
});
export type ScheduledComment = Static<typeof ScheduledComment>;

export const ScheduledComments = Type.Object({ items: Type.Array(ScheduledComment) });
export type ScheduledComments = Static<typeof ScheduledComments>;

/** The people a draft mentions so far (the ids of its `mention:` links): they are told too. */
const DraftMentions = Type.Optional(Type.Array(Id, { maxItems: 50, uniqueItems: true }));

/** `POST /api/v1/scheduled-posts/suggestion`: would posting now notify people outside their working time? */
export const SendLaterSuggestionBody = Type.Object(
  { communityId: Id, announcement: Type.Optional(Type.Boolean()), mentions: DraftMentions },
  { additionalProperties: false },
);
export type SendLaterSuggestionBody = Static<typeof SendLaterSuggestionBody>;

/** `POST /api/v1/scheduled-comments/suggestion`: the same question for a comment on the post (or a reply). */
export const SendCommentLaterSuggestionBody = Type.Object({ postId: Id, parentId: Type.Optional(Id), mentions: DraftMentions }, { additionalProperties: false });
export type SendCommentLaterSuggestionBody = Static<typeof SendCommentLaterSuggestionBody>;

export const SendLaterSuggestion = Type.Object({
  /** How many people the post (or comment) would notify. */
  notified: Type.Integer({ minimum: 0 }),
  /** How many of them are outside their working time now. */
  offNow: Type.Integer({ minimum: 0 }),
  /** The next instant most of those off now start working; null when nobody is off. */
  suggestedSendAt: nullable(Timestamp),
});
export type SendLaterSuggestion = Static<typeof SendLaterSuggestion>;

/** `GET /api/v1/admin/reports/disconnect?from=2026-01&to=2026-12[&format=csv]`. */
export const DisconnectReportQuery = Type.Object(
  {
    from: Type.String({ pattern: "^\\d{4}-(0[1-9]|1[0-2])$" }),
    to: Type.String({ pattern: "^\\d{4}-(0[1-9]|1[0-2])$" }),
    format: Type.Optional(Type.Union([Type.Literal("json"), Type.Literal("csv")])),
  },
  { additionalProperties: false },
);
export type DisconnectReportQuery = Static<typeof DisconnectReportQuery>;

/** Below this many people, a department is merged into "Other" so that nobody can be singled out. */
export const REPORT_MIN_GROUP = 5;

/** One month and one department (null: "Other", departments too small to show alone). */
export const DisconnectReportRow = Type.Object({
  month: Type.String(),
  department: nullable(Type.String()),
  notificationsHeld: Type.Integer({ minimum: 0 }),
  offHoursPosts: Type.Integer({ minimum: 0 }),
  urgentOverrides: Type.Integer({ minimum: 0 }),
});
export type DisconnectReportRow = Static<typeof DisconnectReportRow>;

/** The HR and works council report: aggregated only; override reasons per month, never with a name. */
export const DisconnectReport = Type.Object({
  from: Type.String(),
  to: Type.String(),
  minimumGroup: Type.Integer(),
  rows: Type.Array(DisconnectReportRow),
  overrideReasons: Type.Array(Type.Object({ month: Type.String(), reasons: Type.Array(Type.String()) })),
});
export type DisconnectReport = Static<typeof DisconnectReport>;
