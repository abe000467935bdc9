import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

/** Kysely's view of the database: one interface per table, matching the migrations. */
export interface Database {
  organisation: OrganisationTable;
  files: FilesTable;
  users: UsersTable;
  sessions: SessionsTable;
  access_tokens: AccessTokensTable;
  invitations: InvitationsTable;
  email_tokens: EmailTokensTable;
  login_failures: LoginFailuresTable;
  events: EventsTable;
  communities: CommunitiesTable;
  community_members: CommunityMembersTable;
  community_requests: CommunityRequestsTable;
  community_invitations: CommunityInvitationsTable;
  community_charters: CommunityChartersTable;
  charter_acceptances: CharterAcceptancesTable;
  topics: TopicsTable;
  posts: PostsTable;
  post_revisions: PostRevisionsTable;
  post_topics: PostTopicsTable;
  post_mentions: PostMentionsTable;
  comments: CommentsTable;
  comment_mentions: CommentMentionsTable;
  post_reactions: PostReactionsTable;
  comment_reactions: CommentReactionsTable;
  attachments: AttachmentsTable;
  link_previews: LinkPreviewsTable;
  polls: PollsTable;
  poll_options: PollOptionsTable;
  poll_votes: PollVotesTable;
  announcement_acks: AnnouncementAcksTable;
  bookmarks: BookmarksTable;
  post_follows: PostFollowsTable;
  topic_follows: TopicFollowsTable;
  person_follows: PersonFollowsTable;
  post_reads: PostReadsTable;
  notifications: NotificationsTable;
  notification_receipts: NotificationReceiptsTable;
  notification_settings: NotificationSettingsTable;
  community_notification_levels: CommunityNotificationLevelsTable;
  server_secrets: ServerSecretsTable;
  // --- tables of 0010_disconnect ---
  notification_deliveries: NotificationDeliveriesTable;
  urgent_overrides: UrgentOverridesTable;
  // --- tables of 0011_push ---
  push_subscriptions: PushSubscriptionsTable;
  // --- tables of 0012_email ---
  email_digests: EmailDigestsTable;
  // --- tables of 0013_scheduled_posts ---
  scheduled_posts: ScheduledPostsTable;
  scheduled_comments: ScheduledCommentsTable;
  // --- tables of 0014_search ---
  search_documents: SearchDocumentsTable;
}

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;

