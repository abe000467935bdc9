import { Type, type Static } from "@sinclair/typebox";
import { Id, Page, PageQuery, Timestamp } from "./common.ts";
import { CommunityKind, CommunityVisibility } from "./communities.ts";
import { PersonSummary, SingleLine } from "./people.ts";

const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

/** Markdown as written: anything but NUL (PostgreSQL cannot store it). */
export const MarkdownBody = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: "^[^\\u0000]*$" });

export const POST_MAX_LENGTH = 20_000;
export const COMMENT_MAX_LENGTH = 10_000;
export const MAX_ATTACHMENTS = 10;

export const ReactionKind = Type.Union([
  Type.Literal("like"),
  Type.Literal("celebrate"),
  Type.Literal("support"),
  Type.Literal("insightful"),
  Type.Literal("curious"),
]);
export type ReactionKind = Static<typeof ReactionKind>;
export const REACTION_KINDS = ["like", "celebrate", "support", "insightful", "curious"] as const satisfies readonly ReactionKind[];

/** Counts by kind; a kind nobody chose is absent. */
export const ReactionCounts = Type.Object(
  {
    like: Type.Optional(Type.Integer()),
    celebrate: Type.Optional(Type.Integer()),
    support: Type.Optional(Type.Integer()),
    insightful: Type.Optional(Type.Integer()),
    curious: Type.Optional(Type.Integer()),
  },
  { additionalProperties: false },
);
export type ReactionCounts = Static<typeof ReactionCounts>;

/** The community a post lives in, as much as its reader needs. */
export const CommunityRef = Type.Object({
  id: Id,
  name: Type.String(),
  kind: CommunityKind,
  visibility: CommunityVisibility,
  /** The "external" marker: the community has guests. */
  external: Type.Boolean(),
});
export type CommunityRef = Static<typeof CommunityRef>;

export const Topic = Type.Object({
  id: Id,
  /** Folded form used in URLs: /topics/:slug. */
  slug: Type.String(),
  name: Type.String(),
  /** Whether the viewer follows it. */
  following: Type.Boolean(),
  /** Posts the viewer may read with this topic; present on the topic page only. */
  postCount: Type.Optional(Type.Integer()),
});
export type Topic = Static<typeof Topic>;

export const Attachment = Type.Object({
  id: Id,
  kind: Type.Union([Type.Literal("image"), Type.Literal("file")]),
  name: Type.String(),
  mimeType: Type.String(),
  byteSize: Type.Integer(),
  width: nullable(Type.Integer()),
  height: nullable(Type.Integer()),
  /** `/api/v1/attachments/:id/download`: checks the policy like the post does. */
  url: Type.String(),
  /** Images only: `/api/v1/attachments/:id/thumbnail`. */
  thumbnailUrl: nullable(Type.String()),
});
export type Attachment = Static<typeof Attachment>;

export const AttachmentParams = Type.Object({ id: Id }, { additionalProperties: false });
export type AttachmentParams = Static<typeof AttachmentParams>;

export const LinkPreview = Type.Object({
  url: Type.String(),
  status: Type.Union([Type.Literal("pending"), Type.Literal("ready"), Type.Literal("failed")]),
  title: nullable(Type.String()),
  description: nullable(Type.String()),
  siteName: nullable(Type.String()),
  /** Re-hosted by Ruche (`/api/v1/posts/:id/preview-image`), never hot-linked. */
  imageUrl: nullable(Type.String()),
});
export type LinkPreview = Static<typeof LinkPreview>;

export const PollOption = Type.Object({
  id: Id,
  label: Type.String(),
  /** Null while the results are hidden from the viewer. */
  votes: nullable(Type.Integer()),
  /** Whether the viewer chose it. */
  chosen: Type.Boolean(),
});
export const Poll = Type.Object({
  multiple: Type.Boolean(),
  closesAt: nullable(Timestamp),
  closed: Type.Boolean(),
  resultsVisible: Type.Union([Type.Literal("after_vote"), Type.Literal("after_close")]),
  /** Null while the results are hidden from the viewer. */
  totalVoters: nullable(Type.Integer()),
  options: Type.Array(PollOption),
  voted: Type.Boolean(),
});
export type Poll = Static<typeof Poll>;

export const Announcement = Type.Object({
  mustRead: Type.Boolean(),
  /** When the viewer acknowledged it; null while it is pinned for them. */
  acknowledgedAt: nullable(Timestamp),
  /** "x of y read": for the author, the community's managers and admins; null for others. */
  readCount: nullable(Type.Integer()),
  audienceCount: nullable(Type.Integer()),
});
export type Announcement = Static<typeof Announcement>;

/** What the viewer may do with a post, so the interface offers only that. */
export const PostPermissions = Type.Object({
  edit: Type.Boolean(),
  delete: Type.Boolean(),
  comment: Type.Boolean(),
  react: Type.Boolean(),
  pin: Type.Boolean(),
  share: Type.Boolean(),
  seeReaders: Type.Boolean(),
});

