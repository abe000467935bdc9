import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";

// The web app's public files (web/public), served as a build would serve them: what a browser
// needs to install Ruche and to show its pushes.
const publicDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../web/public");
let t: TestContext;
let webRoot: string;

beforeAll(async () => {
  webRoot = await mkdtemp(path.join(tmpdir(), "ruche-web-"));
  await cp(publicDir, webRoot, { recursive: true });
  await writeFile(path.join(webRoot, "index.html"), "<!doctype html><title>Ruche</title>");
  t = await createTestContext({ work: false, webRoot });
});
afterAll(async () => {
  await t.close();
  await rm(webRoot, { recursive: true, force: true });
});

describe("the installable app", () => {
  it("serves a manifest that makes Ruche installable: standalone, a start URL and icons of 192 and 512 pixels that exist", async () => {
    const response = await t.app.inject({ method: "GET", url: "/manifest.webmanifest" });
    expect(response.statusCode).toBe(200);
    const manifest = response.json();
    expect(manifest).toMatchObject({ name: "Ruche", start_url: "/", display: "standalone", theme_color: expect.stringMatching(/^#/) });
    const icons: { src: string; sizes: string }[] = manifest.icons;
    expect(icons.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
    for (const icon of icons) {
      const file = await t.app.inject({ method: "GET", url: icon.src });
      expect(file.statusCode, icon.src).toBe(200);
      expect(file.headers["content-type"], icon.src).toMatch(/^image\//);
    }
  });

  it("serves the service worker from the root, as JavaScript, so that its scope is the whole app", async () => {
    const response = await t.app.inject({ method: "GET", url: "/sw.js" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/javascript/);
    expect(response.body).toContain('addEventListener("push"');
    expect(response.body).toContain('addEventListener("notificationclick"');
  });
});
