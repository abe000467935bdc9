import { randomBytes } from "node:crypto";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { sql } from "kysely";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import type { Browser } from "../../../test/factories.ts";
import { makeImage, multipartFile, multipartWithoutFile } from "../../../test/uploads.ts";
import { createStorage } from "../../platform/storage.ts";
import { personBrowser } from "../communities/testing.ts";
import { removeAbandonedUploads } from "./service.ts";

const MAX_BYTES = 300_000;

let t: TestContext;
let uploader: Browser;
beforeAll(async () => {
  // Below the attachment limit, so that a file between the two proves attachments have a limit of their own.
  t = await createTestContext({ work: false, config: { attachmentMaxBytes: MAX_BYTES, avatarMaxBytes: 100_000 } });
  uploader = await personBrowser(t);
});
afterAll(() => t.close());

function upload(browser: Browser, data: Buffer, options: Parameters<typeof multipartFile>[1] = {}) {
  return browser.inject({ method: "POST", url: "/api/v1/attachments", ...multipartFile(data, options) });
}

async function uploaded(data: Buffer, options: Parameters<typeof multipartFile>[1] = {}) {
  const response = await upload(uploader, data, options);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function storedKeys(purpose: string): Promise<string[]> {
  return readdir(path.join(t.config.dataDir, "files", purpose)).catch(() => []);
}

describe("uploading an attachment", () => {
  it("re-encodes an image, with a thumbnail, named for what it now is", async () => {
    const attachment = await uploaded(await makeImage("png", 900, 600), { filename: "Plan du rucher.png" });
    expect(attachment).toMatchObject({ kind: "image", name: "Plan du rucher.webp", mimeType: "image/webp", width: 900, height: 600 });
    expect(attachment.url).toBe(`/api/v1/attachments/${attachment.id}/download`);
    expect(attachment.thumbnailUrl).toBe(`/api/v1/attachments/${attachment.id}/thumbnail`);
    const thumbnail = await uploader.inject({ method: "GET", url: attachment.thumbnailUrl });
    expect(thumbnail.statusCode).toBe(200);
    expect(await sharp(thumbnail.rawPayload).metadata()).toMatchObject({ format: "webp", width: 400, height: 267 });
  });

  it("types a file by its bytes, not its name: a PNG named .exe is an image", async () => {
    const attachment = await uploaded(await makeImage("png"), { filename: "setup.exe", contentType: "application/x-msdownload" });
    expect(attachment).toMatchObject({ kind: "image", name: "setup.webp", mimeType: "image/webp", thumbnailUrl: expect.any(String) });
  });

  it("keeps a text file named .png as a text file, for download only", async () => {
    const attachment = await uploaded(Buffer.from("nom;rôle\nCamille;apicultrice\n"), { filename: "ruches.png", contentType: "image/png" });
    expect(attachment).toMatchObject({ kind: "file", name: "ruches.png", mimeType: "text/plain", width: null, height: null, thumbnailUrl: null });
    const download = await uploader.inject({ method: "GET", url: attachment.url });
    expect(download.headers["content-type"]).toBe("text/plain; charset=utf-8");
    expect(download.headers["content-disposition"]).toMatch(/^attachment; /);
    const thumbnail = await uploader.inject({ method: "GET", url: `/api/v1/attachments/${attachment.id}/thumbnail` });
    expect(thumbnail.statusCode).toBe(404);
  });

  it("never serves an uploaded page or SVG as something a browser would render", async () => {
    const payloads = [
      { filename: "page.html", data: "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>" },
      { filename: "logo.svg", data: '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><circle r="4"/></svg>' },
      { filename: "feed.xml", data: '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>' },
    ];
    for (const payload of payloads) {
      const attachment = await uploaded(Buffer.from(payload.data), { filename: payload.filename, contentType: "image/svg+xml" });
      expect(attachment.kind).toBe("file");
      expect(["text/plain", "application/octet-stream"]).toContain(attachment.mimeType);
      const download = await uploader.inject({ method: "GET", url: attachment.url });
      expect(download.statusCode).toBe(200);
      expect(download.headers["content-type"]).not.toMatch(/html|svg|xml/);
      expect(download.headers["content-disposition"]).toMatch(/^attachment; /);
      expect(download.headers["x-content-type-options"]).toBe("nosniff");
      expect(download.headers["content-security-policy"]).toBe("default-src 'none'; sandbox");
    }
  });

  it("accepts any other file as a download typed by its bytes", async () => {
    const pdf = await uploaded(Buffer.concat([Buffer.from("%PDF-1.7\n"), randomBytes(200)]), { filename: "compte-rendu.txt" });
    expect(pdf).toMatchObject({ kind: "file", mimeType: "application/pdf", name: "compte-rendu.txt" });
    const bytes = Buffer.concat([Buffer.from([0, 1, 2, 3]), randomBytes(500)]);
    const unknown = await uploaded(bytes, { filename: "../../données.bin" });
    expect(unknown).toMatchObject({ kind: "file", mimeType: "application/octet-stream", name: "données.bin", byteSize: 504 });
    const download = await uploader.inject({ method: "GET", url: unknown.url });
    expect(download.headers["content-type"]).toBe("application/octet-stream");
    expect(download.headers["content-disposition"]).toBe(`attachment; filename="donn_es.bin"; filename*=UTF-8''donn%C3%A9es.bin`);
    expect(download.headers["cache-control"]).toMatch(/^private/);
    expect(download.rawPayload.equals(bytes)).toBe(true);
  });

  it("strips EXIF metadata from photos", async () => {
    const jpeg = await sharp(await makeImage("jpeg"))
      .withExif({ IFD0: { Copyright: "Jean Dupont", ImageDescription: "Chez moi, 12 rue des Lilas" } })
      .jpeg()
      .toBuffer();
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();
    const attachment = await uploaded(jpeg, { filename: "photo.jpg", contentType: "image/jpeg" });
    for (const url of [attachment.url, attachment.thumbnailUrl]) {
      const image = await uploader.inject({ method: "GET", url });
      const metadata = await sharp(image.rawPayload).metadata();
      expect(metadata.format).toBe("webp");
      expect(metadata.exif).toBeUndefined();
      expect(image.rawPayload.includes(Buffer.from("Lilas"))).toBe(false);
    }
  });

  it("accepts a file up to the configured size, beyond the limit of images", async () => {
    const attachment = await uploaded(randomBytes(MAX_BYTES), { filename: "archive.bin" });
    expect(attachment.byteSize).toBe(MAX_BYTES);
  });

  it("refuses a file over the configured size with 413, storing nothing", async () => {
    const before = await storedKeys("attachment");
    const response = await upload(uploader, randomBytes(MAX_BYTES + 1), { filename: "big.bin" });
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toMatchObject({ code: "file_too_large", details: [{ field: "file" }] });
    expect(await storedKeys("attachment")).toEqual(before);
  });

  it("refuses an empty file, a form without a file, and an anonymous upload", async () => {
    const empty = await upload(uploader, Buffer.alloc(0), { filename: "vide.txt" });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details).toEqual([{ field: "file", message: "is empty" }]);
    const withoutFile = await uploader.inject({ method: "POST", url: "/api/v1/attachments", ...multipartWithoutFile() });
    expect(withoutFile.statusCode).toBe(400);
    const anonymous = await t.app.inject({ method: "POST", url: "/api/v1/attachments", ...multipartFile(Buffer.from("hello")) });
    expect(anonymous.statusCode).toBe(401);
  });

  it("names a file sent without a name", async () => {
    const boundary = "----ruche-test-nameless";
    const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"\r\nContent-Type: application/octet-stream\r\n\r\n\u0000\u0007\r\n--${boundary}--\r\n`;
    const response = await uploader.inject({ method: "POST", url: "/api/v1/attachments", payload, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ kind: "file", name: "file", mimeType: "application/octet-stream", byteSize: 2 });
  });

  it("refuses a damaged image rather than storing it as one", async () => {
    const png = await makeImage("png", 300, 300);
    const before = await storedKeys("attachment");
    const response = await upload(uploader, png.subarray(0, Math.floor(png.length / 2)), { filename: "casse.png" });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe("file");
    expect(await storedKeys("attachment")).toEqual(before);
  });
});

