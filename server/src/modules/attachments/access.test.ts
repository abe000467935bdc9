import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import type { Browser } from "../../../test/factories.ts";
import { makeImage, multipartFile } from "../../../test/uploads.ts";
import { createStorage } from "../../platform/storage.ts";
import { addMember, createThrough, personBrowser, UNKNOWN_ID } from "../communities/testing.ts";
import { removeAbandonedUploads } from "./service.ts";

let t: TestContext;
let owner: Browser;
let member: Browser;
let outsider: Browser;
let guest: Browser;
let admin: Browser;
let secretId: string;

beforeAll(async () => {
  t = await createTestContext({ work: false });
  owner = await personBrowser(t);
  member = await personBrowser(t);
  outsider = await personBrowser(t);
  guest = await personBrowser(t, { role: "guest" });
  admin = await personBrowser(t, { role: "admin" });
  secretId = (await createThrough(owner, { name: "Comité de direction", visibility: "secret" })).id;
  await addMember(t, secretId, member.userId);
});
afterAll(() => t.close());

async function upload(browser: Browser, data: Buffer | Promise<Buffer>, filename: string): Promise<{ id: string; url: string; thumbnailUrl: string | null }> {
  const response = await browser.inject({ method: "POST", url: "/api/v1/attachments", ...multipartFile(await data, { filename }) });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function post(browser: Browser, attachmentIds: string[]) {
  return browser.inject({ method: "POST", url: "/api/v1/posts", payload: { communityId: secretId, body: "Compte rendu du comité", attachmentIds } });
}

async function postWith(browser: Browser, attachmentIds: string[]): Promise<{ id: string; attachments: { id: string }[] }> {
  const response = await post(browser, attachmentIds);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function postCount(): Promise<number> {
  const row = await t.db.selectFrom("posts").select((eb) => eb.fn.countAll<string>().as("count")).executeTakeFirstOrThrow();
  return Number(row.count);
}

async function expectHidden(browser: Browser, url: string): Promise<void> {
  const unknown = await browser.inject({ method: "GET", url: url.replace(/[0-9a-f-]{36}/, UNKNOWN_ID) });
  const response = await browser.inject({ method: "GET", url });
  expect(response.statusCode).toBe(404);
  expect(response.json()).toEqual({ error: { code: "attachment_not_found", message: "This attachment was not found" } });
  expect(response.body).toBe(unknown.body);
}

describe("attaching uploads", () => {
  it("gives a post its uploads in the order given", async () => {
    const photo = await upload(owner, makeImage("png"), "photo.png");
    const minutes = await upload(owner, Buffer.from("Ordre du jour"), "odj.txt");
    const created = await postWith(owner, [minutes.id, photo.id]);
    expect(created.attachments.map((attachment) => attachment.id)).toEqual([minutes.id, photo.id]);
    const read = await member.inject({ method: "GET", url: `/api/v1/posts/${created.id}` });
    expect(read.json().attachments).toMatchObject([{ id: minutes.id, kind: "file" }, { id: photo.id, kind: "image" }]);
  });

  it("refuses someone else's upload and one already attached, writing nothing", async () => {
    const theirs = await upload(member, Buffer.from("à moi"), "moi.txt");
    const used = await upload(owner, Buffer.from("déjà pris"), "pris.txt");
    await postWith(owner, [used.id]);
    for (const ids of [[theirs.id], [used.id], [UNKNOWN_ID]]) {
      const before = await postCount();
      const response = await post(owner, ids);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details).toMatchObject([{ field: "attachmentIds" }]);
      expect(await postCount()).toBe(before);
    }
  });

  it("refuses more than ten attachments", async () => {
    const ids = [];
    for (let index = 0; index < 11; index += 1) ids.push((await upload(owner, Buffer.from(`note ${index}`), `note-${index}.txt`)).id);
    const response = await post(owner, ids);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe("attachmentIds");
  });

  it("replaces the list on edit: a dropped attachment goes back to its uploader, then is deleted by the cleanup", async () => {
    const kept = await upload(owner, Buffer.from("gardé"), "garde.txt");
    const dropped = await upload(owner, Buffer.from("retiré"), "retire.txt");
    const created = await postWith(owner, [kept.id, dropped.id]);
    const edited = await owner.inject({ method: "PATCH", url: `/api/v1/posts/${created.id}`, payload: { attachmentIds: [kept.id] } });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().attachments.map((attachment: { id: string }) => attachment.id)).toEqual([kept.id]);
    await expectHidden(member, dropped.url);
    expect((await owner.inject({ method: "GET", url: dropped.url })).statusCode).toBe(200);

    await sql`update attachments set created_at = now() - interval '25 hours' where id in (${kept.id}, ${dropped.id})`.execute(t.db);
    await removeAbandonedUploads({ db: t.db, storage: createStorage(t.config) });
    await expectHidden(owner, dropped.url);
    expect((await member.inject({ method: "GET", url: kept.url })).statusCode).toBe(200);
  });
});