const PostFields = {
  id: Id,
  community: CommunityRef,
  /** Null when the author's account was removed. */
  author: nullable(PersonSummary),
  /** Markdown as written (for editing). */
  body: Type.String(),
  /** Sanitised HTML rendered from the body; mentions of people the viewer may not see are plain text. */
  html: Type.String(),
  topics: Type.Array(Type.Object({ slug: Type.String(), name: Type.String() })),
  attachments: Type.Array(Attachment),
  linkPreview: nullable(LinkPreview),
  poll: nullable(Poll),
  announcement: nullable(Announcement),
  pinned: Type.Boolean(),
  commentCount: Type.Integer(),
  reactionCounts: ReactionCounts,
  myReactions: Type.Array(ReactionKind),
  bookmarked: Type.Boolean(),
  following: Type.Boolean(),
  createdAt: Timestamp,
  editedAt: nullable(Timestamp),
  /** Only admins see a deleted post (to restore it). */
  deletedAt: nullable(Timestamp),
  can: PostPermissions,
};

/** The original of a shared post, as its reader may see it. */
export const SharedOriginal = Type.Object({
  /** False when the viewer may not read the original (or it was deleted): nothing else is shown. */
  available: Type.Boolean(),
  post: nullable(Type.Object(PostFields)),
});

export const Post = Type.Object({ ...PostFields, shared: nullable(SharedOriginal) });
export type Post = Static<typeof Post>;

export const PostsPage = Page(Post);
export type PostsPage = Static<typeof PostsPage>;

/**
 * A community's pinned posts, most recently pinned first (at most 50): shown above its feed, which
 * itself stays in time order (`GET /api/v1/communities/:id/pinned`).
 */
export const PinnedPosts = Type.Object({ items: Type.Array(Post) });
export type PinnedPosts = Static<typeof PinnedPosts>;

export const PostParams = Type.Object({ id: Id }, { additionalProperties: false });
export type PostParams = Static<typeof PostParams>;

export const PollInput = Type.Object(
  {
    options: Type.Array(SingleLine({ minLength: 1, maxLength: 200 }), { minItems: 2, maxItems: 20 }),
    multiple: Type.Optional(Type.Boolean()),
    closesAt: Type.Optional(nullable(Timestamp)),
    resultsVisible: Type.Optional(Type.Union([Type.Literal("after_vote"), Type.Literal("after_close")])),
  },
  { additionalProperties: false },
);
export type PollInput = Static<typeof PollInput>;

/**
 * A new post. Mentions are written `[@Display Name](mention:<person id>)` (the composer inserts
 * them); topics are `#words`. Attachments are uploaded first (`POST /api/v1/attachments`).
 */
