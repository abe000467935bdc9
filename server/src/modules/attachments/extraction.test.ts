import type { SearchHit } from "@ruche/contracts";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, eventually, type TestContext } from "../../../test/context.ts";
import type { Browser } from "../../../test/factories.ts";
import { multipartFile } from "../../../test/uploads.ts";
import { addMember, createThrough, personBrowser } from "../communities/testing.ts";
import { cleanExtractedText, extractDocumentText, EXTRACTION_LIMITS } from "./extraction.ts";
import { requestBacklogExtraction } from "../../../migrations/0016_extraction_backlog.ts";
import { makeDocx, makePdf } from "./testing.ts";

const PDF = "application/pdf";
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

let t: TestContext;
let insider: Browser;
let outsider: Browser;
let open: string;
let secret: string;

beforeAll(async () => {
  t = await createTestContext();
  insider = await personBrowser(t, { language: "fr" });
  outsider = await personBrowser(t, { language: "en" });
  ({ id: open } = await createThrough(insider, { name: "Rucher ouvert" }));
  ({ id: secret } = await createThrough(insider, { name: "Projet discret", visibility: "secret" }));
  await addMember(t, open, outsider.userId);
});
afterAll(() => t.close());

async function upload(browser: Browser, data: Buffer, filename: string): Promise<{ id: string; mimeType: string }> {
  const response = await browser.inject({ method: "POST", url: "/api/v1/attachments", ...multipartFile(data, { filename, contentType: "application/octet-stream" }) });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function postWith(browser: Browser, input: { communityId: string; body: string; attachmentIds: string[] }): Promise<string> {
  const response = await browser.inject({ method: "POST", url: "/api/v1/posts", payload: input });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

async function extractionOf(attachmentId: string): Promise<string> {
  const row = await t.db.selectFrom("attachments").select("extraction").where("id", "=", attachmentId).executeTakeFirstOrThrow();
  return row.extraction;
}

/** Where the attachment's extraction ends, once its job has run. */
async function settled(attachmentId: string): Promise<string> {
  return eventually(async () => {
    const state = await extractionOf(attachmentId);
    return state === "pending" ? undefined : state;
  }, 20_000);
}

async function filesFound(browser: Browser, q: string): Promise<SearchHit[]> {
  const response = await browser.inject({ method: "GET", url: `/api/v1/search?kind=file&q=${encodeURIComponent(q)}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items;
}

describe("the text inside attached files", () => {
  it("finds a PDF attached to a post by a French word inside it, accents aside", async () => {
    const file = await upload(insider, makePdf(["Compte rendu du conseil", "Procédure de déconnexion des équipes"]), "compte-rendu.pdf");
    expect(file.mimeType).toBe(PDF);
    const postId = await postWith(insider, { communityId: open, body: "Le compte rendu est joint.", attachmentIds: [file.id] });
    expect(await settled(file.id)).toBe("done");
    const hits = await filesFound(outsider, "deconnexion");
    expect(hits.map((hit) => [hit.id, hit.postId])).toEqual([[file.id, postId]]);
    expect(hits[0]?.excerpt.filter((piece) => piece.match).map((piece) => piece.text.toLowerCase())).toContain("déconnexion");
  });

  it("finds a DOCX attached to a comment by a word inside it", async () => {
    const postId = await postWith(insider, { communityId: open, body: "Qui vient à la réunion ?", attachmentIds: [] });
    const file = await upload(outsider, makeDocx(["Ordre du jour", "Réunion trimestrielle à Besançon, salle des fêtes"]), "ordre-du-jour.docx");
    expect(file.mimeType).toBe(DOCX);
    const response = await outsider.inject({ method: "POST", url: `/api/v1/posts/${postId}/comments`, payload: { body: "Voici l'ordre du jour.", attachmentIds: [file.id] } });
    expect(response.statusCode, response.body).toBe(201);
    expect(await settled(file.id)).toBe("done");
    const hits = await filesFound(insider, "besancon fetes");
    expect(hits.map((hit) => [hit.id, hit.postId, hit.commentId])).toEqual([[file.id, postId, response.json().id]]);
  });

  it("reads a file a post gains when it is edited", async () => {
    const postId = await postWith(insider, { communityId: open, body: "Le devis arrive.", attachmentIds: [] });
    const file = await upload(insider, makePdf(["Devis de la miellerie coopérative"]), "devis.pdf");
    const edited = await insider.inject({ method: "PATCH", url: `/api/v1/posts/${postId}`, payload: { attachmentIds: [file.id] } });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(await settled(file.id)).toBe("done");
    expect((await filesFound(outsider, "miellerie")).map((hit) => hit.id)).toEqual([file.id]);
  });

  it("marks a broken PDF failed after one try, without holding its post back, and still finds it by name", async () => {
    const file = await upload(insider, Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n(tronqué"), "budget-previsionnel.pdf");
    expect(file.mimeType).toBe(PDF);
    await postWith(insider, { communityId: open, body: "Le budget, en l'état.", attachmentIds: [file.id] });
    expect(await settled(file.id)).toBe("failed");
    const { extraction_error: reason } = await t.db.selectFrom("attachments").select("extraction_error").where("id", "=", file.id).executeTakeFirstOrThrow();
    expect(reason).toMatch(/\S/);
    // Its job ends completed, not retried: reading the file again would fail again.
    const jobs = await eventually(async () => {
      const { rows } = await sql<{ state: string; retry_count: number }>`
        select state, retry_count from pgboss.job where name = 'attachments.extract_text' and data->>'attachmentId' = ${file.id}
      `.execute(t.db);
      return rows.some((row) => row.state === "active") ? undefined : rows;
    });
    expect(jobs).toEqual([{ state: "completed", retry_count: 0 }]);
    expect((await filesFound(outsider, "previsionnel")).map((hit) => hit.id)).toEqual([file.id]);
  });

  it("never shows a secret community's file, nor the words inside it, to an outsider", async () => {
    const file = await upload(insider, makePdf(["Projet Licorne : calendrier confidentiel"]), "calendrier.pdf");
    await postWith(insider, { communityId: secret, body: "Calendrier joint.", attachmentIds: [file.id] });
    expect(await settled(file.id)).toBe("done");
    expect((await filesFound(insider, "licorne")).map((hit) => hit.id)).toEqual([file.id]);
    expect(await filesFound(outsider, "licorne")).toEqual([]);
    expect(await filesFound(outsider, "calendrier")).toEqual([]);
  });

  it("drops a deleted post's file from search at once", async () => {
    const file = await upload(insider, makePdf(["Inventaire des essaims sauvages"]), "inventaire.pdf");
    const postId = await postWith(insider, { communityId: open, body: "Inventaire joint.", attachmentIds: [file.id] });
    expect(await settled(file.id)).toBe("done");
    expect((await filesFound(outsider, "essaims")).map((hit) => hit.id)).toEqual([file.id]);
    const deleted = await insider.inject({ method: "DELETE", url: `/api/v1/posts/${postId}` });
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect(await filesFound(insider, "essaims")).toEqual([]);
  });

  it("searches other files by their name only", async () => {
    const text = await upload(insider, Buffer.from("frelon asiatique aperçu près du rucher\n"), "signalement-frelon.txt");
    const pdf = await upload(insider, makePdf(["Carte du secteur nord"]), "carte.pdf");
    await postWith(insider, { communityId: open, body: "Deux signalements.", attachmentIds: [text.id, pdf.id] });
    // Once the post's PDF has been read, its text file was left as it was.
    expect(await settled(pdf.id)).toBe("done");
    expect(await extractionOf(text.id)).toBe("none");
    expect(await filesFound(outsider, "asiatique")).toEqual([]);
    expect((await filesFound(outsider, "signalement")).map((hit) => hit.id)).toEqual([text.id]);
  });

  it("leaves a file over 20 MB to its name", async () => {
    const large = Buffer.concat([makePdf(["Rapport annuel volumineux"]), Buffer.alloc(EXTRACTION_LIMITS.maxBytes + 1, 0x25)]);
    const file = await upload(insider, large, "rapport-annuel.pdf");
    expect(file.mimeType).toBe(PDF);
    await postWith(insider, { communityId: open, body: "Le rapport complet.", attachmentIds: [file.id] });
    expect(await extractionOf(file.id)).toBe("none");
    expect((await filesFound(outsider, "rapport")).map((hit) => hit.id)).toEqual([file.id]);
  });
});

describe("files attached before Ruche read attached files' text", () => {
  /** As migration 0014 left every file attached before it: never read, found by its name only. */
  async function unread(...ids: string[]): Promise<void> {
    await t.db.updateTable("attachments").set({ extraction: "none", extracted_text: null }).where("id", "in", ids).execute();
  }

  it("are read in the background after the upgrade, then found by the words inside them", async () => {
    const pdf = await upload(insider, makePdf(["Plan de transhumance des colonies"]), "transhumance.pdf");
    const docx = await upload(insider, makeDocx(["Registre des récoltes de lavande"]), "registre.docx");
    await postWith(insider, { communityId: open, body: "Archives de la saison.", attachmentIds: [pdf.id, docx.id] });
    expect([await settled(pdf.id), await settled(docx.id)]).toEqual(["done", "done"]);
    await unread(pdf.id, docx.id);
    expect(await filesFound(outsider, "transhumance colonies")).toEqual([]);

    await requestBacklogExtraction(t.db);
    expect([await settled(pdf.id), await settled(docx.id)]).toEqual(["done", "done"]);
    expect((await filesFound(outsider, "transhumance colonies")).map((hit) => hit.id)).toEqual([pdf.id]);
    expect((await filesFound(outsider, "recoltes lavande")).map((hit) => hit.id)).toEqual([docx.id]);
  });

  it("leaves other files, uploads never attached and files over 20 MB to their names", async () => {
    const text = await upload(insider, Buffer.from("compte des hausses\n"), "hausses.txt");
    const large = await upload(insider, Buffer.concat([makePdf(["Atlas des ruchers"]), Buffer.alloc(EXTRACTION_LIMITS.maxBytes + 1, 0x25)]), "atlas.pdf");
    await postWith(insider, { communityId: open, body: "Deux pièces.", attachmentIds: [text.id, large.id] });
    const loose = await upload(insider, makePdf(["Brouillon jamais publié"]), "brouillon.pdf");
    await unread(text.id, large.id, loose.id);

    await requestBacklogExtraction(t.db);
    expect([await extractionOf(text.id), await extractionOf(large.id), await extractionOf(loose.id)]).toEqual(["none", "none", "none"]);
    const { rows } = await sql<{ subject_id: string }>`
      select subject_id from events where type = 'attachment.extraction_requested' and subject_id = any(${[text.id, large.id, loose.id]}::uuid[])
    `.execute(t.db);
    expect(rows).toEqual([]);
  });
});

describe("reading a file", () => {
  it("keeps at most the character limit", async () => {
    const result = await extractDocumentText({ data: makePdf(["Procédure de déconnexion"]), mimeType: PDF }, { ...EXTRACTION_LIMITS, maxChars: 12 });
    expect(result).toEqual({ ok: true, text: "Procédure de" });
  });

  it("gives up on a file still being read after the time limit", async () => {
    const result = await extractDocumentText({ data: makePdf(["Lent"]), mimeType: PDF }, { ...EXTRACTION_LIMITS, timeoutMs: 1 });
    expect(result).toEqual({ ok: false, reason: "still reading after 1 ms" });
  });

  it("stops a DOCX that inflates past the memory cap, and the server reads the next file", async () => {
    const inflating = makeDocx(["ruche ".repeat(8_000_000)]);
    expect(inflating.length).toBeLessThan(200_000);
    expect(await extractDocumentText({ data: inflating, mimeType: DOCX }, { ...EXTRACTION_LIMITS, maxMemoryMb: 32 })).toMatchObject({ ok: false });
    expect(await extractDocumentText({ data: makeDocx(["Toujours là"]), mimeType: DOCX })).toEqual({ ok: true, text: "Toujours là" });
  });

  it("cleans text for the index: no control characters, spaces collapsed, no half emoji", () => {
    expect(cleanExtractedText("  a\u0000b \t c\n\n\n\nd  ", 100)).toEqual("a b c\n\nd");
    expect(cleanExtractedText("ab🐝", 3)).toBe("ab");
  });
});
