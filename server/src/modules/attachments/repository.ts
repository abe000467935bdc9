import { MAX_ATTACHMENTS, type Attachment } from "@ruche/contracts";
import type { Executor, Tx } from "../../platform/db.ts";
import { errors } from "../../platform/errors.ts";
import type { Viewer } from "../people/policy.ts";
import { readablePosts } from "../posts/policy.ts";
import { EXTRACTED_TYPES, EXTRACTION_LIMITS } from "./extraction.ts";
import { presentAttachment, type AttachmentRow } from "./present.ts";

type Owner = { postId: string } | { commentId: string };

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

/** The attachments of each post (or comment), in position order, in one query. */
export async function attachmentsFor(db: Executor, owner: { postIds: string[] } | { commentIds: string[] }): Promise<Map<string, Attachment[]>> {
  const byPost = "postIds" in owner;
  const ids = byPost ? owner.postIds : owner.commentIds;
  const found = new Map<string, Attachment[]>();
  if (ids.length === 0) return found;
  const rows = await selectPresented(db)
    .where(byPost ? "attachments.post_id" : "attachments.comment_id", "in", ids)
    .orderBy("attachments.position")
    .orderBy("attachments.id")
    .execute();
  for (const row of rows) {
    const key = (byPost ? row.post_id : row.comment_id) ?? "";
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
  const ownerColumn = "postId" in owner ? "post_id" : "comment_id";
  const ownerId = "postId" in owner ? owner.postId : owner.commentId;
  const rows = ids.length === 0 ? [] : await tx.selectFrom("attachments").select(["id", "uploader_id", "post_id", "comment_id"]).where("id", "in", ids).forUpdate().execute();
  const usable = new Set(
    rows.filter((row) => row[ownerColumn] === ownerId || (row.post_id === null && row.comment_id === null && row.uploader_id === viewer.id)).map((row) => row.id),
  );
  const unusable = ids.filter((id) => !usable.has(id));
  if (unusable.length > 0) throw refused(`${unusable.join(", ")}: not an upload of yours that is free to attach`);

  let detach = tx.updateTable("attachments").set({ post_id: null, comment_id: null, position: null }).where(ownerColumn, "=", ownerId);
  if (ids.length > 0) detach = detach.where("id", "not in", ids);
  await detach.execute();
  for (const [position, id] of ids.entries()) {
    await tx.updateTable("attachments").set({ [ownerColumn]: ownerId, position }).where("id", "=", id).execute();
  }
  if (ids.length > 0) await markExtractionPending(tx, ids);
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
  const rows = await db
    .selectFrom("attachments")
    .select("id")
    .where("postId" in owner ? "post_id" : "comment_id", "=", "postId" in owner ? owner.postId : owner.commentId)
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
