import type { Db, Executor } from "../../platform/db.ts";
import { AppError, errors } from "../../platform/errors.ts";
import { readStoredFile, removeImage, storeImage, type ImageSlot, type ProcessedImage } from "../../platform/images.ts";
import type { Storage } from "../../platform/storage.ts";
import type { Viewer } from "./policy.ts";
import { findVisibleUser, swapAvatar } from "./repository.ts";

/** Avatars are shown small: a larger side only costs bytes. */
export const AVATAR_MAX_DIMENSION = 512;

interface Deps {
  db: Db;
  storage: Storage;
}

function avatarSlot(deps: Deps, userId: string): ImageSlot {
  return { ...deps, purpose: "avatar", ownerId: userId, swap: (tx, fileId) => swapAvatar(tx, userId, fileId) };
}

/** Makes a checked, re-encoded image a person's avatar; their previous one is deleted. */
export async function setAvatar(deps: Deps, userId: string, image: ProcessedImage): Promise<void> {
  await storeImage(avatarSlot(deps, userId), image);
}

/** Removes a person's avatar, if they have one. */
export async function removeAvatar(deps: Deps, userId: string): Promise<void> {
  await removeImage(avatarSlot(deps, userId));
}

/** A person's avatar image, for a viewer who may see them; hidden and unknown people are the same 404. */
export async function readAvatar(deps: { db: Executor; storage: Storage }, viewer: Viewer, personId: string): Promise<{ data: Buffer; mimeType: string }> {
  const person = await findVisibleUser(deps.db, viewer, personId);
  if (!person) throw errors.notFound("user");
  const file = person.avatar_file_id ? await readStoredFile(deps.db, deps.storage, person.avatar_file_id) : undefined;
  if (!file) throw new AppError("not_found", "This person has no avatar");
  return file;
}
