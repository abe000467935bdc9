import { fileTypeFromBuffer } from "file-type";
import { errors } from "../../platform/errors.ts";
import { processImage } from "../../platform/images.ts";
import { sanitiseFileName, withExtension } from "./file-names.ts";

/** Images are shown inline up to this size on each side; larger ones are scaled down. */
const IMAGE_MAX_DIMENSION = 2560;
/** Thumbnails fit the stream's attachment grid. */
const THUMBNAIL_MAX_DIMENSION = 400;
const IMAGE_TYPES = new Set(["image/jpeg", "image/png", "image/webp", "image/gif"]);
/**
 * Types a browser may render as a page or run, whatever the Content-Disposition says: they are
 * kept as opaque bytes. SVG is among them: it can carry script, so it is never an image here.
 */
const ACTIVE_TYPES = new Set([
  "text/html",
  "application/xhtml+xml",
  "image/svg+xml",
  "application/xml",
  "text/xml",
  "application/javascript",
  "text/javascript",
  "application/x-shockwave-flash",
]);
const OPAQUE = "application/octet-stream";

/** Bytes to store, with what the files table records of them. */
export interface StoredContent {
  data: Buffer;
  mimeType: string;
  /** For the storage key only. */
  extension: string;
  width: number | null;
  height: number | null;
}

/** An upload once checked: what it is, its name, and what to store. */
export interface PreparedAttachment {
  kind: "image" | "file";
  name: string;
  content: StoredContent;
  thumbnail: StoredContent | null;
}

const TEXT_CONTROLS = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d]);

/** Text is UTF-8 without control characters other than tabs, line and page breaks. */
function isPlainText(data: Buffer): boolean {
  // Every byte of a multi-byte UTF-8 character is 0x80 or above, so controls can be spotted byte by byte.
  for (const byte of data) {
    if ((byte < 0x20 && !TEXT_CONTROLS.has(byte)) || byte === 0x7f) return false;
  }
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(data);
    return true;
  } catch {
    return false;
  }
}

/** The type a file is stored and served with: read from its bytes, never from its name. */
function fileType(data: Buffer, detected: { mime: string; ext: string } | undefined): { mimeType: string; extension: string } {
  if (detected && !ACTIVE_TYPES.has(detected.mime)) {
    return { mimeType: detected.mime, extension: /^[a-z0-9]{1,8}$/.test(detected.ext) ? detected.ext : "bin" };
  }
  if (!detected && isPlainText(data)) return { mimeType: "text/plain", extension: "txt" };
  return { mimeType: OPAQUE, extension: "bin" };
}

/**
 * Turns an upload into what is stored: JPEG, PNG, WebP and GIF images (by their bytes) are
 * re-encoded without metadata, with a thumbnail; anything else is kept as it came, typed by its
 * bytes, to be downloaded only. Every type is accepted: a file is never opened by Ruche or shown
 * by the browser, so refusing executables would only push people to rename them.
 */
export async function prepareAttachment(data: Buffer, clientName: string): Promise<PreparedAttachment> {
  if (data.length === 0) throw errors.invalidField("file", "is empty");
  const name = sanitiseFileName(clientName, "file");
  const detected = await fileTypeFromBuffer(data);
  if (detected && IMAGE_TYPES.has(detected.mime)) {
    const image = await processImage(data, { maxDimension: IMAGE_MAX_DIMENSION });
    const thumbnail = await processImage(image.data, { maxDimension: THUMBNAIL_MAX_DIMENSION });
    return {
      kind: "image",
      name: withExtension(name, "webp"),
      content: { data: image.data, mimeType: image.mimeType, extension: "webp", width: image.width, height: image.height },
      thumbnail: { data: thumbnail.data, mimeType: thumbnail.mimeType, extension: "webp", width: thumbnail.width, height: thumbnail.height },
    };
  }
  const type = fileType(data, detected);
  return { kind: "file", name, content: { data, ...type, width: null, height: null }, thumbnail: null };
}
