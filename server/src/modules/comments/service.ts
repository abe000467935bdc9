import type { Comment, CommentsPage, CreateCommentBody, ListCommentsQuery } from "@ruche/contracts";
import type { Db, Executor, Tx } from "../../platform/db.ts";
import { AppError, errors } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { appendEvent } from "../../platform/outbox.ts";
import { decodeCursor, pageOf } from "../../platform/pagination.ts";
import { attachmentsFor, claimAttachments } from "../attachments/repository.ts";
import type { Viewer } from "../people/policy.ts";
import { postAccessOrThrow, type PostAccess } from "../posts/access.ts";
import { renderBody } from "../posts/body.ts";
import { mentionsAsSeenBy } from "../posts/present.ts";
import { myReactionsOn } from "../reactions/repository.ts";
import { can } from "./policy.ts";
import { commentFacts, presentComment } from "./present.ts";
import {
  adjustCommentCount,
  findCommentOwner,
  findCommentRow,
  followPostUnlessDecided,
  insertComment,
  listCommentRows,
  markCommentDeleted,
  replaceCommentMentions,
  updateCommentBody,
  type CommentRow,
} from "./repository.ts";
import { readableCommentOrThrow, requireContribution } from "./targets.ts";

const DEFAULT_LIMIT = 20;

/**
 * Comments of one post as `viewer` sees them, their attachments, own reactions and the people
 * they mention loaded once for all: a mention of someone the viewer may not see is plain text.
 */
async function presentComments(db: Executor, viewer: Viewer, post: PostAccess, rows: CommentRow[]): Promise<Comment[]> {
  const ids = rows.map((row) => row.id);
  const attachments = await attachmentsFor(db, { commentIds: ids });
  const myReactions = await myReactionsOn(db, viewer.id, "comment", ids);
  const asSeen = await mentionsAsSeenBy(db, viewer, rows.map((row) => row.body_html));
  return rows.map((row) => presentComment(viewer, { ...row, body_html: asSeen(row.body_html) }, { post: post.facts, attachments, myReactions }));
}

async function loadComment(db: Executor, viewer: Viewer, post: PostAccess, id: string): Promise<Comment> {
  const row = await findCommentRow(db, id);
  if (!row) throw new AppError("comment_not_found");
  const [comment] = await presentComments(db, viewer, post, [row]);
  if (!comment) throw new AppError("comment_not_found");
  return comment;
}

/**
 * A page of a post's top-level comments, or of one of them's replies, oldest first. A deleted
 * comment stays as a placeholder while it has replies and is gone once it has none.
 */
export async function listComments(db: Executor, viewer: Viewer, postId: string, query: ListCommentsQuery): Promise<CommentsPage> {
  const post = await postAccessOrThrow(db, viewer, postId);
  if (query.parentId !== undefined) await requireTopLevel(db, { postId, parentId: query.parentId, live: false });
  const limit = query.limit ?? DEFAULT_LIMIT;
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const rows = await listCommentRows(db, { postId, parentId: query.parentId ?? null, after, limit });
  const page = pageOf(rows, limit, (row) => [row.cursor_key, row.id]);
  return { items: await presentComments(db, viewer, post, page.items), nextCursor: page.nextCursor };
}

/**
 * One live comment on a post the viewer may read, as its post's list shows it: a link to a
 * comment (a search result) needs its post and parent to find it. Deleted or hidden is a 404.
 */
export async function getComment(db: Executor, viewer: Viewer, id: string): Promise<Comment> {
  const { post } = await readableCommentOrThrow(db, viewer, id);
  return loadComment(db, viewer, post, id);
}

/** Replies go one level deep: the parent must be a top-level comment of the same post (and, to reply, a live one). */
export async function requireTopLevel(db: Executor, input: { postId: string; parentId: string; live: boolean }): Promise<void> {
  const parent = await findCommentOwner(db, input.parentId);
  if (!parent || parent.post_id !== input.postId) throw errors.invalidField("parentId", "is not a comment of this post");
  if (parent.parent_id !== null) throw errors.invalidField("parentId", "is a reply: replies go one level deep");
  if (input.live && parent.deleted_at) throw errors.invalidField("parentId", "was deleted");
}

