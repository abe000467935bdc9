import type { Db } from "../../platform/db.ts";
import { newId } from "../../platform/ids.ts";
import { processImage } from "../../platform/images.ts";
import { appendEvent } from "../../platform/outbox.ts";
import { safeFetch, SafeFetchError, type SafeFetchOptions } from "../../platform/safe-fetch.ts";
import { newStorageKey, type Storage } from "../../platform/storage.ts";
import { decodePage, readPageMetadata, type PageMetadata } from "./metadata.ts";
import { completePreview, failPreview, isAwaiting } from "./repository.ts";

/** The `previews.fetch` job: fetch `url` for the post, after deleting the bytes of a dropped image. */
export interface PreviewJob {
  postId: string;
  url: string | null;
  discardKeys: string[];
}

export interface PreviewDeps {
  db: Db;
  storage: Storage;
  /** Tests only: local servers the fetch may reach (see `safeFetch`). */
  allowHosts?: string[];
}

const LIMITS = { maxBytes: 5 * 1024 * 1024, timeoutMs: 5000, maxRedirects: 3 };
const PAGE_TYPES = ["text/html", "application/xhtml+xml"];
/** Previews are shown as a small card. */
const IMAGE_MAX_DIMENSION = 600;

function fetchOptions(deps: PreviewDeps, accept: string[]): SafeFetchOptions {
  return { ...LIMITS, accept, ...(deps.allowHosts ? { allowHosts: deps.allowHosts } : {}) };
}

/** The page's image, fetched through the safe client and re-encoded; a preview is still worth showing without it. */
async function fetchImage(deps: PreviewDeps, imageUrl: string): Promise<{ data: Buffer; width: number; height: number } | null> {
  try {
    const response = await safeFetch(imageUrl, fetchOptions(deps, ["image/"]));
    return await processImage(response.body, { maxDimension: IMAGE_MAX_DIMENSION });
  } catch {
    return null;
  }
}

/** Stores the preview's image, fills the preview in and records it, unless an edit moved the post on. */
async function savePreview(deps: PreviewDeps, input: { job: PreviewJob & { url: string }; metadata: PageMetadata; image: { data: Buffer; width: number; height: number } | null }): Promise<void> {
  const { job, image } = input;
  const key = image ? newStorageKey("preview", "webp") : null;
  if (image && key) await deps.storage.put(key, image.data);
  const saved = await deps.db.transaction().execute(async (tx) => {
    if (!(await isAwaiting(tx, job.postId, job.url))) return false;
    let imageFileId: string | null = null;
    if (image && key) {
      imageFileId = newId();
      await tx
        .insertInto("files")
        .values({ id: imageFileId, owner_id: null, purpose: "preview", mime_type: "image/webp", byte_size: image.data.length, storage_key: key, width: image.width, height: image.height })
        .execute();
    }
    await completePreview(tx, { postId: job.postId, metadata: input.metadata, imageFileId });
    await appendEvent(tx, { type: "post.preview_ready", subjectId: job.postId, payload: { url: job.url } });
    return true;
  });
  if (!saved && key) await deps.storage.delete(key).catch(() => undefined);
}

async function recordFailure(deps: PreviewDeps, job: PreviewJob & { url: string }, error: SafeFetchError): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const failed = await failPreview(tx, { postId: job.postId, url: job.url, error: `${error.reason}: ${error.message}` });
    if (failed) await appendEvent(tx, { type: "post.preview_failed", subjectId: job.postId, payload: { url: job.url, reason: error.reason } });
  });
}

/**
 * Fetches a post's link preview: the page through the SSRF-safe client, its Open Graph tags,
 * and its image (re-encoded, re-hosted). A page that cannot be fetched marks the preview
 * failed, without retrying; anything else throws so the job is retried. Idempotent: a preview
 * already filled in, or moved on to another URL, is left alone.
 */
export async function fetchLinkPreview(deps: PreviewDeps, job: PreviewJob): Promise<void> {
  await Promise.all(job.discardKeys.map((key) => deps.storage.delete(key).catch(() => undefined)));
  const { url } = job;
  if (!url || !(await isAwaiting(deps.db, job.postId, url))) return;
  let metadata: PageMetadata;
  try {
    const page = await safeFetch(url, fetchOptions(deps, PAGE_TYPES));
    metadata = readPageMetadata(decodePage(page.body, page.contentType), page.url);
  } catch (error) {
    if (error instanceof SafeFetchError) return recordFailure(deps, { ...job, url }, error);
    throw error;
  }
  const image = metadata.imageUrl ? await fetchImage(deps, metadata.imageUrl) : null;
  await savePreview(deps, { job: { ...job, url }, metadata, image });
}