export const CreatePostBody = Type.Object(
  {
    communityId: Id,
    body: MarkdownBody(POST_MAX_LENGTH),
    attachmentIds: Type.Optional(Type.Array(Id, { maxItems: MAX_ATTACHMENTS, uniqueItems: true })),
    poll: Type.Optional(PollInput),
    /** Managers (and admins in company communities) only. */
    announcement: Type.Optional(Type.Boolean()),
    mustRead: Type.Optional(Type.Boolean()),
    /** Announcements only: delivered at once despite the right to disconnect (admins; managers when allowed). */
    urgent: Type.Optional(Type.Object({ reason: Type.String({ maxLength: 500, pattern: "^[^\\u0000]*$" }) }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);
export type CreatePostBody = Static<typeof CreatePostBody>;

export const UpdatePostBody = Type.Object(
  {
    body: Type.Optional(MarkdownBody(POST_MAX_LENGTH)),
    attachmentIds: Type.Optional(Type.Array(Id, { maxItems: MAX_ATTACHMENTS, uniqueItems: true })),
  },
  { additionalProperties: false },
);
export type UpdatePostBody = Static<typeof UpdatePostBody>;

export const SharePostBody = Type.Object(
  { communityId: Id, body: Type.Optional(MarkdownBody(POST_MAX_LENGTH)) },
  { additionalProperties: false },
);
export type SharePostBody = Static<typeof SharePostBody>;

export const PostRevision = Type.Object({ version: Type.Integer(), body: Type.String(), editedBy: nullable(Type.Object({ id: Id, displayName: Type.String() })), createdAt: Timestamp });
export const PostRevisions = Type.Object({ items: Type.Array(PostRevision) });
export type PostRevisions = Static<typeof PostRevisions>;

export const VoteBody = Type.Object({ optionIds: Type.Array(Id, { minItems: 1, maxItems: 20, uniqueItems: true }) }, { additionalProperties: false });
export type VoteBody = Static<typeof VoteBody>;

/** Who has and has not read an announcement (authors, managers, admins). */
export const AnnouncementReadersQuery = Type.Composite(
  [PageQuery, Type.Object({ read: Type.Optional(Type.Boolean()) })],
  { additionalProperties: false },
);
export type AnnouncementReadersQuery = Static<typeof AnnouncementReadersQuery>;
export const AnnouncementReader = Type.Object({ person: PersonSummary, acknowledgedAt: nullable(Timestamp) });
export const AnnouncementReadersPage = Page(AnnouncementReader);
export type AnnouncementReadersPage = Static<typeof AnnouncementReadersPage>;

// Comments.

export const Comment = Type.Object({
  id: Id,
  postId: Id,
  /** Null for a top-level comment; replies go one level deep. */
  parentId: nullable(Id),
  author: nullable(PersonSummary),
  body: Type.String(),
  html: Type.String(),
  attachments: Type.Array(Attachment),
  reactionCounts: ReactionCounts,
  myReactions: Type.Array(ReactionKind),
  /** Top-level comments: how many replies. */
  replyCount: Type.Integer(),
  createdAt: Timestamp,
  editedAt: nullable(Timestamp),
  /** A deleted comment with replies stays as a placeholder: body and html are empty. */
  deletedAt: nullable(Timestamp),
  can: Type.Object({ edit: Type.Boolean(), delete: Type.Boolean(), reply: Type.Boolean(), react: Type.Boolean() }),
});
export type Comment = Static<typeof Comment>;

export const CommentsPage = Page(Comment);
export type CommentsPage = Static<typeof CommentsPage>;

/** Top-level comments oldest first, or one comment's replies with `parentId`. */
export const ListCommentsQuery = Type.Composite([PageQuery, Type.Object({ parentId: Type.Optional(Id) })], { additionalProperties: false });
export type ListCommentsQuery = Static<typeof ListCommentsQuery>;

export const CreateCommentBody = Type.Object(
  {
    body: MarkdownBody(COMMENT_MAX_LENGTH),
    parentId: Type.Optional(Id),
    attachmentIds: Type.Optional(Type.Array(Id, { maxItems: MAX_ATTACHMENTS, uniqueItems: true })),
  },
  { additionalProperties: false },
);
export type CreateCommentBody = Static<typeof CreateCommentBody>;

export const UpdateCommentBody = Type.Object({ body: MarkdownBody(COMMENT_MAX_LENGTH) }, { additionalProperties: false });
export type UpdateCommentBody = Static<typeof UpdateCommentBody>;

export const CommentParams = Type.Object({ id: Id }, { additionalProperties: false });
export type CommentParams = Static<typeof CommentParams>;

// Reactions (the same routes under /posts/:id and /comments/:id).

export const ReactionParams = Type.Object({ id: Id, kind: ReactionKind }, { additionalProperties: false });
export type ReactionParams = Static<typeof ReactionParams>;

/** The target's counts and the viewer's reactions after a change. */
export const ReactionsSummary = Type.Object({ reactionCounts: ReactionCounts, myReactions: Type.Array(ReactionKind) });
export type ReactionsSummary = Static<typeof ReactionsSummary>;

export const ReactorsQuery = Type.Composite([PageQuery, Type.Object({ kind: Type.Optional(ReactionKind) })], { additionalProperties: false });
export type ReactorsQuery = Static<typeof ReactorsQuery>;
export const Reactor = Type.Object({ person: PersonSummary, kind: ReactionKind, createdAt: Timestamp });
export const ReactorsPage = Page(Reactor);
export type ReactorsPage = Static<typeof ReactorsPage>;

// Feeds, topics, follows.

export const FeedQuery = PageQuery;
export type FeedQuery = Static<typeof FeedQuery>;

export const TopicParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 100, pattern: "^[^\\u0000/]+$" }) }, { additionalProperties: false });
export type TopicParams = Static<typeof TopicParams>;

/** Topics by prefix (autocomplete) or the viewer's followed ones. */
export const ListTopicsQuery = Type.Composite(
  [PageQuery, Type.Object({ q: Type.Optional(SingleLine({ maxLength: 100 })), following: Type.Optional(Type.Boolean()) })],
  { additionalProperties: false },
);
export type ListTopicsQuery = Static<typeof ListTopicsQuery>;
export const TopicsPage = Page(Topic);
export type TopicsPage = Static<typeof TopicsPage>;

/** People a mention may name in a community: those the author may see, flagged when they cannot read it. */
export const MentionCandidatesQuery = Type.Object(
  { q: SingleLine({ minLength: 1, maxLength: 100 }), communityId: Type.Optional(Id), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 8 })) },
  { additionalProperties: false },
);
export type MentionCandidatesQuery = Static<typeof MentionCandidatesQuery>;
export const MentionCandidate = Type.Object({ person: PersonSummary, canRead: Type.Boolean() });
export const MentionCandidates = Type.Object({ items: Type.Array(MentionCandidate) });
export type MentionCandidates = Static<typeof MentionCandidates>;

/** Whether the viewer follows a person (their posts reach the home feed). */
export const FollowState = Type.Object({ following: Type.Boolean() });
export type FollowState = Static<typeof FollowState>;

/** The composer's preview: the body rendered exactly as it would be posted in that community. */
export const RenderPreviewBody = Type.Object(
  { body: Type.String({ maxLength: POST_MAX_LENGTH, pattern: "^[^\\u0000]*$" }), communityId: Type.Optional(Id) },
  { additionalProperties: false },
);
export type RenderPreviewBody = Static<typeof RenderPreviewBody>;
export const RenderedPreview = Type.Object({ html: Type.String() });
export type RenderedPreview = Static<typeof RenderedPreview>;
