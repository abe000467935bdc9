import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The stored types whose text is pulled out for search (typed by their bytes at upload), and how each is read. */
export const EXTRACTED_TYPES = {
  "application/pdf": "pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
} as const;

export interface ExtractionLimits {
  /** Larger files are searched by name only (they are never sent to an extractor). */
  maxBytes: number;
  /** Text kept for search: enough for a long report, bounded for the index. */
  maxChars: number;
  /** A file still being read after this long is given up on. */
  timeoutMs: number;
  /** The reading process's heap: a DOCX that inflates without end stops there, not in the server. */
  maxMemoryMb: number;
}

export const EXTRACTION_LIMITS: ExtractionLimits = { maxBytes: 20 * 1024 * 1024, maxChars: 200_000, timeoutMs: 60_000, maxMemoryMb: 256 };

/** The text of a file, or why there is none. */
export type ExtractionResult = { ok: true; text: string } | { ok: false; reason: string };

const READER = fileURLToPath(new URL("./extraction-worker.mjs", import.meta.url));

/**
 * Readable text for the index: no control characters (PostgreSQL refuses NUL in text), spaces
 * and blank lines collapsed, at most `maxChars` characters, never half a surrogate pair.
 */
export function cleanExtractedText(text: string, maxChars: number): string {
  const cleaned = text
    // eslint-disable-next-line no-control-regex -- control characters are what this removes.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]+/g, " ")
    .replace(/[^\S\n]+/g, " ")
    .replace(/ ?\n ?/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  if (cleaned.length <= maxChars) return cleaned;
  const cut = cleaned.slice(0, maxChars);
  return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/**
 * Reads the text inside a PDF or DOCX in a child process, within the limits: a broken, encrypted,
 * too slow or too greedy file answers `{ ok: false }`, never throws, and leaves the server as it was.
 *
 * @example
 *   const result = await extractDocumentText({ data, mimeType: "application/pdf" });
 *   if (result.ok) console.log(result.text);
 */
export async function extractDocumentText(input: { data: Buffer; mimeType: string }, limits: ExtractionLimits = EXTRACTION_LIMITS): Promise<ExtractionResult> {
  const format = input.mimeType in EXTRACTED_TYPES ? EXTRACTED_TYPES[input.mimeType as keyof typeof EXTRACTED_TYPES] : undefined;
  if (!format) return { ok: false, reason: `no extractor for ${input.mimeType}` };
  if (input.data.length > limits.maxBytes) return { ok: false, reason: "too large" };
  return new Promise((resolve) => {
    const reader = fork(READER, [], {
      // The server's own flags and environment (a loader, its settings) are not for the reader.
      execArgv: [`--max-old-space-size=${limits.maxMemoryMb}`],
      env: {},
      serialization: "advanced",
      stdio: ["ignore", "ignore", "ignore", "ipc"],
    });
    let settled = false;
    const settle = (result: ExtractionResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reader.kill("SIGKILL");
      resolve(result);
    };
    const timer = setTimeout(() => settle({ ok: false, reason: `still reading after ${limits.timeoutMs} ms` }), limits.timeoutMs);
    reader.once("message", (message: { text?: unknown; error?: unknown }) => {
      if (typeof message.text === "string") settle({ ok: true, text: cleanExtractedText(message.text, limits.maxChars) });
      else settle({ ok: false, reason: String(message.error ?? "no text") });
    });
    reader.once("error", (error) => settle({ ok: false, reason: error.message }));
    reader.once("exit", (code, signal) => settle({ ok: false, reason: `reader stopped (${signal ?? code})` }));
    reader.send({ data: new Uint8Array(input.data.buffer, input.data.byteOffset, input.data.length), format, maxChars: limits.maxChars });
  });
}
