import { Type } from "@sinclair/typebox";
import type { FastifyReply, FastifyRequest } from "fastify";
import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";
import type { Db, Executor, Tx } from "./db.ts";
import { AppError } from "./errors.ts";
import { newId } from "./ids.ts";
import { newStorageKey, type Storage } from "./storage.ts";

/** Decoding more than this many pixels costs hundreds of MB: a "decompression bomb" is refused. */
export const MAX_IMAGE_PIXELS = 50_000_000;
const ACCEPTED_TYPES = new Set(["image/jpeg", "image/png", "image/webp", "image/gif"]);
const FIELD = "file";

/** An uploaded image after checking and re-encoding: WebP, metadata stripped. */
export interface ProcessedImage {
  data: Buffer;
  mimeType: "image/webp";
  width: number;
  height: number;
}

function fileError(code: "validation_failed" | "unsupported_file_type" | "image_too_large" | "file_too_large", message: string): AppError {
  return new AppError(code, `${FIELD}: ${message}`, [{ field: FIELD, message }]);
}

/**
 * Reads the multipart field `file` into memory, within the multipart plugin's size limit
 * (`maxBytes` is only used to word the error). A malformed form is the client's error, never a 500.
 */
export async function readUploadedFile(request: FastifyRequest, maxBytes: number): Promise<Buffer> {
  return (await readUploadedPart(request, maxBytes)).data;
}

/**
 * Reads the multipart field `file` and the name the client gave it, refusing more than `maxBytes`
 * (attachments allow more than the plugin's default limit, which fits images).
 */
export async function readUploadedPart(request: FastifyRequest, maxBytes: number): Promise<{ data: Buffer; filename: string }> {
  if (!request.isMultipart()) throw fileError("validation_failed", "is required (send multipart/form-data)");
  try {
    const part = await request.file({ limits: { fileSize: maxBytes } });
    if (!part || part.fieldname !== FIELD) throw fileError("validation_failed", "is required");
    // A part can come without a file name, whatever the plugin's types say.
    return { data: await part.toBuffer(), filename: typeof part.filename === "string" ? part.filename : "" };
  } catch (error) {
    if (error instanceof AppError) throw error;
    if ((error as { code?: unknown }).code === "FST_REQ_FILE_TOO_LARGE") {
      throw fileError("file_too_large", `must be at most ${Number((maxBytes / 1_048_576).toFixed(1))} MB`);
    }
    throw fileError("validation_failed", "could not be read: the multipart form is malformed or incomplete");
  }
}

/**
 * Checks an uploaded image and re-encodes it: the type comes from its bytes (never its name),
 * only JPEG, PNG, WebP and GIF are accepted, and the output is a WebP no larger than
 * `maxDimension` on each side, oriented, with every metadata block (EXIF, GPS, ICC) dropped.
 */
export async function processImage(data: Buffer, options: { maxDimension: number }): Promise<ProcessedImage> {
  const type = await fileTypeFromBuffer(data);
  if (!type || !ACCEPTED_TYPES.has(type.mime)) throw fileError("unsupported_file_type", "must be a JPEG, PNG, WebP or GIF image");
  const metadata = await sharp(data).metadata().catch(() => undefined);
  if (!metadata?.width || !metadata.height) throw fileError("validation_failed", "is damaged or not a readable image");
  // Checked from the header first, so an oversized image is refused before anything is decoded.
  if (metadata.width * (metadata.pageHeight ?? metadata.height) > MAX_IMAGE_PIXELS) throw tooManyPixels();
  try {
    const { data: output, info } = await sharp(data, { limitInputPixels: MAX_IMAGE_PIXELS, autoOrient: true })
      .resize({ width: options.maxDimension, height: options.maxDimension, fit: "inside", withoutEnlargement: true })
      .webp({ quality: 85 })
      .toBuffer({ resolveWithObject: true });
    return { data: output, mimeType: "image/webp", width: info.width, height: info.height };
  } catch (error) {
    if (error instanceof Error && /pixel limit/i.test(error.message)) throw tooManyPixels();
    throw fileError("validation_failed", "is damaged or not a readable image");
  }
}

