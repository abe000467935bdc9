import type { Attachment, Comment, ReactionKind } from "@ruche/contracts";
import type { Viewer } from "../people/policy.ts";
import { presentSummary } from "../people/present.ts";
import type { PostFacts } from "../posts/policy.ts";
import { can, type CommentFacts } from "./policy.ts";
import type { CommentRow } from "./repository.ts";

/** What a comment shows beyond its row, loaded for a whole page at once. */
export interface CommentExtras {
  post: PostFacts;
  attachments: Map<string, Attachment[]>;
  myReactions: Map<string, ReactionKind[]>;
}

export function commentFacts(post: PostFacts, row: Pick<CommentRow, "author_id" | "parent_id" | "deleted_at">): CommentFacts {
  return { post, authorId: row.author_id, topLevel: row.parent_id === null, deleted: row.deleted_at !== null };
}

/**
 * A deleted comment kept for its replies is a placeholder: who wrote what, and what people
 * thought of it, left with it.
 */
function presentPlaceholder(row: CommentRow): Comment {
  return {
    id: row.id,
    postId: row.post_id,
    parentId: row.parent_id,
    author: null,
    body: "",
    html: "",
    attachments: [],
    reactionCounts: {},
    myReactions: [],
    replyCount: row.reply_count,
    createdAt: row.created_at.toISOString(),
    editedAt: null,
    deletedAt: row.deleted_at?.toISOString() ?? null,
    can: { edit: false, delete: false, reply: false, react: false },
  };
}

export function presentComment(viewer: Viewer, row: CommentRow, extras: CommentExtras): Comment {
  if (row.deleted_at) return presentPlaceholder(row);
  const facts = commentFacts(extras.post, row);
  return {
    id: row.id,
    postId: row.post_id,
    parentId: row.parent_id,
    author: row.author ? presentSummary(row.author) : null,
    body: row.body,
    html: row.body_html,
    attachments: extras.attachments.get(row.id) ?? [],
    reactionCounts: row.reaction_counts,
    myReactions: extras.myReactions.get(row.id) ?? [],
    replyCount: row.reply_count,
    createdAt: row.created_at.toISOString(),
    editedAt: row.edited_at?.toISOString() ?? null,
    deletedAt: null,
    can: {
      edit: can(viewer, "edit", facts),
      delete: can(viewer, "delete", facts),
      reply: can(viewer, "reply", facts),
      react: can(viewer, "react", facts),
    },
  };
}
