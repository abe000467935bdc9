import { sql } from "kysely";
import type { Executor } from "../../platform/db.ts";
import { visiblePeople, type Viewer } from "../people/policy.ts";
import type { SummaryRow } from "../people/present.ts";
import type { PostRow } from "./repository.ts";

/**
 * A post row with its author and, for the viewer, what the page needs to know without another
 * query (bookmarked, followed) or to know which other loaders to run at all (has_*, reacted).
 */
export interface PresentedPostRow extends PostRow {
  author: SummaryRow | null;
  /** By slug. */
  topics: { slug: string; name: string }[];
  bookmarked: boolean;
  following: boolean;
  reacted: boolean;
  has_poll: boolean;
  has_attachments: boolean;
  has_preview: boolean;
}

/**
 * The posts among `ids`, in one query with their authors, topics and the viewer's flags. A page of posts
 * used to take a query for each of these; every query is a round trip, which costs the server
 * more than the lookups themselves (bench/notes/home-feed.md).
 */
export async function findPresentedPostRows(db: Executor, viewerId: string, ids: string[]): Promise<PresentedPostRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("posts")
    .leftJoin("users as author", "author.id", "posts.author_id")
    .selectAll("posts")
    .select([
      "author.display_name as author_display_name",
      "author.job_title as author_job_title",
      "author.department as author_department",
      "author.location as author_location",
      "author.avatar_file_id as author_avatar_file_id",
      "author.role as author_role",
      "author.status as author_status",
      sql<boolean>`exists (select 1 from bookmarks where bookmarks.user_id = ${viewerId} and bookmarks.post_id = posts.id)`.as("bookmarked"),
      sql<boolean>`exists (select 1 from post_follows where post_follows.post_id = posts.id and post_follows.user_id = ${viewerId} and post_follows.following)`.as("following"),
      sql<boolean>`exists (select 1 from post_reactions where post_reactions.post_id = posts.id and post_reactions.user_id = ${viewerId})`.as("reacted"),
      sql<{ slug: string; name: string }[]>`coalesce((
        select json_agg(json_build_object('slug', topics.slug, 'name', topics.name) order by topics.slug)
        from post_topics join topics on topics.id = post_topics.topic_id where post_topics.post_id = posts.id
      ), '[]')`.as("topics"),
      sql<boolean>`exists (select 1 from polls where polls.post_id = posts.id)`.as("has_poll"),
      sql<boolean>`exists (select 1 from attachments where attachments.post_id = posts.id)`.as("has_attachments"),
      sql<boolean>`exists (select 1 from link_previews where link_previews.post_id = posts.id)`.as("has_preview"),
    ])
    .where("posts.id", "in", ids)
    .execute();
  return rows.map(({ author_display_name, author_job_title, author_department, author_location, author_avatar_file_id, author_role, author_status, ...row }) => ({
    ...row,
    author:
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
        : null,
  }));
}

/** The people among `ids` that `viewer` may see. */
export async function visiblePeopleAmong(db: Executor, viewer: Viewer, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom("users").select("users.id").where("users.id", "in", ids).where(visiblePeople(viewer)).execute();
  return new Set(rows.map((row) => row.id));
}
