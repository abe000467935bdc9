import type { Attachment } from "@ruche/contracts";
import type { Db, Executor } from "../../platform/db.ts";
import { AppError } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { appendEvent } from "../../platform/outbox.ts";
import { newStorageKey, type Storage } from "../../platform/storage.ts";
import type { Viewer } from "../people/policy.ts";
import { prepareAttachment, type StoredContent } from "./content.ts";
import { presentAttachment } from "./present.ts";
import { deleteUnclaimedBefore, findAttachment, findReadableFile, insertAttachment, type NewFile } from "./repository.ts";

interface Deps {
  db: Db;
  storage: Storage;
}

/** How long an upload may wait for the post or comment it was made for. */
const UNCLAIMED_LIFETIME_MS = 24 * 3_600_000;
const CLEANUP_BATCH = 500;

/** A hidden, foreign or missing attachment: all answer this same 404. */
function attachmentNotFound(): AppError {
  return new AppError("attachment_not_found");
}

async function putContent(storage: Storage, purpose: string, content: StoredContent): Promise<NewFile> {
  const storageKey = newStorageKey(purpose, content.extension);
  await storage.put(storageKey, content.data);
  return { id: newId(), purpose, mimeType: content.mimeType, byteSize: content.data.length, storageKey, width: content.width, height: content.height };
}

/**
 * Stores an upload as `viewer`'s unclaimed attachment, to be given to a post or comment when it
 * is written. Its bytes are written first; if the rows do not commit, they are deleted again.
 */
export async function uploadAttachment(deps: Deps, viewer: Viewer, upload: { data: Buffer; filename: string }): Promise<Attachment> {
  const prepared = await prepareAttachment(upload.data, upload.filename);
  const stored: NewFile[] = [];
  try {
    const original = await putContent(deps.storage, "attachment", prepared.content);
    stored.push(original);
    const thumbnail = prepared.thumbnail ? await putContent(deps.storage, "attachment-thumbnail", prepared.thumbnail) : null;
    if (thumbnail) stored.push(thumbnail);
    const id = newId();
    await deps.db.transaction().execute(async (tx) => {
      await insertAttachment(tx, { id, uploaderId: viewer.id, kind: prepared.kind, name: prepared.name, original, thumbnail });
      await appendEvent(tx, { type: "attachment.uploaded", actorId: viewer.id, subjectId: id, payload: { kind: prepared.kind } });
    });
    const row = await findAttachment(deps.db, id);
    if (!row) throw attachmentNotFound();
    return presentAttachment(row);
  } catch (error) {
    await Promise.all(stored.map((file) => deps.storage.delete(file.storageKey).catch(() => undefined)));
    throw error;
  }
}

/** A stored attachment file as it is sent: its bytes, type, name and whether it is an image. */
export interface AttachmentFile {
  data: Buffer;
  mimeType: string;
  name: string;
  kind: "image" | "file";
}

/** An attachment's file (or thumbnail) for a viewer who may read it; anything else is the same 404. */
export async function readAttachmentFile(
  deps: { db: Executor; storage: Storage },
  input: { viewer: Viewer; attachmentId: string; variant: "original" | "thumbnail" },
): Promise<AttachmentFile> {
  const row = await findReadableFile(deps.db, input);
  const data = row ? await deps.storage.get(row.storage_key) : undefined;
  if (!row || !data) throw attachmentNotFound();
  return { data, mimeType: row.mime_type, name: row.name, kind: row.kind };
}

/** Deletes uploads left unattached for a day, and their files; returns how many went. */
export async function removeAbandonedUploads(deps: Deps, now: Date = new Date()): Promise<number> {
  const before = new Date(now.getTime() - UNCLAIMED_LIFETIME_MS);
  let total = 0;
  for (;;) {
    const removed = await deps.db.transaction().execute(async (tx) => {
      const batch = await deleteUnclaimedBefore(tx, { before, limit: CLEANUP_BATCH });
      for (const id of batch.ids) await appendEvent(tx, { type: "attachment.removed", subjectId: id, payload: { reason: "unclaimed" } });
      return batch;
    });
    // After commit nothing refers to these bytes; a failed delete leaves an orphan, not an error.
    await Promise.all(removed.storageKeys.map((key) => deps.storage.delete(key).catch(() => undefined)));
    total += removed.ids.length;
    if (removed.ids.length < CLEANUP_BATCH) return total;
  }
}
