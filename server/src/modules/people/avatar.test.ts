import { randomBytes } from "node:crypto";
import { readdir } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import { buildUser, signIn, type Browser } from "../../../test/factories.ts";
import { makeImage, multipartFile, multipartWithoutFile } from "../../../test/uploads.ts";

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ work: false });
});
afterAll(() => t.close());

async function newBrowser(): Promise<Browser> {
  const user = await buildUser(t.db);
  return signIn(t.app, t.db, user.id);
}

function upload(browser: Browser, data: Buffer, options: Parameters<typeof multipartFile>[1] = {}) {
  return browser.inject({ method: "PUT", url: "/api/v1/me/avatar", ...multipartFile(data, options) });
}

async function avatarFileIds(userId: string): Promise<string[]> {
  const rows = await t.db.selectFrom("files").select("id").where("owner_id", "=", userId).where("purpose", "=", "avatar").execute();
  return rows.map((row) => row.id);
}

async function storedAvatarKeys(): Promise<string[]> {
  return readdir(path.join(t.config.dataDir, "files", "avatar")).catch(() => []);
}

async function expectNothingStored(browser: Browser): Promise<void> {
  expect(await avatarFileIds(browser.userId)).toEqual([]);
  const user = await t.db.selectFrom("users").select("avatar_file_id").where("id", "=", browser.userId).executeTakeFirstOrThrow();
  expect(user.avatar_file_id).toBeNull();
}

describe("uploading an avatar", () => {
  it("accepts a PNG and serves it back as WebP", async () => {
    const browser = await newBrowser();
    const response = await upload(browser, await makeImage("png"));
    expect(response.statusCode).toBe(200);
    const { avatarUrl } = response.json();
    expect(avatarUrl).toMatch(new RegExp(`^/api/v1/people/${browser.userId}/avatar\\?v=`));
    const image = await browser.inject({ method: "GET", url: avatarUrl });
    expect(image.statusCode).toBe(200);
    expect(image.headers["content-type"]).toBe("image/webp");
    expect(image.headers["x-content-type-options"]).toBe("nosniff");
    expect(image.headers["cache-control"]).toMatch(/^private, max-age=\d+$/);
    const metadata = await sharp(image.rawPayload).metadata();
    expect(metadata).toMatchObject({ format: "webp", width: 64, height: 48 });
  });

  it("accepts a JPEG and strips its metadata", async () => {
    const browser = await newBrowser();
    const jpeg = await sharp(await makeImage("jpeg"))
      .withExif({ IFD0: { Copyright: "Jean Dupont", ImageDescription: "Chez moi, 12 rue des Lilas" } })
      .jpeg()
      .toBuffer();
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();
    const response = await upload(browser, jpeg, { filename: "photo.jpg", contentType: "image/jpeg" });
    expect(response.statusCode).toBe(200);
    const image = await browser.inject({ method: "GET", url: response.json().avatarUrl });
    const metadata = await sharp(image.rawPayload).metadata();
    expect(metadata.format).toBe("webp");
    expect(metadata.exif).toBeUndefined();
  });

  it("accepts GIF and WebP images too", async () => {
    const browser = await newBrowser();
    for (const format of ["gif", "webp"] as const) {
      const response = await upload(browser, await makeImage(format), { filename: `a.${format}`, contentType: `image/${format}` });
      expect(response.statusCode).toBe(200);
    }
  });

  it("shrinks a large image to a reasonable size", async () => {
    const browser = await newBrowser();
    const response = await upload(browser, await makeImage("png", 3000, 1500));
    const image = await browser.inject({ method: "GET", url: response.json().avatarUrl });
    expect(await sharp(image.rawPayload).metadata()).toMatchObject({ width: 512, height: 256 });
  });

  it("accepts an image of several megabytes, more than a JSON body may be", async () => {
    const browser = await newBrowser();
    const noise = await sharp(randomBytes(1000 * 1000 * 3), { raw: { width: 1000, height: 1000, channels: 3 } }).png().toBuffer();
    expect(noise.length).toBeGreaterThan(t.config.bodyLimit);
    const response = await upload(browser, noise);
    expect(response.statusCode).toBe(200);
  });

  it("replaces the previous avatar and deletes its file", async () => {
    const browser = await newBrowser();
    const first = (await upload(browser, await makeImage("png"))).json().avatarUrl;
    const keysBefore = await storedAvatarKeys();
    const second = (await upload(browser, await makeImage("jpeg"), { contentType: "image/jpeg" })).json().avatarUrl;
    expect(second).not.toBe(first);
    expect(await avatarFileIds(browser.userId)).toHaveLength(1);
    expect(await storedAvatarKeys()).toHaveLength(keysBefore.length);
    expect((await browser.inject({ method: "GET", url: second })).statusCode).toBe(200);
  });

  it("removes the avatar and its file", async () => {
    const browser = await newBrowser();
    const keysBefore = (await storedAvatarKeys()).length;
    await upload(browser, await makeImage("png"));
    const response = await browser.inject({ method: "DELETE", url: "/api/v1/me/avatar" });
    expect(response.statusCode).toBe(200);
    expect(response.json().avatarUrl).toBeNull();
    await expectNothingStored(browser);
    expect(await storedAvatarKeys()).toHaveLength(keysBefore);
    const image = await browser.inject({ method: "GET", url: `/api/v1/people/${browser.userId}/avatar` });
    expect(image.statusCode).toBe(404);
  });
});

