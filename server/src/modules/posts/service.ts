import type { CreatePostBody, PollInput, Post, PostRevisions, RenderedPreview, RenderPreviewBody, UpdatePostBody } from "@ruche/contracts";
import type { Db, Executor, Tx } from "../../platform/db.ts";
import { AppError, errors } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { appendEvent } from "../../platform/outbox.ts";
import { claimAttachments } from "../attachments/repository.ts";
import { checkUrgentRequest, markUrgent } from "../disconnect/urgent.ts";
import type { Viewer } from "../people/policy.ts";
import { postAccessOrThrow, readableCommunityOrThrow, requirePosting, type CommunityAccess } from "./access.ts";
import { renderBody, type RenderedBody } from "./body.ts";
import { can } from "./policy.ts";
import { loadPost } from "./present.ts";
import { addMentions, addTopics, appendRevision, insertPoll, insertPost, listRevisions, replaceMentions, replaceTopics } from "./repository.ts";

/** What `post.created` and `post.updated` tell their handlers (notifications, link previews, search). */
export function bodyEventPayload(communityId: string, rendered: RenderedBody, mentions: string[]): Record<string, unknown> {
  return {
    communityId,
    mentions,
    topics: rendered.topics.map((topic) => topic.slug),
    hasLink: rendered.firstLink !== null,
    link: rendered.firstLink,
  };
}

/** A body as saved: trimmed, and not empty unless `allowEmpty` (a share needs no comment). */
function trimmedBody(source: string | undefined, options: { field: string; allowEmpty: boolean }): string {
  const body = source?.trim() ?? "";
  if (!body && !options.allowEmpty) throw errors.invalidField(options.field, "must not be empty");
  return body;
}

/**
 * A poll's options trimmed and distinct, closing in the future, or after `opensAt` for a poll that
 * goes out later (send later).
 */
export function checkedPoll(poll: PollInput, opensAt?: Date): PollInput & { options: string[] } {
  const options = poll.options.map((label) => label.trim());
  options.forEach((label, index) => {
    if (!label) throw errors.invalidField(`poll.options.${index}`, "must not be empty");
  });
  if (new Set(options.map((label) => label.toLowerCase())).size !== options.length) throw errors.invalidField("poll.options", "must all differ");
  const opens = opensAt?.getTime() ?? Date.now();
  if (poll.closesAt && new Date(poll.closesAt).getTime() <= opens) {
    throw errors.invalidField("poll.closesAt", opensAt ? "must be after the post goes out" : "must be in the future");
  }
  return { ...poll, options };
}

interface NewPostInput {
  viewer: Viewer;
  community: CommunityAccess;
  body: string;
  sharedPostId?: string;
  announcement?: boolean;
  mustRead?: boolean;
}

/**
 * Writes a post with its mentions and topics, makes its author follow it, and records
 * `post.created`. Shared by posting and sharing; the caller has checked the rules.
 */
export async function writeNewPost(tx: Tx, input: NewPostInput): Promise<string> {
  const { viewer, community } = input;
  const rendered = await renderBody(tx, { author: viewer, community: { id: community.row.id, facts: community.facts }, source: input.body, field: "body" });
  const id = newId();
  const createdAt = new Date();
  await insertPost(tx, {
    id,
    community_id: community.row.id,
    author_id: viewer.id,
    body: input.body,
    body_html: rendered.html,
    shared_post_id: input.sharedPostId ?? null,
    announcement: input.announcement ?? false,
    must_read: input.mustRead ?? false,
    created_at: createdAt,
  });
  await addMentions(tx, id, rendered.mentionedReaders);
  await addTopics(tx, { id, communityId: community.row.id, createdAt }, rendered.topics);
  await tx.insertInto("post_follows").values({ post_id: id, user_id: viewer.id, following: true }).execute();
  const payload = { ...bodyEventPayload(community.row.id, rendered, rendered.mentionedReaders), sharedPostId: input.sharedPostId ?? null };
  await appendEvent(tx, { type: "post.created", actorId: viewer.id, subjectId: id, payload });
  return id;
}

/**
 * Posts in a community: its members (managers only, where the posting policy says so) once they
 * accepted a required charter; announcements by its managers (and administrators, who manage
 * every community). Attachments and a poll are written in the same transaction.
 */
