import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";

let t: TestContext;
let webRoot: string;
beforeAll(async () => {
  webRoot = await mkdtemp(path.join(tmpdir(), "ruche-web-"));
  await mkdir(path.join(webRoot, "assets"));
  await writeFile(path.join(webRoot, "index.html"), "<!doctype html><title>shell</title>");
  await writeFile(path.join(webRoot, "assets", "first.js"), "console.log('first')");
  t = await createTestContext({ work: false, webRoot });
});
afterAll(async () => {
  await t.close();
  await rm(webRoot, { recursive: true, force: true });
});

describe("serving the web app", () => {
  it("serves a built file", async () => {
    const response = await t.app.inject({ method: "GET", url: "/assets/first.js" });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain("first");
  });

  it("serves files of a rebuild made after start, without a restart", async () => {
    await writeFile(path.join(webRoot, "assets", "rebuilt.js"), "console.log('rebuilt')");
    const response = await t.app.inject({ method: "GET", url: "/assets/rebuilt.js" });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain("rebuilt");
  });

  it("answers client-side routes with the app's shell", async () => {
    const response = await t.app.inject({ method: "GET", url: "/people/some-id?tab=about" });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain("<title>shell</title>");
  });

  it("never serves a file outside the build through an encoded path", async () => {
    const response = await t.app.inject({ method: "GET", url: "/..%2F..%2Fetc%2Fpasswd" });
    expect(response.body).not.toContain("root:");
  });

  it("keeps unknown API routes as catalogued JSON 404s", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/v1/nothing-here" });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe("route_not_found");
  });
});
