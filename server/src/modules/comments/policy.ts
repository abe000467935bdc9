import type { Viewer } from "../people/policy.ts";
import { can as canPost, type PostFacts } from "../posts/policy.ts";

/**
 * Who may do what with a comment: the post's rules, applied to the comment's author. Its author
 * edits it while they still belong to the (unarchived) community; its author, the community's
 * managers and admins delete it (in an archived community too, as a post); whoever may comment
 * on the post replies to a top-level comment (one level of replies); whoever may react to the
 * post reacts to its comments. A deleted comment takes nothing more. Comments are only ever
 * listed within one post, so the post's `can(viewer, "read")` is the only visibility rule they need.
 */
export type CommentAction = "edit" | "delete" | "reply" | "react";

export interface CommentFacts {
  post: PostFacts;
  authorId: string | null;
  topLevel: boolean;
  deleted: boolean;
}

export function can(viewer: Viewer, action: CommentAction, comment: CommentFacts): boolean {
  if (comment.deleted || !canPost(viewer, "read", comment.post)) return false;
  const asAuthor: PostFacts = { ...comment.post, authorId: comment.authorId };
  switch (action) {
    case "edit":
      return canPost(viewer, "edit", asAuthor);
    case "delete":
      return canPost(viewer, "delete", asAuthor);
    case "reply":
      return comment.topLevel && canPost(viewer, "comment", comment.post);
    case "react":
      return canPost(viewer, "react", comment.post);
  }
}
