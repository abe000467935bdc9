import { MAX_ATTACHMENTS, type Attachment } from "@ruche/contracts";
import type { Executor, Tx } from "../../platform/db.ts";
import { errors } from "../../platform/errors.ts";
import type { Viewer } from "../people/policy.ts";
import { readablePosts } from "../posts/policy.ts";
import { EXTRACTED_TYPES, EXTRACTION_LIMITS } from "./extraction.ts";
import { presentAttachment, type AttachmentRow } from "./present.ts";

/** What an attachment belongs to: a post, a comment, or a post waiting to go out (send later). */
type Owner = { postId: string } | { commentId: string } | { scheduledPostId: string };

function ownerColumn(owner: Owner): { column: "post_id" | "comment_id" | "scheduled_post_id"; id: string } {
  if ("postId" in owner) return { column: "post_id", id: owner.postId };
  if ("commentId" in owner) return { column: "comment_id", id: owner.commentId };
  return { column: "scheduled_post_id", id: owner.scheduledPostId };
}

function selectPresented(db: Executor) {
  return db
    .selectFrom("attachments")
    .innerJoin("files", "files.id", "attachments.file_id")
    .select([
      "attachments.id",
      "attachments.kind",
      "attachments.name",
      "attachments.post_id",
      "attachments.comment_id",
      "files.mime_type",
      "files.byte_size",
      "files.width",
      "files.height",
    ]);
}

/** The attachments of each post, comment or scheduled post, in position order, in one query. */
export async function attachmentsFor(db: Executor, owner: { postIds: string[] } | { commentIds: string[] } | { scheduledPostIds: string[] }): Promise<Map<string, Attachment[]>> {
  const [column, ids] =
    "postIds" in owner ? (["post_id", owner.postIds] as const) : "commentIds" in owner ? (["comment_id", owner.commentIds] as const) : (["scheduled_post_id", owner.scheduledPostIds] as const);
  const found = new Map<string, Attachment[]>();
  if (ids.length === 0) return found;
  const rows = await selectPresented(db)
    .select(`attachments.${column} as owner_id`)
    .where(`attachments.${column}`, "in", ids)
    .orderBy("attachments.position")
    .orderBy("attachments.id")
    .execute();
  for (const row of rows) {
    const key = row.owner_id ?? "";
    found.set(key, [...(found.get(key) ?? []), presentAttachment(row)]);
  }
  return found;
}

/** One attachment, presented (after an upload). */
export async function findAttachment(db: Executor, id: string): Promise<AttachmentRow | undefined> {
  return selectPresented(db).where("attachments.id", "=", id).executeTakeFirst();
}

function refused(message: string) {
  return errors.invalidField("attachmentIds", message);
}

/**
 * Gives a post (or comment) the attachments `viewer` uploaded, in the given order, replacing the
 * ones it had (editing). Unknown ids, someone else's uploads and ones already used elsewhere answer
 * 400 naming `attachmentIds`. Call it only when the list is given: an empty list removes them all.
 * An attachment left out goes back to its uploader's unclaimed uploads, which the hourly cleanup
 * deletes with its file (bytes can only be deleted once the edit has committed). A PDF or DOCX
 * claimed for the first time awaits the extraction of its text (see `queueTextExtraction`).
 */
