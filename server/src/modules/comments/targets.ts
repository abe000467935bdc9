import type { Executor } from "../../platform/db.ts";
import { AppError, errors } from "../../platform/errors.ts";
import type { Viewer } from "../people/policy.ts";
import { postAccessOrThrow, type PostAccess } from "../posts/access.ts";
import { can as canPost } from "../posts/policy.ts";
import { findCommentOwner, type CommentOwnerRow } from "./repository.ts";

// Comments, reactions and polls all reach their post through the posts module's access check,
// so that they answer exactly the 404 the post itself does.

/** A live comment and its post, as one viewer stands to them. */
export interface CommentTarget {
  comment: CommentOwnerRow;
  post: PostAccess;
}

/** The comment's post, or the comment's 404: a comment on a post one may not read is an unknown comment. */
async function postOfComment(db: Executor, viewer: Viewer, postId: string, lock: boolean): Promise<PostAccess> {
  try {
    return await postAccessOrThrow(db, viewer, postId, { lock });
  } catch (error) {
    if (error instanceof AppError && error.code === "post_not_found") throw new AppError("comment_not_found");
    throw error;
  }
}

/**
 * A live comment on a post `viewer` may read, or 404 `comment_not_found` (a deleted comment is
 * gone for changes). Locks, when asked, are taken post first, then comment, as every writer does.
 */
export async function readableCommentOrThrow(
  db: Executor,
  viewer: Viewer,
  id: string,
  options: { lockPost?: boolean; lockComment?: boolean } = {},
): Promise<CommentTarget> {
  const unlocked = await findCommentOwner(db, id);
  if (!unlocked) throw new AppError("comment_not_found");
  const post = await postOfComment(db, viewer, unlocked.post_id, options.lockPost === true);
  const comment = options.lockComment ? await findCommentOwner(db, id, { lock: true }) : unlocked;
  if (!comment || comment.deleted_at) throw new AppError("comment_not_found");
  return { comment, post };
}

/**
 * Refuses to contribute (comment, react, vote) where the viewer may not: an archived community is
 * read-only for everyone (409), anything else the policy refuses is a 403.
 */
export function requireContribution(viewer: Viewer, post: PostAccess, action: "comment" | "react"): void {
  if (post.community.facts.archived) throw new AppError("community_archived");
  if (!canPost(viewer, action, post.facts)) throw errors.forbidden();
}
