/** Longest name kept for an attachment, in characters. */
const MAX_NAME_LENGTH = 200;
/** A trailing extension: a dot and a few letters or digits. */
const EXTENSION = /\.[\p{L}\p{N}]{1,10}$/u;
// Control characters, and the invisible ones that reorder or hide text: "photo\u202Egpj.exe" must not read as a JPEG.
const INVISIBLE = /[\p{Cc}\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/gu;

/**
 * The name an attachment is stored and downloaded under: the client's name without any folder,
 * control or direction characters, leading dots or trailing dots and spaces, at most 200
 * characters (the extension kept), or `fallback` when nothing is left.
 * @example sanitiseFileName("C:\\Users\\me\\Rapport final.pdf", "file") // "Rapport final.pdf"
 */
export function sanitiseFileName(raw: string, fallback: string): string {
  const base = raw.normalize("NFC").split(/[/\\]/).pop() ?? "";
  const cleaned = base
    .replace(/\s+/g, " ")
    .replace(INVISIBLE, "")
    .replace(/^[\s.]+/, "")
    .replace(/[\s.]+$/, "");
  if (!cleaned) return fallback;
  const characters = Array.from(cleaned);
  if (characters.length <= MAX_NAME_LENGTH) return cleaned;
  const extension = Array.from(EXTENSION.exec(cleaned)?.[0] ?? "");
  return characters.slice(0, MAX_NAME_LENGTH - extension.length).join("").trimEnd() + extension.join("");
}

/** `name` with its extension replaced (or one added): a re-encoded image is downloaded as what it now is. */
export function withExtension(name: string, extension: string): string {
  const stem = name.replace(EXTENSION, "") || "image";
  return `${Array.from(stem).slice(0, MAX_NAME_LENGTH - extension.length - 1).join("")}.${extension}`;
}

/**
 * A Content-Disposition header naming the file: an ASCII fallback for old clients and the exact
 * UTF-8 name (RFC 6266 / RFC 8187) for the others.
 * @example contentDisposition("attachment", "Résumé.pdf") // attachment; filename="R_sum_.pdf"; filename*=UTF-8''R%C3%A9sum%C3%A9.pdf
 */
export function contentDisposition(type: "attachment" | "inline", name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\%]/g, "_");
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
