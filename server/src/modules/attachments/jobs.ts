import type { Db } from "../../platform/db.ts";
import type { Storage } from "../../platform/storage.ts";
import { extractDocumentText, EXTRACTION_LIMITS, type ExtractionLimits } from "./extraction.ts";
import { findPendingExtraction, finishExtraction } from "./repository.ts";

/** The `attachments.extract_text` job: read the text inside one attached PDF or DOCX. */
export interface ExtractionJob {
  attachmentId: string;
}

/**
 * Reads an attachment's text and records it, where search finds it. A file that cannot be read
 * (broken, encrypted, too slow, gone from storage) ends `failed` at once rather than being retried:
 * reading it again would fail again. Only the database failing throws, so pg-boss retries then.
 * Idempotent: an attachment already done or failed is left alone.
 */
export async function extractAttachmentText(deps: { db: Db; storage: Storage }, job: ExtractionJob, limits: ExtractionLimits = EXTRACTION_LIMITS): Promise<void> {
  const pending = await findPendingExtraction(deps.db, job.attachmentId);
  if (!pending) return;
  const data = await deps.storage.get(pending.storage_key);
  const result = data ? await extractDocumentText({ data, mimeType: pending.mime_type }, limits) : { ok: false as const, reason: "the stored file is missing" };
  await finishExtraction(deps.db, result.ok ? { id: job.attachmentId, text: result.text } : { id: job.attachmentId, error: result.reason });
}
