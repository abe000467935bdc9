import { Type, type Static } from "@sinclair/typebox";
import { Email, Id, Page, PageQuery, Timestamp } from "./common.ts";
import { PersonSummary, SingleLine } from "./people.ts";

export const CommunityKind = Type.Union([
  Type.Literal("company"),
  Type.Literal("interest"),
  Type.Literal("profession"),
  Type.Literal("project"),
  Type.Literal("external"),
]);
export type CommunityKind = Static<typeof CommunityKind>;

export const CommunityVisibility = Type.Union([Type.Literal("public"), Type.Literal("closed"), Type.Literal("secret")]);
export type CommunityVisibility = Static<typeof CommunityVisibility>;

export const CommunityRole = Type.Union([Type.Literal("owner"), Type.Literal("manager"), Type.Literal("member")]);
export type CommunityRole = Static<typeof CommunityRole>;

/** Who may post: every member, or only managers (announcement communities). */
export const PostingPolicy = Type.Union([Type.Literal("all"), Type.Literal("managers")]);
export type PostingPolicy = Static<typeof PostingPolicy>;

/** A calendar day, YYYY-MM-DD (the server also refuses days that do not exist). */
export const CalendarDate = Type.String({ pattern: "^(19|20|21)[0-9]{2}-[0-9]{2}-[0-9]{2}$", description: "YYYY-MM-DD" });

const Description = Type.String({ maxLength: 2000, pattern: "^[^\\u0000]*$" });
const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

const LongText = (maxLength: number) => Type.String({ maxLength, pattern: "^[^\\u0000]*$" });

/** Someone named on a decision (who invited, who decided); null once their account is gone. */
export const PersonRef = Type.Union([Type.Object({ id: Id, displayName: Type.String() }), Type.Null()]);

/** A community's charter in force. Members accept each new version before they may post. */
export const CommunityCharter = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  text: Type.String(),
  /** Whether members must accept it before posting. */
  required: Type.Boolean(),
  createdAt: Timestamp,
  /** When the viewer accepted this version; null if they have not. */
  acceptedAt: nullable(Timestamp),
});
export type CommunityCharter = Static<typeof CommunityCharter>;

/** A community as its viewer may see it. */
export const Community = Type.Object({
  id: Id,
  kind: CommunityKind,
  visibility: CommunityVisibility,
  name: Type.String(),
  description: nullable(Type.String()),
  postingPolicy: PostingPolicy,
  startsOn: nullable(Type.String()),
  endsOn: nullable(Type.String()),
  /** The viewer's role; null when not a member. Everyone but guests is a member of company communities. */
  myRole: nullable(CommunityRole),
  /** Only for those who may read the community's content. */
  memberCount: nullable(Type.Integer()),
  /** True when the community is external or has guests: nothing confidential belongs there. */
  external: Type.Boolean(),
  archivedAt: nullable(Timestamp),
  /** Only admins ever see a deleted community (to restore it). */
  deletedAt: nullable(Timestamp),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  /** `/api/v1/communities/:id/cover?v=...` when it has a cover image. */
  coverUrl: nullable(Type.String()),
  /** The charter in force, for those who may read the community or are invited to it. */
  charter: nullable(CommunityCharter),
  /** Whether the viewer may post now: a member, not archived, allowed by the posting policy, charter accepted. */
  canPost: Type.Boolean(),
  /** Whether the viewer may manage it (owners, managers, admins). */
  canManage: Type.Boolean(),
  /** The viewer's pending request to join, if any. */
  myRequest: nullable(Type.Object({ id: Id, createdAt: Timestamp })),
  /** The answer to the viewer's last request when it was refused and they have not asked again nor joined. */
  myRefusal: nullable(Type.Object({ reason: nullable(Type.String()), decidedAt: Timestamp })),
  /** The viewer's pending invitation, if any: a secret community shows itself to the people invited. */
  myInvitation: nullable(Type.Object({ id: Id, invitedBy: PersonRef, createdAt: Timestamp })),
});
export type Community = Static<typeof Community>;

