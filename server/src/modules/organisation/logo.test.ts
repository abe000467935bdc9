import { readdir } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import { buildUser, signIn, type Browser } from "../../../test/factories.ts";
import { makeImage, multipartFile } from "../../../test/uploads.ts";

let t: TestContext;
let admin: Browser;
let member: Browser;

beforeAll(async () => {
  t = await createTestContext({ work: false });
  admin = await signIn(t.app, t.db, (await buildUser(t.db, { role: "admin" })).id);
  member = await signIn(t.app, t.db, (await buildUser(t.db)).id);
});
afterAll(() => t.close());

function uploadLogo(browser: Browser, data: Buffer, options: Parameters<typeof multipartFile>[1] = {}) {
  return browser.inject({ method: "PUT", url: "/api/v1/organisation/logo", ...multipartFile(data, options) });
}

async function storedLogos(): Promise<string[]> {
  return readdir(path.join(t.config.dataDir, "files", "logo")).catch(() => []);
}

describe("the organisation's logo", () => {
  it("is uploaded by an admin and served to anyone as WebP", async () => {
    const response = await uploadLogo(admin, await makeImage("png", 400, 100));
    expect(response.statusCode).toBe(200);
    const { logoUrl } = response.json();
    expect(logoUrl).toMatch(/^\/api\/v1\/organisation\/logo\?v=/);
    const image = await t.app.inject({ method: "GET", url: logoUrl });
    expect(image.statusCode).toBe(200);
    expect(image.headers["content-type"]).toBe("image/webp");
    expect(image.headers["x-content-type-options"]).toBe("nosniff");
    expect(await sharp(image.rawPayload).metadata()).toMatchObject({ format: "webp", width: 400, height: 100 });
  });

  it("replaces the previous logo and deletes its file", async () => {
    await uploadLogo(admin, await makeImage("png"));
    const second = await uploadLogo(admin, await makeImage("jpeg"), { contentType: "image/jpeg" });
    expect(second.statusCode).toBe(200);
    expect(await storedLogos()).toHaveLength(1);
    const rows = await t.db.selectFrom("files").select("id").where("purpose", "=", "logo").execute();
    expect(rows).toHaveLength(1);
  });

  it("is removed by an admin", async () => {
    await uploadLogo(admin, await makeImage("png"));
    const response = await admin.inject({ method: "DELETE", url: "/api/v1/organisation/logo" });
    expect(response.statusCode).toBe(200);
    expect(response.json().logoUrl).toBeNull();
    expect(await storedLogos()).toEqual([]);
    const image = await t.app.inject({ method: "GET", url: "/api/v1/organisation/logo" });
    expect(image.statusCode).toBe(404);
  });

  it("cannot be changed by a member", async () => {
    const upload = await uploadLogo(member, await makeImage("png"));
    expect(upload.statusCode).toBe(403);
    const removal = await member.inject({ method: "DELETE", url: "/api/v1/organisation/logo" });
    expect(removal.statusCode).toBe(403);
  });

  it("must be an image", async () => {
    const response = await uploadLogo(admin, Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"), {
      filename: "logo.svg",
      contentType: "image/svg+xml",
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().error).toMatchObject({ code: "unsupported_file_type", details: [{ field: "file" }] });
  });
});