export async function createPost(db: Db, viewer: Viewer, body: CreatePostBody): Promise<Post> {
  const source = trimmedBody(body.body, { field: "body", allowEmpty: false });
  if (body.mustRead && !body.announcement) throw errors.invalidField("mustRead", "is only for announcements");
  const poll = body.poll ? checkedPoll(body.poll) : undefined;
  const urgentReason = checkUrgentRequest(body);
  return db.transaction().execute(async (tx) => {
    const community = await readableCommunityOrThrow(tx, viewer, body.communityId);
    requirePosting(viewer, community.facts);
    if (body.announcement && !can(viewer, "announce", { community: community.facts, authorId: viewer.id, deleted: false })) {
      throw new AppError("announcement_not_allowed");
    }
    const id = await writeNewPost(tx, { viewer, community, body: source, announcement: body.announcement ?? false, mustRead: body.mustRead ?? false });
    if (body.attachmentIds) await claimAttachments(tx, viewer, body.attachmentIds, { postId: id });
    if (poll) await insertPoll(tx, id, poll);
    if (urgentReason) await markUrgent(tx, { viewer, postId: id, reason: urgentReason, now: new Date() });
    return loadPost(tx, viewer, id);
  });
}

/**
 * Edits a post (its author, while they belong to a live, unarchived community). The body it
 * replaces is kept as a revision; mentions and topics follow the new text, and only people newly
 * mentioned are told.
 */
export async function updatePost(db: Db, viewer: Viewer, id: string, body: UpdatePostBody): Promise<Post> {
  return db.transaction().execute(async (tx) => {
    const post = await postAccessOrThrow(tx, viewer, id, { lock: true });
    if (post.row.author_id !== viewer.id) throw errors.forbidden("Only its author can edit a post");
    if (post.community.facts.archived) throw new AppError("community_archived");
    if (!can(viewer, "edit", post.facts)) throw errors.forbidden("Only members of this community can edit their posts in it");
    const source = body.body === undefined ? post.row.body : trimmedBody(body.body, { field: "body", allowEmpty: post.row.shared_post_id !== null });
    if (source === post.row.body && body.attachmentIds === undefined) return loadPost(tx, viewer, id);
    const rendered = await renderBody(tx, { author: viewer, community: { id: post.community.row.id, facts: post.community.facts }, source, field: "body" });
    const editedAt = new Date();
    if (source !== post.row.body) {
      await appendRevision(tx, { postId: id, body: post.row.body, editedBy: post.row.author_id, createdAt: post.row.edited_at ?? post.row.created_at });
    }
    await tx.updateTable("posts").set({ body: source, body_html: rendered.html, edited_at: editedAt }).where("id", "=", id).execute();
    const before = new Set(await replaceMentions(tx, id, rendered.mentionedReaders));
    await replaceTopics(tx, { id, communityId: post.row.community_id, createdAt: post.row.created_at }, rendered.topics);
    if (body.attachmentIds) await claimAttachments(tx, viewer, body.attachmentIds, { postId: id });
    const newlyMentioned = rendered.mentionedReaders.filter((userId) => !before.has(userId));
    await appendEvent(tx, { type: "post.updated", actorId: viewer.id, subjectId: id, payload: bodyEventPayload(post.row.community_id, rendered, newlyMentioned) });
    return loadPost(tx, viewer, id);
  });
}

export async function getPost(db: Executor, viewer: Viewer, id: string): Promise<Post> {
  return loadPost(db, viewer, id);
}

/** A post's earlier versions, newest first, for anyone who may read it: an edit is never silent. */
export async function getPostRevisions(db: Executor, viewer: Viewer, id: string): Promise<PostRevisions> {
  await postAccessOrThrow(db, viewer, id);
  const rows = await listRevisions(db, id);
  return {
    items: rows.map((row) => ({
      version: row.version,
      body: row.body,
      editedBy: row.editor_id && row.editor_name ? { id: row.editor_id, displayName: row.editor_name } : null,
      createdAt: row.created_at.toISOString(),
    })),
  };
}

/**
 * The composer's preview: the body rendered as it would be posted, mentions resolved for the
 * community when one is given. Unlike posting, nothing is refused: what cannot be a mention shows
 * as the text written.
 */
export async function previewBody(db: Executor, viewer: Viewer, body: RenderPreviewBody): Promise<RenderedPreview> {
  const community = body.communityId ? await readableCommunityOrThrow(db, viewer, body.communityId) : null;
  const rendered = await renderBody(db, {
    author: viewer,
    community: community ? { id: community.row.id, facts: community.facts } : null,
    source: body.body,
    field: "body",
    lenient: true,
  });
  return { html: rendered.html };
}
