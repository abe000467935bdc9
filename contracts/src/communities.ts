import { Type, type Static } from "@sinclair/typebox";
import { Id, Page, PageQuery, Timestamp } from "./common.ts";
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
});
export type CommunityMember = Static<typeof CommunityMember>;

export const CommunityMembersPage = Page(CommunityMember);
export type CommunityMembersPage = Static<typeof CommunityMembersPage>;
