import type { Executor } from "../../platform/db.ts";
import { AppError } from "../../platform/errors.ts";
import { readStoredFile } from "../../platform/images.ts";
import type { Storage } from "../../platform/storage.ts";
import type { Viewer } from "../people/policy.ts";
import { findPreviewImageId, isReadablePost } from "./repository.ts";

/**
 * A post's preview image, for those who may read the post: a post they may not read answers
 * exactly as an unknown one.
 */
export async function readPreviewImage(deps: { db: Executor; storage: Storage }, viewer: Viewer, postId: string): Promise<{ data: Buffer; mimeType: string }> {
  if (!(await isReadablePost(deps.db, viewer, postId))) throw new AppError("post_not_found");
  const fileId = await findPreviewImageId(deps.db, postId);
  const file = fileId ? await readStoredFile(deps.db, deps.storage, fileId) : undefined;
  if (!file) throw new AppError("not_found", "This post's link preview has no image");
  return file;
}
