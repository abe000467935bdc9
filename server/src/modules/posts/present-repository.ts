import { sql, type Expression } from "kysely";
import type { Executor } from "../../platform/db.ts";
import { communityFactsQuery, type CommunityFactsRow } from "../communities/repository.ts";
import { visiblePeople, type Viewer } from "../people/policy.ts";
import type { SummaryRow } from "../people/present.ts";
import type { PostRow } from "./repository.ts";

/**
 * A post row with its author, its community's policy facts and, for the viewer, what the page
 * needs to know without another query (bookmarked, followed) or to know which other loaders to run
 * at all (has_*, reacted).
 */
export interface PresentedPostRow extends PostRow {
  author: SummaryRow | null;
  community: CommunityFactsRow | null;
  /** By slug. */
  topics: { slug: string; name: string }[];
  bookmarked: boolean;
  following: boolean;
  reacted: boolean;
  has_poll: boolean;
  has_attachments: boolean;
  has_preview: boolean;
}

/** A feed's page: post ids in feed order, each with the key its cursor is made of. */
export interface PageKey {
  id: string;
  cursor_key: string;
}

/**
 * Posts with their authors, topics, the viewer's flags and their community's policy facts, in one
 * query. A page of posts used to take a query for each of these; every query is a round trip,
 * which costs the server more than the lookups themselves (bench/notes/home-feed.md).
 */
function presentedPosts(db: Executor, viewer: Viewer) {
  return db
    .selectFrom("posts")
    .leftJoin("users as author", "author.id", "posts.author_id")
    // `offset 0` keeps the community a lookup per post: merged into the join, it had PostgreSQL
    // work out the facts of every community before hashing them.
    .leftJoinLateral(communityFactsQuery(db, viewer).where(sql<boolean>`communities.id = posts.community_id`).offset(0).as("community"), (join) => join.onTrue())
    .selectAll("posts")
    .select([
      "author.display_name as author_display_name",
      "author.job_title as author_job_title",
      "author.department as author_department",
      "author.location as author_location",
      "author.avatar_file_id as author_avatar_file_id",
      "author.role as author_role",
      "author.status as author_status",
      "community.id as community_fact_id",
      "community.name as community_name",
      "community.kind as community_kind",
      "community.visibility as community_visibility",
      "community.posting_policy as community_posting_policy",
      "community.archived_at as community_archived_at",
      "community.deleted_at as community_deleted_at",
      "community.explicit_role as community_explicit_role",
      "community.has_guests as community_has_guests",
      "community.charter_required as community_charter_required",
      "community.charter_accepted_at as community_charter_accepted_at",
      "community.my_invitation_id as community_my_invitation_id",
      sql<boolean>`exists (select 1 from bookmarks where bookmarks.user_id = ${viewer.id} and bookmarks.post_id = posts.id)`.as("bookmarked"),
      sql<boolean>`exists (select 1 from post_follows where post_follows.post_id = posts.id and post_follows.user_id = ${viewer.id} and post_follows.following)`.as("following"),
      sql<boolean>`exists (select 1 from post_reactions where post_reactions.post_id = posts.id and post_reactions.user_id = ${viewer.id})`.as("reacted"),
      sql<{ slug: string; name: string }[]>`coalesce((
        select json_agg(json_build_object('slug', topics.slug, 'name', topics.name) order by topics.slug)
        from post_topics join topics on topics.id = post_topics.topic_id where post_topics.post_id = posts.id
      ), '[]')`.as("topics"),
      sql<boolean>`exists (select 1 from polls where polls.post_id = posts.id)`.as("has_poll"),
      sql<boolean>`exists (select 1 from attachments where attachments.post_id = posts.id)`.as("has_attachments"),
      sql<boolean>`exists (select 1 from link_previews where link_previews.post_id = posts.id)`.as("has_preview"),
    ]);
}

type SelectedRow = Awaited<ReturnType<ReturnType<typeof presentedPosts>["execute"]>>[number];
/** The selected columns `presentedRow` gathers into `author` and `community`. */
type GatheredColumn = Exclude<Extract<keyof SelectedRow, `author_${string}` | `community_${string}`>, "author_id" | "community_id">;

/** Gathers the author's and the community's columns of a selected row into their own objects. */
function presentedRow<T extends SelectedRow>(selected: T): Omit<T, GatheredColumn> & Pick<PresentedPostRow, "author" | "community"> {
  const {
    author_display_name,
    author_job_title,
    author_department,
    author_location,
    author_avatar_file_id,
    author_role,
    author_status,
    community_fact_id,
    community_name,
    community_kind,
    community_visibility,
    community_posting_policy,
    community_archived_at,
    community_deleted_at,
    community_explicit_role,
    community_has_guests,
    community_charter_required,
    community_charter_accepted_at,
    community_my_invitation_id,
    ...row
  } = selected;
  const author =
    row.author_id !== null && author_display_name !== null && author_role !== null && author_status !== null
      ? {
          id: row.author_id,
          display_name: author_display_name,
          job_title: author_job_title,
          department: author_department,
          location: author_location,
          avatar_file_id: author_avatar_file_id,
          role: author_role,
          status: author_status,
        }
      : null;
  const community =
    community_fact_id !== null && community_name !== null && community_kind !== null && community_visibility !== null && community_posting_policy !== null && community_has_guests !== null
      ? {
          id: community_fact_id,
          name: community_name,
          kind: community_kind,
          visibility: community_visibility,
          posting_policy: community_posting_policy,
          archived_at: community_archived_at,
          deleted_at: community_deleted_at,
          explicit_role: community_explicit_role,
          has_guests: community_has_guests,
          charter_required: community_charter_required,
          charter_accepted_at: community_charter_accepted_at,
          my_invitation_id: community_my_invitation_id,
        }
      : null;
  return { ...row, author, community };
}

/** The posts among `ids`, presented rows in no particular order. */
export async function findPresentedPostRows(db: Executor, viewer: Viewer, ids: string[]): Promise<PresentedPostRow[]> {
  if (ids.length === 0) return [];
  // `in` with one parameter an id, not `= any(array)`: PostgreSQL cannot tell an array's length
  // from a generic plan, so it planned the statement afresh each time (1.5 ms, five times the
  // execution of one post's).
  const rows = await presentedPosts(db, viewer).where("posts.id", "in", ids).execute();
  return rows.map(presentedRow);
}

/**
 * A feed's page and its presented rows in one statement (one round trip instead of two): `page`
 * selects post ids in feed order, newest first, with their cursor keys (fixed-width UTC
 * timestamps, which sort as text in time order). The rows come back in that order.
 */
export async function findPresentedPage(db: Executor, viewer: Viewer, page: Expression<PageKey>): Promise<(PresentedPostRow & PageKey)[]> {
  const rows = await presentedPosts(db, viewer)
    .innerJoin(sql<PageKey>`(${page})`.as("page"), "page.id", "posts.id")
    .select("page.cursor_key")
    .orderBy(sql`page.cursor_key collate "C"`, "desc")
    .orderBy("posts.id", "desc")
    .execute();
  return rows.map(presentedRow);
}

/** The people among `ids` that `viewer` may see. */
export async function visiblePeopleAmong(db: Executor, viewer: Viewer, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom("users").select("users.id").where("users.id", "in", ids).where(visiblePeople(viewer)).execute();
  return new Set(rows.map((row) => row.id));
}
