import { Type, type Static } from "@sinclair/typebox";
import { Id, Timestamp } from "./common.ts";
import { CommunityKind, CommunityVisibility } from "./communities.ts";

const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const SearchKind = Type.Union([
  Type.Literal("post"),
  Type.Literal("comment"),
  Type.Literal("community"),
  Type.Literal("person"),
  Type.Literal("topic"),
  /** A file attached to a post or comment: its name and, for PDF and DOCX, the text inside. */
  Type.Literal("file"),
]);
export type SearchKind = Static<typeof SearchKind>;

/** Text cut into pieces, `match` on the words the query found: the client marks them up (never HTML). */
export const Highlighted = Type.Array(Type.Object({ text: Type.String(), match: Type.Boolean() }));
export type Highlighted = Static<typeof Highlighted>;

export const SearchHit = Type.Object({
  kind: SearchKind,
  /** The post, comment, community, person, topic or attachment. */
  id: Id,
  /** A name (community, person, topic, file); empty for posts and comments. */
  title: Highlighted,
  /** Where the words were found, cut around them. */
  excerpt: Highlighted,
  createdAt: Timestamp,
  /** Where it was posted (posts, comments, files), or the community itself. */
  community: nullable(Type.Object({ id: Id, name: Type.String() })),
  author: nullable(Type.Object({ id: Id, displayName: Type.String() })),
  /** The post to open: the post itself, a comment's or a file's post. */
  postId: nullable(Id),
  /** The comment a comment (or a comment's file) is. */
  commentId: nullable(Id),
  /** For topics: the slug of its page. */
  topicSlug: nullable(Type.String()),
});
export type SearchHit = Static<typeof SearchHit>;

export const SearchQuery = Type.Object(
  {
    /** Words, "a phrase", -excluded; accents and case aside, French and English stems. */
    q: Type.String({ minLength: 1, maxLength: 200 }),
    /** Search-as-you-type: the last word counts as the beginning of a word. */
    prefix: Type.Optional(Type.Boolean()),
    kind: Type.Optional(SearchKind),
    communityId: Type.Optional(Id),
    authorId: Type.Optional(Id),
    /** A topic's slug or name (`#Déconnexion` and `deconnexion` are one). */
    topic: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    from: Type.Optional(Timestamp),
    to: Type.Optional(Timestamp),
    cursor: Type.Optional(Type.String({ maxLength: 100 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
  },
  { additionalProperties: false },
);
export type SearchQuery = Static<typeof SearchQuery>;

/** A page of results, best first; `nextCursor` goes on while results remain (up to the 500th). */
export const SearchPage = Type.Object({ items: Type.Array(SearchHit), nextCursor: nullable(Type.String()) });
export type SearchPage = Static<typeof SearchPage>;

export const SuggestionsQuery = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: 100 }),
    /** At most this many of each kind. */
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10, default: 5 })),
  },
  { additionalProperties: false },
);
export type SuggestionsQuery = Static<typeof SuggestionsQuery>;

/** What the header's box offers while someone types: people, communities and topics whose names start so. */
export const Suggestions = Type.Object({
  people: Type.Array(
    Type.Object({ id: Id, displayName: Type.String(), jobTitle: nullable(Type.String()), avatarUrl: nullable(Type.String()) }),
  ),
  communities: Type.Array(Type.Object({ id: Id, name: Type.String(), kind: CommunityKind, visibility: CommunityVisibility })),
  topics: Type.Array(Type.Object({ slug: Type.String(), name: Type.String() })),
});
export type Suggestions = Static<typeof Suggestions>;