export async function claimAttachments(tx: Tx, viewer: Viewer, ids: string[], owner: Owner): Promise<void> {
  if (ids.length > MAX_ATTACHMENTS) throw refused(`must list at most ${MAX_ATTACHMENTS} attachments`);
  if (new Set(ids).size !== ids.length) throw refused("must not list an attachment twice");
  const { column, id: ownerId } = ownerColumn(owner);
  const rows =
    ids.length === 0 ? [] : await tx.selectFrom("attachments").select(["id", "uploader_id", "post_id", "comment_id", "scheduled_post_id"]).where("id", "in", ids).forUpdate().execute();
  const free = (row: (typeof rows)[number]) => row.post_id === null && row.comment_id === null && row.scheduled_post_id === null && row.uploader_id === viewer.id;
  const usable = new Set(rows.filter((row) => row[column] === ownerId || free(row)).map((row) => row.id));
  const unusable = ids.filter((id) => !usable.has(id));
  if (unusable.length > 0) throw refused(`${unusable.join(", ")}: not an upload of yours that is free to attach`);

  let detach = tx.updateTable("attachments").set({ [column]: null, position: null }).where(column, "=", ownerId);
  if (ids.length > 0) detach = detach.where("id", "not in", ids);
  await detach.execute();
  for (const [position, id] of ids.entries()) {
    await tx.updateTable("attachments").set({ [column]: ownerId, position }).where("id", "=", id).execute();
  }
  // Held for a post that is not out yet, a file's text is not searchable yet either.
  if (ids.length > 0 && column !== "scheduled_post_id") await markExtractionPending(tx, ids);
}

/**
 * Lets go of the uploads a scheduled post held, and returns their ids in order: the post it
 * becomes claims them next (or, cancelled, they are unclaimed uploads again).
 */
export async function releaseScheduledAttachments(tx: Tx, scheduledPostId: string): Promise<string[]> {
  const rows = await tx
    .updateTable("attachments")
    .set({ scheduled_post_id: null, position: null })
    .where("scheduled_post_id", "=", scheduledPostId)
    .returning(["id", "position"])
    .execute();
  return rows.sort((a, b) => (a.position ?? 0) - (b.position ?? 0)).map((row) => row.id);
}

/** PDF and DOCX files among `ids` whose text was never read, unless too large to be: their text is now awaited. */
async function markExtractionPending(tx: Tx, ids: string[]): Promise<void> {
  await tx
    .updateTable("attachments")
    .set({ extraction: "pending" })
    .where("id", "in", ids)
    .where("extraction", "=", "none")
    .where("file_id", "in", (eb) =>
      eb
        .selectFrom("files")
        .select("files.id")
        .where("files.mime_type", "in", Object.keys(EXTRACTED_TYPES))
        .where("files.byte_size", "<=", String(EXTRACTION_LIMITS.maxBytes)),
    )
    .execute();
}

/** The attachment `id` if its text still awaits extraction. */
export async function isExtractionPending(db: Executor, id: string): Promise<boolean> {
  const row = await db.selectFrom("attachments").select("id").where("id", "=", id).where("extraction", "=", "pending").executeTakeFirst();
  return row !== undefined;
}

/** The attachments of a post (or comment) whose text awaits extraction. */
export async function pendingExtractions(db: Executor, owner: Owner): Promise<string[]> {
  const { column, id } = ownerColumn(owner);
  const rows = await db
    .selectFrom("attachments")
    .select("id")
    .where(column, "=", id)
    .where("extraction", "=", "pending")
    .execute();
  return rows.map((row) => row.id);
}

/** The stored file of an attachment whose text awaits extraction, if it still does. */
export async function findPendingExtraction(db: Executor, id: string): Promise<{ mime_type: string; storage_key: string } | undefined> {
  return db
    .selectFrom("attachments")
    .innerJoin("files", "files.id", "attachments.file_id")
    .select(["files.mime_type", "files.storage_key"])
    .where("attachments.id", "=", id)
    .where("attachments.extraction", "=", "pending")
    .executeTakeFirst();
}

/**
 * Records an extraction's outcome (the text, or why there is none), once: the search index's
 * trigger picks the text up in the same statement.
 */
export async function finishExtraction(db: Executor, input: { id: string } & ({ text: string } | { error: string })): Promise<void> {
  const outcome = "text" in input
    ? { extracted_text: input.text, extraction: "done" as const, extraction_error: null }
    : { extracted_text: null, extraction: "failed" as const, extraction_error: input.error.slice(0, 500) };
  await db
    .updateTable("attachments")
    .set(outcome)
    .where("id", "=", input.id)
    .where("extraction", "=", "pending")
    .execute();
}