describe("abandoned uploads", () => {
  it("are deleted with their files a day after upload; newer ones stay", async () => {
    const old = await uploaded(await makeImage("png"), { filename: "old.png" });
    const recent = await uploaded(Buffer.from("recent"), { filename: "recent.txt" });
    await sql`update attachments set created_at = now() - interval '25 hours' where id = ${old.id}`.execute(t.db);
    const keysBefore = [...(await storedKeys("attachment")), ...(await storedKeys("attachment-thumbnail"))];

    const removed = await removeAbandonedUploads({ db: t.db, storage: createStorage(t.config) });

    expect(removed).toBeGreaterThanOrEqual(1);
    const remaining = await t.db.selectFrom("attachments").select("id").execute();
    expect(remaining.map((row) => row.id)).not.toContain(old.id);
    expect(remaining.map((row) => row.id)).toContain(recent.id);
    const keysAfter = [...(await storedKeys("attachment")), ...(await storedKeys("attachment-thumbnail"))];
    expect(keysBefore.length - keysAfter.length).toBe(2);
    expect((await uploader.inject({ method: "GET", url: old.url })).statusCode).toBe(404);
    const events = await t.db.selectFrom("events").select("type").where("subject_id", "=", old.id).execute();
    expect(events.map((event) => event.type).sort()).toEqual(["attachment.removed", "attachment.uploaded"]);
  });
});
