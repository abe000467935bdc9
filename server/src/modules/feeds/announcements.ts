import type { Announcement, AnnouncementReadersPage, AnnouncementReadersQuery } from "@ruche/contracts";
import type { Db, Executor } from "../../platform/db.ts";
import { AppError, errors } from "../../platform/errors.ts";
import { appendEvent } from "../../platform/outbox.ts";
import { decodeCursor, pageOf } from "../../platform/pagination.ts";
import { roleOf } from "../communities/policy.ts";
import type { Viewer } from "../people/policy.ts";
import { presentSummary } from "../people/present.ts";
import { postAccessOrThrow, type PostAccess } from "../posts/access.ts";
import { can } from "../posts/policy.ts";
import { acknowledgementsOf, insertAcknowledgement, listReaders, readingCounts } from "./audience.ts";

/**
 * What each announcement among `posts` shows `viewer`: when they acknowledged it, and "x of y
 * read" for those allowed to see readers (its author, the community's managers, admins). Two
 * queries whatever the number of posts.
 */
export async function announcementsFor(
  db: Executor,
  viewer: Viewer,
  posts: { id: string; communityId: string; mustRead: boolean; seeReaders: boolean }[],
): Promise<Map<string, Announcement>> {
  const [acknowledged, counts] = await Promise.all([
    acknowledgementsOf(db, viewer.id, posts.map((post) => post.id)),
    readingCounts(db, posts.filter((post) => post.seeReaders).map((post) => post.id)),
  ]);
  return new Map(
    posts.map((post) => {
      const count = counts.get(post.id);
      return [
        post.id,
        {
          mustRead: post.mustRead,
          acknowledgedAt: acknowledged.get(post.id)?.toISOString() ?? null,
          readCount: count?.read ?? null,
          audienceCount: count?.audience ?? null,
        },
      ];
    }),
  );
}

function requireAnnouncement(post: PostAccess): void {
  if (!post.row.announcement) throw new AppError("post_not_announcement");
}

/**
 * Records that `viewer` has read an announcement, which takes it off their unread list (and, when
 * it is a must-read, unpins it for them). Only members acknowledge: a reader of a public
 * community they have not joined is not in its audience. Acknowledging twice changes nothing.
 */
export async function acknowledgeAnnouncement(db: Db, viewer: Viewer, postId: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const post = await postAccessOrThrow(tx, viewer, postId);
    requireAnnouncement(post);
    if (roleOf(viewer, post.community.facts) === null) throw errors.forbidden("Only members of this community acknowledge its announcements");
    if (!(await insertAcknowledgement(tx, post.row.id, viewer.id))) return;
    await appendEvent(tx, {
      type: "announcement.acknowledged",
      actorId: viewer.id,
      subjectId: post.row.id,
      payload: { communityId: post.row.community_id, mustRead: post.row.must_read },
    });
  });
}

/** Who has and has not read an announcement, for its author, the community's managers and admins. */
export async function listAnnouncementReaders(db: Executor, viewer: Viewer, postId: string, query: AnnouncementReadersQuery): Promise<AnnouncementReadersPage> {
  const post = await postAccessOrThrow(db, viewer, postId);
  if (!can(viewer, "seeReaders", post.facts)) throw errors.forbidden("Only the author and the community's managers see who has read it");
  requireAnnouncement(post);
  const limit = query.limit ?? 20;
  const rows = await listReaders(db, {
    viewer,
    postId: post.row.id,
    read: query.read,
    after: query.cursor ? decodeCursor(query.cursor, "text") : undefined,
    limit,
  });
  const page = pageOf(rows, limit, (row) => [row.sort_name, row.id]);
  return {
    items: page.items.map((row) => ({ person: presentSummary(row), acknowledgedAt: row.acknowledged_at?.toISOString() ?? null })),
    nextCursor: page.nextCursor,
  };
}
