import type { LinkPreview } from "@ruche/contracts";
import type { Executor, Tx } from "../../platform/db.ts";
import type { Viewer } from "../people/policy.ts";
import { readablePosts } from "../posts/policy.ts";
import type { PageMetadata } from "./metadata.ts";
import { presentPreview } from "./present.ts";

/** The link preview of each post that has one, in one query. */
export async function previewsFor(db: Executor, postIds: string[]): Promise<Map<string, LinkPreview>> {
  if (postIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("link_previews")
    .select(["post_id", "url", "status", "title", "description", "site_name", "image_file_id"])
    .where("post_id", "in", postIds)
    .execute();
  return new Map(rows.map((row) => [row.post_id, presentPreview(row)]));
}

/**
 * Points a post's preview at `url` (pending, to be fetched) or removes it (null). Returns null
 * when the post already previews that URL, else the storage keys of the image it drops, whose
 * bytes may go once this commits.
 */
export async function retargetPreview(tx: Tx, postId: string, url: string | null): Promise<string[] | null> {
  const existing = await tx.selectFrom("link_previews").select(["url", "image_file_id"]).where("post_id", "=", postId).forUpdate().executeTakeFirst();
  if ((existing?.url ?? null) === url) return null;
  if (url) {
    const cleared = { url, status: "pending" as const, title: null, description: null, site_name: null, image_file_id: null, error: null, fetched_at: null };
    await tx
      .insertInto("link_previews")
      .values({ post_id: postId, ...cleared })
      .onConflict((conflict) => conflict.column("post_id").doUpdateSet(cleared))
      .execute();
  } else {
    await tx.deleteFrom("link_previews").where("post_id", "=", postId).execute();
  }
  if (!existing?.image_file_id) return [];
  const dropped = await tx.deleteFrom("files").where("id", "=", existing.image_file_id).returning("storage_key").execute();
  return dropped.map((file) => file.storage_key);
}

/**
 * Whether the post's preview still waits for `url` (an edit may have moved it on meanwhile); in a
 * transaction, the row stays locked until it ends, so no edit moves it on in between.
 */
export async function isAwaiting(db: Executor, postId: string, url: string): Promise<boolean> {
  const row = await db
    .selectFrom("link_previews")
    .select("post_id")
    .where("post_id", "=", postId)
    .where("url", "=", url)
    .where("status", "=", "pending")
    .forUpdate()
    .executeTakeFirst();
  return row !== undefined;
}

/** Fills a pending preview in (the caller checked it still awaits this URL). */
export async function completePreview(tx: Tx, input: { postId: string; metadata: PageMetadata; imageFileId: string | null }): Promise<void> {
  const { metadata } = input;
  await tx
    .updateTable("link_previews")
    .set({
      status: "ready",
      title: metadata.title,
      description: metadata.description,
      site_name: metadata.siteName,
      image_file_id: input.imageFileId,
      error: null,
      fetched_at: new Date(),
    })
    .where("post_id", "=", input.postId)
    .execute();
}

/** Marks a preview failed, if it still awaits `url`; returns whether it did. */
export async function failPreview(tx: Tx, input: { postId: string; url: string; error: string }): Promise<boolean> {
  const result = await tx
    .updateTable("link_previews")
    .set({ status: "failed", error: input.error.slice(0, 500), fetched_at: new Date() })
    .where("post_id", "=", input.postId)
    .where("url", "=", input.url)
    .where("status", "=", "pending")
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Whether `viewer` may read the post. */
export async function isReadablePost(db: Executor, viewer: Viewer, postId: string): Promise<boolean> {
  const row = await db.selectFrom("posts").select("id").where("id", "=", postId).where(readablePosts(viewer)).executeTakeFirst();
  return row !== undefined;
}

/** The file id of a post's ready preview image, if it has one. */
export async function findPreviewImageId(db: Executor, postId: string): Promise<string | null> {
  const row = await db.selectFrom("link_previews").select("image_file_id").where("post_id", "=", postId).where("status", "=", "ready").executeTakeFirst();
  return row?.image_file_id ?? null;
}
