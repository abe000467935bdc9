import type { Db, Executor, Tx } from "../../platform/db.ts";
import { AppError } from "../../platform/errors.ts";
import { readStoredFile, removeImage, storeImage, type ImageSlot, type ProcessedImage } from "../../platform/images.ts";
import { appendEvent } from "../../platform/outbox.ts";
import type { Storage } from "../../platform/storage.ts";
import type { Viewer } from "../people/policy.ts";
import { lockCommunity, requireAllowed, requireNotArchived, visibleCommunityOrThrow } from "./service.ts";

/** A cover is a banner across the community's page: wide enough for a large screen, no wider. */
export const COVER_MAX_DIMENSION = 1600;

interface Deps {
  db: Db;
  storage: Storage;
}

/** The community's cover, changed only by those who manage it, never while it is archived. */
function coverSlot(deps: Deps, viewer: Viewer, communityId: string): ImageSlot {
  return {
    ...deps,
    purpose: "cover",
    // The cover belongs to the community, not to the manager who uploaded it (the event says who).
    ownerId: null,
    swap: async (tx: Tx, fileId: string | null) => {
      const row = await lockCommunity(tx, viewer, communityId);
      requireAllowed(viewer, "manage", row);
      requireNotArchived(row);
      if (row.cover_file_id === fileId) return row.cover_file_id;
      await tx.updateTable("communities").set({ cover_file_id: fileId, updated_at: new Date() }).where("id", "=", communityId).execute();
      await appendEvent(tx, { type: "community.updated", actorId: viewer.id, subjectId: communityId, payload: { fields: ["cover"] } });
      return row.cover_file_id;
    },
  };
}

/**
 * Checks that `viewer` may change the cover before the upload is read and re-encoded, so that
 * nobody else makes the server spend CPU on an image; the change itself checks again under lock.
 */
export async function requireCoverEditable(db: Executor, viewer: Viewer, communityId: string): Promise<void> {
  const row = await visibleCommunityOrThrow(db, viewer, communityId);
  requireAllowed(viewer, "manage", row);
  requireNotArchived(row);
}

/** Makes a checked, re-encoded image the community's cover; the previous one is deleted. */
export async function setCover(deps: Deps, viewer: Viewer, communityId: string, image: ProcessedImage): Promise<void> {
  await storeImage(coverSlot(deps, viewer, communityId), image);
}

/** Removes the community's cover and its file; without one, nothing changes. */
export async function removeCover(deps: Deps, viewer: Viewer, communityId: string): Promise<void> {
  await removeImage(coverSlot(deps, viewer, communityId));
}

/** The cover image, for anyone who may see the community (a closed one shows its cover in the directory). */
export async function readCover(deps: { db: Executor; storage: Storage }, viewer: Viewer, communityId: string): Promise<{ data: Buffer; mimeType: string }> {
  const row = await visibleCommunityOrThrow(deps.db, viewer, communityId);
  const file = row.cover_file_id ? await readStoredFile(deps.db, deps.storage, row.cover_file_id) : undefined;
  if (!file) throw new AppError("not_found", "This community has no cover image");
  return file;
}