/** Renders a comment's Markdown as a post's, mentions included; its `#topics` are links but tag nothing (topics tag posts). */
async function renderComment(tx: Tx, input: { viewer: Viewer; post: PostAccess; body: string }) {
  return renderBody(tx, {
    author: input.viewer,
    community: { id: input.post.row.community_id, facts: input.post.community.facts },
    source: input.body,
    field: "body",
  });
}

/**
 * Comments on a post, or replies to one of its top-level comments. The commenter follows the
 * post from then on (unless they unfollowed it), and the people mentioned who may read it are
 * told through the event.
 */
export async function createComment(db: Db, viewer: Viewer, postId: string, body: CreateCommentBody): Promise<Comment> {
  return db.transaction().execute(async (tx) => createCommentIn(tx, viewer, postId, body));
}

/** `createComment` inside the caller's transaction (scheduled comments go out in the one that claims them). */
export async function createCommentIn(tx: Tx, viewer: Viewer, postId: string, body: CreateCommentBody): Promise<Comment> {
  const post = await postAccessOrThrow(tx, viewer, postId, { lock: true });
  requireContribution(viewer, post, "comment");
  const parentId = body.parentId ?? null;
  if (parentId) await requireTopLevel(tx, { postId, parentId, live: true });
  const rendered = await renderComment(tx, { viewer, post, body: body.body });
  const id = newId();
  await insertComment(tx, { id, postId, parentId, authorId: viewer.id, body: body.body, html: rendered.html });
  if (body.attachmentIds?.length) await claimAttachments(tx, viewer, body.attachmentIds, { commentId: id });
  const mentioned = await replaceCommentMentions(tx, id, rendered.mentionedReaders);
  await adjustCommentCount(tx, postId, 1);
  await followPostUnlessDecided(tx, postId, viewer.id);
  await appendEvent(tx, { type: "comment.created", actorId: viewer.id, subjectId: id, payload: { postId, parentId, mentionedIds: mentioned } });
  return loadComment(tx, viewer, post, id);
}

/** Edits one's comment while one still belongs to the community and it is not archived; new mentions are told. */
export async function updateComment(db: Db, viewer: Viewer, id: string, body: string): Promise<Comment> {
  return db.transaction().execute(async (tx) => {
    const { comment, post } = await readableCommentOrThrow(tx, viewer, id, { lockComment: true });
    if (post.community.facts.archived) throw new AppError("community_archived");
    if (!can(viewer, "edit", commentFacts(post.facts, comment))) throw errors.forbidden("Only its author can edit a comment");
    const rendered = await renderComment(tx, { viewer, post, body });
    await updateCommentBody(tx, { id, body, html: rendered.html });
    const newlyMentioned = await replaceCommentMentions(tx, id, rendered.mentionedReaders);
    await appendEvent(tx, { type: "comment.updated", actorId: viewer.id, subjectId: id, payload: { postId: post.row.id, mentionedIds: newlyMentioned } });
    return loadComment(tx, viewer, post, id);
  });
}

/**
 * Deletes a comment (its author, the community's managers, admins). It is kept, out of sight: as
 * an empty placeholder while it has replies, and for audit. The post counts one comment less.
 */
export async function deleteComment(db: Db, viewer: Viewer, id: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const { comment, post } = await readableCommentOrThrow(tx, viewer, id, { lockPost: true, lockComment: true });
    if (!can(viewer, "delete", commentFacts(post.facts, comment))) throw errors.forbidden("Only its author or a manager can delete a comment");
    await markCommentDeleted(tx, id);
    await adjustCommentCount(tx, post.row.id, -1);
    await appendEvent(tx, { type: "comment.deleted", actorId: viewer.id, subjectId: id, payload: { postId: post.row.id, authorId: comment.author_id } });
  });
}