function tooManyPixels(): AppError {
  return fileError("image_too_large", `must have at most ${MAX_IMAGE_PIXELS / 1_000_000} million pixels`);
}

/** What owns a stored image (a person's avatar, the organisation's logo, a community's cover) and how to point it at a file. */
export interface ImageSlot {
  db: Db;
  storage: Storage;
  purpose: "avatar" | "logo" | "cover";
  ownerId: string | null;
  /** Inside the transaction: points the owner at `fileId` (or at nothing) and returns the file id it held before. */
  swap: (tx: Tx, fileId: string | null) => Promise<string | null>;
}

/** Stores an image and points its owner at it in one transaction; the replaced file is then deleted. */
export async function storeImage(slot: ImageSlot, image: ProcessedImage): Promise<void> {
  const key = newStorageKey(slot.purpose, "webp");
  await slot.storage.put(key, image.data);
  let replacedKey: string | undefined;
  try {
    replacedKey = await slot.db.transaction().execute(async (tx) => {
      const id = newId();
      await tx
        .insertInto("files")
        .values({
          id,
          owner_id: slot.ownerId,
          purpose: slot.purpose,
          mime_type: image.mimeType,
          byte_size: image.data.length,
          storage_key: key,
          width: image.width,
          height: image.height,
        })
        .execute();
      return deleteFileRow(tx, await slot.swap(tx, id));
    });
  } catch (error) {
    // The row never committed: the bytes must not linger either.
    await slot.storage.delete(key).catch(() => undefined);
    throw error;
  }
  await deleteBytes(slot.storage, replacedKey);
}

/** Detaches an owner's image and deletes it; nothing happens when there is none. */
export async function removeImage(slot: ImageSlot): Promise<void> {
  const removedKey = await slot.db.transaction().execute(async (tx) => deleteFileRow(tx, await slot.swap(tx, null)));
  await deleteBytes(slot.storage, removedKey);
}

/** The bytes and type of a stored file, or undefined when the row or its bytes are gone. */
export async function readStoredFile(db: Executor, storage: Storage, fileId: string): Promise<{ data: Buffer; mimeType: string } | undefined> {
  const row = await db.selectFrom("files").select(["storage_key", "mime_type"]).where("id", "=", fileId).executeTakeFirst();
  if (!row) return undefined;
  const data = await storage.get(row.storage_key);
  return data ? { data, mimeType: row.mime_type } : undefined;
}

async function deleteFileRow(tx: Tx, fileId: string | null): Promise<string | undefined> {
  if (!fileId) return undefined;
  const row = await tx.deleteFrom("files").where("id", "=", fileId).returning("storage_key").executeTakeFirst();
  return row?.storage_key;
}

async function deleteBytes(storage: Storage, key: string | undefined): Promise<void> {
  // After commit nothing refers to these bytes; if deleting fails they are an orphan, not an error for the user.
  if (key) await storage.delete(key).catch(() => undefined);
}

/** A per-person limit for image upload routes: re-encoding costs CPU, nobody needs more than a few a minute. */
export const imageUploadRateLimit = {
  max: 20,
  timeWindow: "1 minute",
  keyGenerator: (request: FastifyRequest) => request.actor?.id ?? request.ip,
  hook: "preHandler" as const,
};

/** The response schema of a route that serves a stored image (a Buffer, which Fastify sends as is). */
export function imageResponse(description: string) {
  return Type.Unsafe<Buffer>({ description, content: { "image/webp": { schema: { type: "string", format: "binary" } } } });
}

/**
 * Sends a stored image inline, never sniffed as anything else. `cache` is "private" for images
 * only some viewers may see; URLs carry the file id, so a changed image gets a new URL.
 */
export function sendImage(reply: FastifyReply, file: { data: Buffer; mimeType: string }, options: { cache: "private" | "public"; name: string }): FastifyReply {
  return reply
    .header("content-type", file.mimeType)
    .header("x-content-type-options", "nosniff")
    .header("content-disposition", `inline; filename="${options.name}.webp"`)
    .header("cache-control", `${options.cache}, max-age=86400`)
    .send(file.data);
}