export interface OrganisationTable {
  id: Generated<number>;
  name: string;
  default_language: "fr" | "en";
  default_timezone: string;
  allowed_signup_domains: TextArray;
  members_can_invite: Generated<boolean>;
  logo_file_id: string | null;
  /** 0010_disconnect: ISO weekdays, and hours as "HH:MM:SS". */
  working_days: ColumnType<number[], number[] | undefined, number[]>;
  work_starts: Generated<string>;
  work_ends: Generated<string>;
  managers_may_urge: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface FilesTable {
  id: string;
  owner_id: string | null;
  purpose: string;
  mime_type: string;
  byte_size: ColumnType<string, number, number>;
  storage_key: string;
  width: number | null;
  height: number | null;
  created_at: CreatedAt;
}

export type NetworkRole = "admin" | "member" | "guest";

export interface UsersTable {
  id: string;
  email: string;
  role: NetworkRole;
  status: Generated<"active" | "deactivated">;
  password_hash: string | null;
  email_verified_at: Timestamp | null;
  display_name: string;
  job_title: string | null;
  department: string | null;
  location: string | null;
  manager_id: string | null;
  phone: string | null;
  bio: string | null;
  skills: TextArray;
  languages: TextArray;
  timezone: string | null;
  working_hours: ColumnType<WorkingSpanRow[], string | undefined, string>;
  language: "fr" | "en" | null;
  avatar_file_id: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  deactivated_at: Timestamp | null;
  last_seen_at: Timestamp | null;
  /** 0010_disconnect: an absence; no email or push before it ends. */
  away_until: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface WorkingSpanRow {
  day: number;
  start: string;
  end: string;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: CreatedAt;
  last_used_at: UpdatedAt;
  expires_at: Timestamp;
  user_agent: string | null;
  ip: string | null;
}

export interface AccessTokensTable {
  id: string;
  user_id: string;
  name: string;
  prefix: string;
  token_hash: string;
  created_at: CreatedAt;
  last_used_at: Timestamp | null;
  expires_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface InvitationsTable {
  id: string;
  email: string;
  role: NetworkRole;
  invited_by: string | null;
  token_hash: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  accepted_at: Timestamp | null;
  accepted_user_id: string | null;
  revoked_at: Timestamp | null;
}

export interface EmailTokensTable {
  token_hash: string;
  purpose: "verify_email" | "reset_password";
  user_id: string;
  email: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface LoginFailuresTable {
  id: Generated<string>;
  user_id: string;
  created_at: CreatedAt;
}

export interface EventsTable {
  id: string;
  type: string;
  actor_id: string | null;
  subject_id: string | null;
  payload: ColumnType<Record<string, unknown>, string, string>;
  created_at: CreatedAt;
  dispatched_at: Timestamp | null;
  attempts: Generated<number>;
  last_error: string | null;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type OrganisationRow = Selectable<OrganisationTable>;
export type InvitationRow = Selectable<InvitationsTable>;
export type AccessTokenRow = Selectable<AccessTokensTable>;
export type EventRow = Selectable<EventsTable>;

export type CommunityKind = "company" | "interest" | "profession" | "project" | "external";
export type CommunityVisibility = "public" | "closed" | "secret";
export type CommunityRole = "owner" | "manager" | "member";

export interface CommunitiesTable {
  id: string;
  kind: CommunityKind;
  visibility: CommunityVisibility;
  name: string;
  description: string | null;
  slug: string | null;
  posting_policy: ColumnType<"all" | "managers", "all" | "managers" | undefined, "all" | "managers">;
  /** `date` columns: written as YYYY-MM-DD, read back through to_char to avoid time zone shifts. */
  starts_on: ColumnType<Date | null, string | null | undefined, string | null>;
  ends_on: ColumnType<Date | null, string | null | undefined, string | null>;
  archived_at: Timestamp | null;
  deleted_at: Timestamp | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  /** The charter version in force; null when the community has none. */
  charter_version: number | null;
  cover_file_id: string | null;
  /** When a project was archived for having ended; cleared when its end date changes. */
  end_archived_at: Timestamp | null;
  /** Guests among the members, kept by database triggers (migration 0007); never written by the app. */
  guest_count: ColumnType<number, never, never>;
}

export interface CommunityMembersTable {
  community_id: string;
  user_id: string;
  role: CommunityRole;
  joined_at: CreatedAt;
}
export type CommunityUpdate = Updateable<CommunitiesTable>;

export type CommunityRequestStatus = "pending" | "approved" | "refused" | "withdrawn";

export interface CommunityRequestsTable {
  id: string;
  community_id: string;
  user_id: string;
  message: string | null;
  status: CommunityRequestStatus;
  decided_by: string | null;
  decided_at: Timestamp | null;
  reason: string | null;
  created_at: CreatedAt;
}

export type CommunityInvitationStatus = "pending" | "accepted" | "declined" | "revoked";

export interface CommunityInvitationsTable {
  id: string;
  community_id: string;
  user_id: string | null;
  network_invitation_id: string | null;
  email: string | null;
  role: ColumnType<"manager" | "member", "manager" | "member" | undefined, "manager" | "member">;
  invited_by: string | null;
  status: CommunityInvitationStatus;
  created_at: CreatedAt;
  decided_at: Timestamp | null;
}

export interface CommunityChartersTable {
  community_id: string;
  version: number;
  text: string;
  required: boolean;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface CharterAcceptancesTable {
  community_id: string;
  user_id: string;
  version: number;
  accepted_at: CreatedAt;
}

export type ReactionKind = "like" | "celebrate" | "support" | "insightful" | "curious";
/** Reaction counts by kind, as kept on a post or comment row. */
export type ReactionCounts = Partial<Record<ReactionKind, number>>;
type Counts = ColumnType<ReactionCounts, string | undefined, string>;

export interface TopicsTable {
  id: string;
  slug: string;
  name: string;
  created_at: CreatedAt;
}

export interface PostsTable {
  id: string;
  community_id: string;
  author_id: string | null;
  body: string;
  body_html: string;
  shared_post_id: string | null;
  announcement: ColumnType<boolean, boolean | undefined, boolean>;
  must_read: ColumnType<boolean, boolean | undefined, boolean>;
  pinned_at: Timestamp | null;
  pinned_by: string | null;
  comment_count: ColumnType<number, number | undefined, number>;
  reaction_counts: Counts;
  edited_at: Timestamp | null;
  deleted_at: Timestamp | null;
  deleted_by: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface PostRevisionsTable {
  post_id: string;
  version: number;
  body: string;
  edited_by: string | null;
  created_at: CreatedAt;
}

export interface PostTopicsTable {
  topic_id: string;
  post_id: string;
  community_id: string;
  created_at: Date;
}

export interface PostMentionsTable {
  post_id: string;
  user_id: string;
}

export interface CommentsTable {
  id: string;
  post_id: string;
  parent_id: string | null;
  author_id: string | null;
  body: string;
  body_html: string;
  reaction_counts: Counts;
  edited_at: Timestamp | null;
  deleted_at: Timestamp | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface CommentMentionsTable {
  comment_id: string;
  user_id: string;
}

export interface PostReactionsTable {
  post_id: string;
  user_id: string;
  kind: ReactionKind;
  created_at: CreatedAt;
}

export interface CommentReactionsTable {
  comment_id: string;
  user_id: string;
  kind: ReactionKind;
  created_at: CreatedAt;
}

export interface AttachmentsTable {
  id: string;
  uploader_id: string | null;
  file_id: string;
  thumbnail_file_id: string | null;
  kind: "image" | "file";
  name: string;
  post_id: string | null;
  comment_id: string | null;
  /** 0018: held by a post waiting to go out (send later). */
  scheduled_post_id: ColumnType<string | null, string | null | undefined, string | null>;
  position: number | null;
  created_at: CreatedAt;
  /** The text a job pulled out of a PDF or DOCX, for search. */
  extracted_text: string | null;
  /** Why the text could not be read, when `extraction` is `failed`. */
  extraction_error: ColumnType<string | null, string | null | undefined, string | null>;
  extraction: ColumnType<"none" | "pending" | "done" | "failed", "none" | "pending" | "done" | "failed" | undefined, "none" | "pending" | "done" | "failed">;
}

export interface LinkPreviewsTable {
  post_id: string;
  url: string;
  status: "pending" | "ready" | "failed";
  title: string | null;
  description: string | null;
  image_file_id: string | null;
  site_name: string | null;
  error: string | null;
  fetched_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface PollsTable {
  post_id: string;
  multiple: boolean;
  closes_at: Timestamp | null;
  results_visible: "after_vote" | "after_close";
}

export interface PollOptionsTable {
  id: string;
  post_id: string;
  position: number;
  label: string;
  vote_count: ColumnType<number, number | undefined, number>;
}

export interface PollVotesTable {
  option_id: string;
  post_id: string;
  user_id: string;
  created_at: CreatedAt;
}

export interface AnnouncementAcksTable {
  post_id: string;
  user_id: string;
  acknowledged_at: CreatedAt;
}

export interface BookmarksTable {
  user_id: string;
  post_id: string;
  created_at: CreatedAt;
}

export interface PostFollowsTable {
  post_id: string;
  user_id: string;
  following: boolean;
  created_at: CreatedAt;
}

export interface TopicFollowsTable {
  user_id: string;
  topic_id: string;
  created_at: CreatedAt;
}

export interface PersonFollowsTable {
  follower_id: string;
  followed_id: string;
  created_at: CreatedAt;
}

export interface PostReadsTable {
  post_id: string;
  user_id: string;
  /** YYYY-MM-DD. */
  day: ColumnType<Date, string, string>;
}

export type NotificationLevelValue = "all" | "highlights" | "none";

export interface NotificationsTable {
  id: string;
  user_id: string;
  /** A NotificationKind of the contracts. */
  kind: string;
  /** Unread rows with the same key group (reactions): `reaction:post:<id>`. */
  group_key: string | null;
  community_id: string | null;
  post_id: string | null;
  comment_id: string | null;
  /** Most recent first, capped; `actor_count` counts them all. */
  actor_ids: TextArray;
  actor_count: Generated<number>;
  /** Every distinct person grouped into the row (actor_ids keeps only the latest few). */
  grouped_actor_ids: TextArray;
  reason: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  read_at: Timestamp | null;
}

export interface NotificationReceiptsTable {
  event_id: string;
  user_id: string;
}

export interface NotificationSettingsTable {
  user_id: string;
  email: ColumnType<"immediate" | "daily" | "weekly" | "none", "immediate" | "daily" | "weekly" | "none" | undefined, "immediate" | "daily" | "weekly" | "none">;
  default_level: ColumnType<NotificationLevelValue, NotificationLevelValue | undefined, NotificationLevelValue>;
  updated_at: UpdatedAt;
}

export interface CommunityNotificationLevelsTable {
  user_id: string;
  community_id: string;
  level: NotificationLevelValue;
  updated_at: UpdatedAt;
}

export interface ServerSecretsTable {
  name: string;
  value: string;
  created_at: CreatedAt;
}

// --- interfaces of 0010_disconnect ---
export interface NotificationDeliveriesTable {
  id: string;
  user_id: string;
  notification_id: string;
  due_at: Timestamp;
  urgent: Generated<boolean>;
  created_at: CreatedAt;
  released_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface UrgentOverridesTable {
  id: string;
  post_id: string;
  actor_id: string | null;
  reason: string;
  created_at: CreatedAt;
}

// --- interfaces of 0011_push ---

export interface PushSubscriptionsTable {
  id: string;
  user_id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  user_agent: string | null;
  created_at: CreatedAt;
  last_success_at: Timestamp | null;
  failures: Generated<number>;
}

// --- interfaces of 0012_email ---

/** One row a person who ever had a digest round: when it ran, what it covered, when a mail last went. */
export interface EmailDigestsTable {
  user_id: string;
  last_round_at: Timestamp | null;
  covered_until: Timestamp | null;
  last_sent_at: Timestamp | null;
}

// --- interfaces of 0013_scheduled_posts ---

/** A scheduled post's poll, stored as JSON: the `PollInput` of `POST /api/v1/posts`, options trimmed. */
export interface ScheduledPoll {
  options: string[];
  multiple?: boolean;
  closesAt?: string | null;
  resultsVisible?: "after_vote" | "after_close";
}

export interface ScheduledPostsTable {
  id: string;
  author_id: string;
  community_id: string;
  body: string;
  announcement: ColumnType<boolean, boolean | undefined, boolean>;
  /** 0018: an announcement to acknowledge. */
  must_read: ColumnType<boolean, boolean | undefined, boolean>;
  /** 0018: the poll as `POST /api/v1/posts` takes it. */
  poll: ColumnType<ScheduledPoll | null, string | null | undefined, string | null>;
  send_at: Timestamp;
  status: ColumnType<"scheduled" | "published" | "failed", "scheduled" | "published" | "failed" | undefined, "scheduled" | "published" | "failed">;
  post_id: string | null;
  /** The ErrorCode that stopped it going out (`post_not_allowed`, ...). */
  failure_code: string | null;
  failure_reason: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  processed_at: Timestamp | null;
}

export interface ScheduledCommentsTable {
  id: string;
  author_id: string;
  post_id: string;
  parent_id: string | null;
  body: string;
  send_at: Timestamp;
  status: ScheduledPostsTable["status"];
  comment_id: string | null;
  failure_code: string | null;
  failure_reason: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  processed_at: Timestamp | null;
}

export type SearchKind = "post" | "comment" | "community" | "person" | "topic" | "file";

/** Written only by the triggers of 0014_search: read-only for the application. */
export interface SearchDocumentsTable {
  kind: SearchKind;
  object_id: string;
  /** The community whose members may read it (post, comment, file), or the community itself. */
  community_id: string | null;
  /** The post a comment or file belongs to (a post's own id for a post). */
  post_id: string | null;
  comment_id: string | null;
  author_id: string | null;
  language: "fr" | "en";
  title: string;
  body: string;
  created_at: Date;
  document: string;
}