/**
 * The stored file behind an attachment (`thumbnail`: its thumbnail), if `viewer` may read it: an
 * attachment of a post is read by whoever may read the post, one of a comment by whoever may read
 * the comment's post while the comment stands, an unclaimed upload by its uploader only.
 */
export async function findReadableFile(
  db: Executor,
  input: { viewer: Viewer; attachmentId: string; variant: "original" | "thumbnail" },
): Promise<{ kind: "image" | "file"; name: string; storage_key: string; mime_type: string } | undefined> {
  const { viewer, attachmentId, variant } = input;
  const readablePostIds = db.selectFrom("posts").select("posts.id").where(readablePosts(viewer));
  return db
    .selectFrom("attachments")
    .innerJoin("files", "files.id", variant === "original" ? "attachments.file_id" : "attachments.thumbnail_file_id")
    .select(["attachments.kind", "attachments.name", "files.storage_key", "files.mime_type"])
    .where("attachments.id", "=", attachmentId)
    .where((eb) =>
      eb.or([
        eb("attachments.post_id", "in", readablePostIds),
        eb(
          "attachments.comment_id",
          "in",
          db.selectFrom("comments").select("comments.id").where("comments.deleted_at", "is", null).where("comments.post_id", "in", readablePostIds),
        ),
        // Unclaimed, or held by one of the uploader's scheduled posts: theirs alone.
        eb.and([eb("attachments.post_id", "is", null), eb("attachments.comment_id", "is", null), eb("attachments.uploader_id", "=", viewer.id)]),
      ]),
    )
    .executeTakeFirst();
}

/** A stored file's row, as an upload writes it. */
export interface NewFile {
  id: string;
  purpose: string;
  mimeType: string;
  byteSize: number;
  storageKey: string;
  width: number | null;
  height: number | null;
}

/** Records a stored upload, unclaimed, with its files' rows. */
export async function insertAttachment(
  tx: Tx,
  input: { id: string; uploaderId: string; kind: "image" | "file"; name: string; original: NewFile; thumbnail: NewFile | null },
): Promise<void> {
  const files = input.thumbnail ? [input.original, input.thumbnail] : [input.original];
  await tx
    .insertInto("files")
    .values(
      files.map((file) => ({
        id: file.id,
        owner_id: input.uploaderId,
        purpose: file.purpose,
        mime_type: file.mimeType,
        byte_size: file.byteSize,
        storage_key: file.storageKey,
        width: file.width,
        height: file.height,
      })),
    )
    .execute();
  await tx
    .insertInto("attachments")
    .values({
      id: input.id,
      uploader_id: input.uploaderId,
      file_id: input.original.id,
      thumbnail_file_id: input.thumbnail?.id ?? null,
      kind: input.kind,
      name: input.name,
    })
    .execute();
}

/**
 * Deletes up to `limit` uploads nobody attached since `before`, with their files' rows; returns
 * the ids removed and the storage keys whose bytes may go once this commits. An upload being
 * claimed at that moment is locked, and skipped.
 */
export async function deleteUnclaimedBefore(tx: Tx, input: { before: Date; limit: number }): Promise<{ ids: string[]; storageKeys: string[] }> {
  const removed = await tx
    .deleteFrom("attachments")
    .where("id", "in", (eb) =>
      eb
        .selectFrom("attachments")
        .select("id")
        .where("post_id", "is", null)
        .where("comment_id", "is", null)
        .where("scheduled_post_id", "is", null)
        .where("created_at", "<", input.before)
        .limit(input.limit)
        .forUpdate()
        .skipLocked(),
    )
    .returning(["id", "file_id", "thumbnail_file_id"])
    .execute();
  const fileIds = removed.flatMap((row) => (row.thumbnail_file_id ? [row.file_id, row.thumbnail_file_id] : [row.file_id]));
  if (fileIds.length === 0) return { ids: [], storageKeys: [] };
  const files = await tx.deleteFrom("files").where("id", "in", fileIds).returning("storage_key").execute();
  return { ids: removed.map((row) => row.id), storageKeys: files.map((file) => file.storage_key) };
}