export const CreateCommunityBody = Type.Object(
  {
    kind: CommunityKind,
    visibility: CommunityVisibility,
    name: SingleLine({ minLength: 1, maxLength: 120 }),
    description: Type.Optional(nullable(Description)),
    postingPolicy: Type.Optional(PostingPolicy),
    /** Project communities only. */
    startsOn: Type.Optional(nullable(CalendarDate)),
    endsOn: Type.Optional(nullable(CalendarDate)),
  },
  { additionalProperties: false },
);
export type CreateCommunityBody = Static<typeof CreateCommunityBody>;

/** Settings a manager edits; absent fields stay unchanged, null clears. */
export const UpdateCommunityBody = Type.Object(
  {
    name: Type.Optional(SingleLine({ minLength: 1, maxLength: 120 })),
    description: Type.Optional(nullable(Description)),
    visibility: Type.Optional(CommunityVisibility),
    postingPolicy: Type.Optional(PostingPolicy),
    /** Admins only to or from `company` and `external`; a community with guests stays external. */
    kind: Type.Optional(CommunityKind),
    startsOn: Type.Optional(nullable(CalendarDate)),
    endsOn: Type.Optional(nullable(CalendarDate)),
  },
  { additionalProperties: false },
);
export type UpdateCommunityBody = Static<typeof UpdateCommunityBody>;

/** Filters of the community directory. */
export const ListCommunitiesQuery = Type.Composite(
  [
    PageQuery,
    Type.Object({
      q: Type.Optional(SingleLine({ maxLength: 200 })),
      kind: Type.Optional(CommunityKind),
      /** Only the communities the viewer belongs to. */
      mine: Type.Optional(Type.Boolean()),
      /** Admins: the deleted communities that can still be restored. */
      deleted: Type.Optional(Type.Boolean()),
      /** Only the communities the viewer is invited to and has not answered yet. */
      invited: Type.Optional(Type.Boolean()),
    }),
  ],
  { additionalProperties: false },
);
export type ListCommunitiesQuery = Static<typeof ListCommunitiesQuery>;

export const CommunitiesPage = Page(Community);
export type CommunitiesPage = Static<typeof CommunitiesPage>;

export const CommunityParams = Type.Object({ id: Id }, { additionalProperties: false });

/** One member of a community. */
export const CommunityMember = Type.Object({
  person: PersonSummary,
  role: CommunityRole,
  /** Null for the implicit members of a company community. */
  joinedAt: nullable(Timestamp),
  /** When they accepted the charter in force; shown to those who manage the community, else null. */
  charterAcceptedAt: nullable(Timestamp),
});
export type CommunityMember = Static<typeof CommunityMember>;

export const CommunityMembersPage = Page(CommunityMember);
export type CommunityMembersPage = Static<typeof CommunityMembersPage>;

/** Suggestions: communities one may join, those of one's department and profession first. */
export const SuggestedCommunitiesQuery = Type.Object(
  { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 6 })) },
  { additionalProperties: false },
);
export type SuggestedCommunitiesQuery = Static<typeof SuggestedCommunitiesQuery>;

export const SuggestedCommunities = Type.Object({ items: Type.Array(Community) });
export type SuggestedCommunities = Static<typeof SuggestedCommunities>;

export const CommunityMemberParams = Type.Object({ id: Id, userId: Id }, { additionalProperties: false });
export type CommunityMemberParams = Static<typeof CommunityMemberParams>;

/** A new role for a member; only owners and admins grant or take away `owner`. */
export const ChangeMemberRoleBody = Type.Object({ role: CommunityRole }, { additionalProperties: false });
export type ChangeMemberRoleBody = Static<typeof ChangeMemberRoleBody>;

/** Hands ownership to a member: they become owner, the current owner a manager. */
export const TransferOwnershipBody = Type.Object({ userId: Id }, { additionalProperties: false });
export type TransferOwnershipBody = Static<typeof TransferOwnershipBody>;

