// The text inside one PDF or DOCX, read in a child process that extraction.ts starts for each
// file: parsing what someone uploaded may take long or grow without end, and a process can be
// capped and killed without the server noticing (a worker thread that runs out of heap can take
// the whole server down with it). Plain JavaScript, so that the same file runs from the sources
// and next to the compiled server (scripts/build-server.mjs copies it there).
import mammoth from "mammoth";
import { getDocumentProxy } from "unpdf";

/** A PDF's text, page after page, reading no further pages once `maxChars` are there. */
async function pdfText(data, maxChars) {
  // No eval: a font program inside a PDF must never become code (CVE-2024-4367). No warnings on the console.
  const pdf = await getDocumentProxy(data, { isEvalSupported: false, verbosity: 0 });
  try {
    const pages = [];
    let length = 0;
    for (let number = 1; number <= pdf.numPages && length < maxChars; number += 1) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      const text = content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : "")).join("");
      pages.push(text);
      length += text.length + 1;
    }
    return pages.join("\n");
  } finally {
    await pdf.destroy();
  }
}

/** A DOCX's paragraphs as plain text. */
async function docxText(data) {
  const result = await mammoth.extractRawText({ buffer: Buffer.from(data.buffer, data.byteOffset, data.byteLength) });
  return result.value;
}

process.once("message", async ({ data, format, maxChars }) => {
  try {
    const text = format === "pdf" ? await pdfText(data, maxChars) : await docxText(data);
    process.send({ text: text.slice(0, maxChars) });
  } catch (error) {
    process.send({ error: error instanceof Error ? error.message : String(error) });
  }
});