describe("refusing an upload", () => {
  it("refuses a text file named .png with 415", async () => {
    const browser = await newBrowser();
    const response = await upload(browser, Buffer.from("just some text, not an image at all\n".repeat(20)), { filename: "cat.png" });
    expect(response.statusCode).toBe(415);
    expect(response.json().error).toMatchObject({ code: "unsupported_file_type", details: [{ field: "file" }] });
    await expectNothingStored(browser);
  });

  it("refuses a file over 5 MB with 413", async () => {
    const browser = await newBrowser();
    const tooBig = Buffer.concat([await makeImage("png"), Buffer.alloc(5 * 1024 * 1024)]);
    const response = await upload(browser, tooBig);
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toMatchObject({ code: "file_too_large", details: [{ field: "file" }] });
    await expectNothingStored(browser);
  });

  it("refuses an image over 50 megapixels with image_too_large", async () => {
    const browser = await newBrowser();
    const huge = await sharp({ create: { width: 8000, height: 7000, channels: 3, background: { r: 0, g: 0, b: 0 } } })
      .png({ compressionLevel: 9 })
      .toBuffer();
    expect(huge.length).toBeLessThan(5 * 1024 * 1024);
    const response = await upload(browser, huge);
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: "image_too_large", details: [{ field: "file" }] });
    await expectNothingStored(browser);
  });

  it("refuses a damaged image without failing", async () => {
    const browser = await newBrowser();
    const png = await makeImage("png", 300, 300);
    const response = await upload(browser, png.subarray(0, Math.floor(png.length / 2)));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe("file");
    await expectNothingStored(browser);
  });

  it("asks for the file when the form has none", async () => {
    const browser = await newBrowser();
    const response = await browser.inject({ method: "PUT", url: "/api/v1/me/avatar", ...multipartWithoutFile() });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: "validation_failed", details: [{ field: "file" }] });
  });

  it("asks for the file when the request is not a form", async () => {
    const browser = await newBrowser();
    const response = await browser.inject({ method: "PUT", url: "/api/v1/me/avatar", payload: { file: "x" } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe("file");
  });

  it("refuses a malformed or cut-off form without failing", async () => {
    const browser = await newBrowser();
    const png = multipartFile(await makeImage("png"));
    const forms = [
      { headers: { "content-type": "multipart/form-data" }, payload: png.payload },
      { headers: png.headers, payload: png.payload.subarray(0, png.payload.length - 60) },
    ];
    for (const form of forms) {
      const response = await browser.inject({ method: "PUT", url: "/api/v1/me/avatar", ...form });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details[0].field).toBe("file");
    }
    await expectNothingStored(browser);
  });

  it("ignores a file sent under another field name", async () => {
    const browser = await newBrowser();
    const response = await upload(browser, await makeImage("png"), { field: "picture" });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe("file");
    await expectNothingStored(browser);
  });
});

describe("serving an avatar", () => {
  it("requires a signed-in viewer", async () => {
    const browser = await newBrowser();
    await upload(browser, await makeImage("png"));
    const response = await t.app.inject({ method: "GET", url: `/api/v1/people/${browser.userId}/avatar` });
    expect(response.statusCode).toBe(401);
  });

  it("answers 404 for an unknown person", async () => {
    const browser = await newBrowser();
    const response = await browser.inject({ method: "GET", url: "/api/v1/people/0190f5c2-0000-7000-8000-000000000000/avatar" });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe("user_not_found");
  });

  it("serves another person's avatar to a colleague", async () => {
    const owner = await newBrowser();
    const colleague = await newBrowser();
    const { avatarUrl } = (await upload(owner, await makeImage("png"))).json();
    const response = await colleague.inject({ method: "GET", url: avatarUrl });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("image/webp");
  });
});