describe("downloading an attachment", () => {
  let photo: { id: string; url: string; thumbnailUrl: string | null };
  let postId: string;
  beforeAll(async () => {
    photo = await upload(owner, makeImage("jpeg"), "vue.jpg");
    postId = (await postWith(owner, [photo.id])).id;
  });

  it("serves an image of a post to its readers, inline and never sniffed", async () => {
    for (const reader of [owner, member, admin]) {
      const response = await reader.inject({ method: "GET", url: photo.url });
      expect(response.statusCode).toBe(200);
      expect(response.headers).toMatchObject({
        "content-type": "image/webp",
        "content-disposition": `inline; filename="vue.webp"; filename*=UTF-8''vue.webp`,
        "x-content-type-options": "nosniff",
        "cache-control": expect.stringMatching(/^private/),
      });
      expect((await reader.inject({ method: "GET", url: photo.thumbnailUrl ?? "" })).statusCode).toBe(200);
    }
  });

  it("answers people who may not read the post exactly as for an unknown attachment", async () => {
    for (const stranger of [outsider, guest]) {
      await expectHidden(stranger, photo.url);
      await expectHidden(stranger, photo.thumbnailUrl ?? "");
    }
    expect((await t.app.inject({ method: "GET", url: photo.url })).statusCode).toBe(401);
  });

  it("keeps an unclaimed upload to its uploader", async () => {
    const draft = await upload(member, Buffer.from("brouillon"), "brouillon.txt");
    expect((await member.inject({ method: "GET", url: draft.url })).statusCode).toBe(200);
    for (const other of [owner, outsider, admin]) await expectHidden(other, draft.url);
  });

  it("follows a comment's post, and goes with the comment", async () => {
    const scan = await upload(member, Buffer.from("scan"), "scan.txt");
    const comment = await member.inject({ method: "POST", url: `/api/v1/posts/${postId}/comments`, payload: { body: "Voici le scan", attachmentIds: [scan.id] } });
    expect(comment.statusCode, comment.body).toBe(201);
    expect(comment.json().attachments).toMatchObject([{ id: scan.id, name: "scan.txt" }]);
    expect((await owner.inject({ method: "GET", url: scan.url })).statusCode).toBe(200);
    await expectHidden(outsider, scan.url);
    const deleted = await member.inject({ method: "DELETE", url: `/api/v1/comments/${comment.json().id}` });
    expect(deleted.statusCode).toBe(204);
    await expectHidden(owner, scan.url);
  });

  it("hides the attachments of a deleted post", async () => {
    const notice = await upload(owner, Buffer.from("avis"), "avis.txt");
    const created = await postWith(owner, [notice.id]);
    expect((await owner.inject({ method: "DELETE", url: `/api/v1/posts/${created.id}` })).statusCode).toBe(204);
    await expectHidden(member, notice.url);
    await expectHidden(owner, notice.url);
  });
});
