import { readdir } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import { buildUser, signIn, type Browser } from "../../../test/factories.ts";
import { makeImage, multipartFile } from "../../../test/uploads.ts";
import { createThrough, UNKNOWN_ID } from "./testing.ts";

let t: TestContext;
let owner: Browser;
let member: Browser;
let outsider: Browser;
let admin: Browser;

beforeAll(async () => {
  t = await createTestContext({ work: false });
  owner = await signIn(t.app, t.db, (await buildUser(t.db)).id);
  member = await signIn(t.app, t.db, (await buildUser(t.db)).id);
  outsider = await signIn(t.app, t.db, (await buildUser(t.db)).id);
  admin = await signIn(t.app, t.db, (await buildUser(t.db, { role: "admin" })).id);
});
afterAll(() => t.close());

function upload(browser: Browser, id: string, data: Buffer, options: Parameters<typeof multipartFile>[1] = {}) {
  return browser.inject({ method: "PUT", url: `/api/v1/communities/${id}/cover`, ...multipartFile(data, options) });
}

async function storedCoverKeys(): Promise<string[]> {
  return readdir(path.join(t.config.dataDir, "files", "cover")).catch(() => []);
}

async function coverFileId(id: string): Promise<string | null> {
  const row = await t.db.selectFrom("communities").select("cover_file_id").where("id", "=", id).executeTakeFirstOrThrow();
  return row.cover_file_id;
}

describe("uploading a cover", () => {
  it("accepts a PNG from the owner and serves it back as WebP", async () => {
    const { id } = await createThrough(owner, { name: "Sailing" });
    const response = await upload(owner, id, await makeImage("png"));
    expect(response.statusCode, response.body).toBe(200);
    const { coverUrl } = response.json();
    expect(coverUrl).toMatch(new RegExp(`^/api/v1/communities/${id}/cover\\?v=`));
    const image = await owner.inject({ method: "GET", url: coverUrl });
    expect(image.statusCode).toBe(200);
    expect(image.headers["content-type"]).toBe("image/webp");
    expect(image.headers["x-content-type-options"]).toBe("nosniff");
    expect(image.headers["cache-control"]).toMatch(/^private, max-age=\d+$/);
    expect(await sharp(image.rawPayload).metadata()).toMatchObject({ format: "webp", width: 64, height: 48 });
    const event = await t.db.selectFrom("events").select("payload").where("type", "=", "community.updated").where("subject_id", "=", id).executeTakeFirst();
    expect(event?.payload).toEqual({ fields: ["cover"] });
  });

  it("keeps a banner wide, shrinking only what exceeds 1600 pixels", async () => {
    const { id } = await createThrough(owner, { name: "Panorama" });
    const response = await upload(owner, id, await makeImage("jpeg", 3200, 800), { contentType: "image/jpeg", filename: "banner.jpg" });
    const image = await owner.inject({ method: "GET", url: response.json().coverUrl });
    expect(await sharp(image.rawPayload).metadata()).toMatchObject({ width: 1600, height: 400 });
  });

  it("replaces the previous cover and deletes its file", async () => {
    const { id } = await createThrough(owner, { name: "Rowing" });
    const first = (await upload(owner, id, await makeImage("png"))).json().coverUrl;
    const keysBefore = await storedCoverKeys();
    const second = (await upload(owner, id, await makeImage("webp"), { contentType: "image/webp" })).json().coverUrl;
    expect(second).not.toBe(first);
    expect(await storedCoverKeys()).toHaveLength(keysBefore.length);
    const files = await t.db.selectFrom("files").select("id").where("purpose", "=", "cover").where("id", "=", first.split("v=")[1]).execute();
    expect(files).toEqual([]);
  });

  it("lets an admin set the cover of a community they do not belong to", async () => {
    const { id } = await createThrough(owner, { name: "Audit", visibility: "secret" });
    expect((await upload(admin, id, await makeImage("gif"), { contentType: "image/gif" })).statusCode).toBe(200);
  });
});