// Requests to join a closed community.

export const JoinRequestStatus = Type.Union([Type.Literal("pending"), Type.Literal("approved"), Type.Literal("refused"), Type.Literal("withdrawn")]);
export type JoinRequestStatus = Static<typeof JoinRequestStatus>;

export const JoinRequest = Type.Object({
  id: Id,
  communityId: Id,
  person: PersonSummary,
  message: nullable(Type.String()),
  status: JoinRequestStatus,
  /** The reason given with a refusal, if any. */
  reason: nullable(Type.String()),
  decidedBy: PersonRef,
  decidedAt: nullable(Timestamp),
  createdAt: Timestamp,
});
export type JoinRequest = Static<typeof JoinRequest>;

export const CreateJoinRequestBody = Type.Object({ message: Type.Optional(nullable(LongText(1000))) }, { additionalProperties: false });
export type CreateJoinRequestBody = Static<typeof CreateJoinRequestBody>;

export const RefuseJoinRequestBody = Type.Object({ reason: Type.Optional(nullable(LongText(1000))) }, { additionalProperties: false });
export type RefuseJoinRequestBody = Static<typeof RefuseJoinRequestBody>;

export const JoinRequestParams = Type.Object({ id: Id, requestId: Id }, { additionalProperties: false });
export type JoinRequestParams = Static<typeof JoinRequestParams>;

/** Managers' list of requests: pending by default, oldest first. */
export const ListJoinRequestsQuery = Type.Composite([PageQuery, Type.Object({ status: Type.Optional(JoinRequestStatus) })], { additionalProperties: false });
export type ListJoinRequestsQuery = Static<typeof ListJoinRequestsQuery>;

export const JoinRequestsPage = Page(JoinRequest);
export type JoinRequestsPage = Static<typeof JoinRequestsPage>;

// Invitations into a community.

export const CommunityInvitationStatus = Type.Union([Type.Literal("pending"), Type.Literal("accepted"), Type.Literal("declined"), Type.Literal("revoked")]);
export type CommunityInvitationStatus = Static<typeof CommunityInvitationStatus>;

/**
 * Invites one person: someone with an account by `userId`, or anyone by `email` (an address with
 * no account is invited as a guest, which only external communities accept).
 */
export const CreateCommunityInvitationBody = Type.Object(
  {
    userId: Type.Optional(Id),
    email: Type.Optional(Email),
    role: Type.Optional(Type.Union([Type.Literal("member"), Type.Literal("manager")])),
  },
  { additionalProperties: false },
);
export type CreateCommunityInvitationBody = Static<typeof CreateCommunityInvitationBody>;

export const CommunityInvitation = Type.Object({
  id: Id,
  communityId: Id,
  /** The invitee once they have an account (a guest invited by email has none until they accept). */
  person: nullable(PersonSummary),
  email: nullable(Type.String()),
  role: Type.Union([Type.Literal("member"), Type.Literal("manager")]),
  /** True when the invitation creates a guest account. */
  guest: Type.Boolean(),
  invitedBy: PersonRef,
  status: CommunityInvitationStatus,
  createdAt: Timestamp,
});
export type CommunityInvitation = Static<typeof CommunityInvitation>;

export const CommunityInvitationParams = Type.Object({ id: Id, invitationId: Id }, { additionalProperties: false });
export type CommunityInvitationParams = Static<typeof CommunityInvitationParams>;

export const CommunityInvitationsPage = Page(CommunityInvitation);
export type CommunityInvitationsPage = Static<typeof CommunityInvitationsPage>;

// Charter.

export const SetCharterBody = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: 20000, pattern: "^[^\\u0000]*\\S[^\\u0000]*$" }), required: Type.Boolean() },
  { additionalProperties: false },
);
export type SetCharterBody = Static<typeof SetCharterBody>;

/** The version the member read; accepting an outdated one is refused. */
export const AcceptCharterBody = Type.Object({ version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });
export type AcceptCharterBody = Static<typeof AcceptCharterBody>;