describe("refusing a cover", () => {
  it("refuses a plain member, storing nothing", async () => {
    const { id } = await createThrough(owner, { name: "Knitting" });
    await member.inject({ method: "POST", url: `/api/v1/communities/${id}/join` });
    const keysBefore = await storedCoverKeys();
    const response = await upload(member, id, await makeImage("png"));
    expect(response.statusCode).toBe(403);
    expect(await coverFileId(id)).toBeNull();
    expect(await storedCoverKeys()).toEqual(keysBefore);
  });

  it("answers 404 for a secret community the uploader cannot see, and for an unknown one", async () => {
    const { id } = await createThrough(owner, { name: "Masks", visibility: "secret" });
    for (const target of [id, UNKNOWN_ID]) {
      const response = await upload(outsider, target, await makeImage("png"));
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe("community_not_found");
    }
  });

  it("refuses while the community is archived", async () => {
    const { id } = await createThrough(owner, { name: "Bygone" });
    await owner.inject({ method: "POST", url: `/api/v1/communities/${id}/archive` });
    const response = await upload(owner, id, await makeImage("png"));
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe("community_archived");
  });

  it("refuses a text file named .png with the avatar's 415", async () => {
    const { id } = await createThrough(owner, { name: "Typists" });
    const response = await upload(owner, id, Buffer.from("not an image, only words\n".repeat(20)), { filename: "cover.png" });
    expect(response.statusCode).toBe(415);
    expect(response.json().error).toMatchObject({ code: "unsupported_file_type", details: [{ field: "file" }] });
    expect(await coverFileId(id)).toBeNull();
  });

  it("refuses a file over 5 MB with 413", async () => {
    const { id } = await createThrough(owner, { name: "Hoarders" });
    const response = await upload(owner, id, Buffer.concat([await makeImage("png"), Buffer.alloc(5 * 1024 * 1024)]));
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toMatchObject({ code: "file_too_large", details: [{ field: "file" }] });
    expect(await coverFileId(id)).toBeNull();
  });
});

describe("removing a cover", () => {
  it("detaches the cover and deletes its file", async () => {
    const { id } = await createThrough(owner, { name: "Minimalists" });
    const keysBefore = (await storedCoverKeys()).length;
    await upload(owner, id, await makeImage("png"));
    const response = await owner.inject({ method: "DELETE", url: `/api/v1/communities/${id}/cover` });
    expect(response.statusCode).toBe(200);
    expect(response.json().coverUrl).toBeNull();
    expect(await storedCoverKeys()).toHaveLength(keysBefore);
    const image = await owner.inject({ method: "GET", url: `/api/v1/communities/${id}/cover` });
    expect(image.statusCode).toBe(404);
    expect(image.json().error.code).toBe("not_found");
  });

  it("changes nothing when there is no cover", async () => {
    const { id } = await createThrough(owner, { name: "Bare" });
    const response = await owner.inject({ method: "DELETE", url: `/api/v1/communities/${id}/cover` });
    expect(response.statusCode).toBe(200);
    const events = await t.db.selectFrom("events").select("id").where("type", "=", "community.updated").where("subject_id", "=", id).execute();
    expect(events).toEqual([]);
  });

  it("is refused to a plain member, keeping the cover", async () => {
    const { id } = await createThrough(owner, { name: "Painters" });
    await member.inject({ method: "POST", url: `/api/v1/communities/${id}/join` });
    await upload(owner, id, await makeImage("png"));
    expect((await member.inject({ method: "DELETE", url: `/api/v1/communities/${id}/cover` })).statusCode).toBe(403);
    expect(await coverFileId(id)).not.toBeNull();
  });
});

describe("serving a cover", () => {
  it("shows a closed community's cover to someone who is not a member", async () => {
    const { id } = await createThrough(owner, { name: "Board", visibility: "closed" });
    const { coverUrl } = (await upload(owner, id, await makeImage("png"))).json();
    const response = await outsider.inject({ method: "GET", url: coverUrl });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("image/webp");
  });

  it("hides a secret community's cover as if the community did not exist", async () => {
    const { id } = await createThrough(owner, { name: "Lodge", visibility: "secret" });
    const { coverUrl } = (await upload(owner, id, await makeImage("png"))).json();
    const response = await outsider.inject({ method: "GET", url: coverUrl });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe("community_not_found");
    const unknown = await outsider.inject({ method: "GET", url: `/api/v1/communities/${UNKNOWN_ID}/cover` });
    expect(unknown.json().error.code).toBe("community_not_found");
  });

  it("requires a signed-in viewer", async () => {
    const { id } = await createThrough(owner, { name: "Public square" });
    await upload(owner, id, await makeImage("png"));
    expect((await t.app.inject({ method: "GET", url: `/api/v1/communities/${id}/cover` })).statusCode).toBe(401);
  });
});
