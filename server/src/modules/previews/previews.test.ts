import http from "node:http";
import type { AddressInfo } from "node:net";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, eventually, type TestContext } from "../../../test/context.ts";
import type { Browser } from "../../../test/factories.ts";
import { makeImage } from "../../../test/uploads.ts";
import { addMember, createThrough, personBrowser, UNKNOWN_ID } from "../communities/testing.ts";

/** A local site with pages to preview; it counts the requests it receives. */
async function startSite(image: Buffer): Promise<{ server: http.Server; port: number; hits: string[] }> {
  const hits: string[] = [];
  const server = http.createServer((request, response) => {
    hits.push(request.url ?? "");
    const html = (body: string) => response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(body);
    switch (request.url) {
      case "/article":
        return html(`<html><head><title>Ignored</title>
          <meta property="og:title" content="Les abeilles &amp; la ville">
          <meta property="og:description" content="Un rucher sur chaque toit">
          <meta property="og:site_name" content="Journal du rucher">
          <meta property="og:image" content="/cover.png"></head></html>`);
      case "/slow":
        setTimeout(() => html("<title>Enfin</title>"), 1500);
        return;
      case "/plain":
        return html("<title>Une page simple</title>");
      case "/cover.png":
        return response.writeHead(200, { "content-type": "image/png" }).end(image);
      case "/to-metadata":
        return response.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" }).end();
      default:
        return response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, port: (server.address() as AddressInfo).port, hits };
}

let site: Awaited<ReturnType<typeof startSite>>;
let forbidden: Awaited<ReturnType<typeof startSite>>;
let t: TestContext;
let author: Browser;
let reader: Browser;
let outsider: Browser;
let communityId: string;

beforeAll(async () => {
  const image = await makeImage("png", 1200, 630);
  site = await startSite(image);
  forbidden = await startSite(image);
  t = await createTestContext({ linkPreviewAllowHosts: [`127.0.0.1:${site.port}`] });
  author = await personBrowser(t);
  reader = await personBrowser(t);
  outsider = await personBrowser(t);
  communityId = (await createThrough(author, { name: "Apiculteurs", visibility: "secret" })).id;
  await addMember(t, communityId, reader.userId);
});
afterAll(async () => {
  await t.close();
  site.server.close();
  forbidden.server.close();
});

const pageOf = (path: string) => `http://127.0.0.1:${site.port}${path}`;

async function publish(body: string): Promise<string> {
  const response = await author.inject({ method: "POST", url: "/api/v1/posts", payload: { communityId, body } });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

async function edit(postId: string, body: string): Promise<void> {
  const response = await author.inject({ method: "PATCH", url: `/api/v1/posts/${postId}`, payload: { body } });
  expect(response.statusCode, response.body).toBe(200);
}

/** The post's preview as a reader sees it, once it is settled (or once it matches `until`). */
async function settledPreview(postId: string, until: (preview: Record<string, unknown> | null) => boolean = (preview) => preview !== null && preview.status !== "pending") {
  return eventually(async () => {
    const preview = (await reader.inject({ method: "GET", url: `/api/v1/posts/${postId}` })).json().linkPreview;
    return until(preview) ? { preview } : undefined;
  }, 15_000).then((found) => found.preview);
}

describe("link previews", () => {
  it("shows the first link's title, description, site and re-hosted image", async () => {
    const postId = await publish(`Une lecture : [l'article](${pageOf("/article")}), puis [une autre](${pageOf("/plain")}).`);
    const preview = await settledPreview(postId);
    expect(preview).toEqual({
      url: pageOf("/article"),
      status: "ready",
      title: "Les abeilles & la ville",
      description: "Un rucher sur chaque toit",
      siteName: "Journal du rucher",
      imageUrl: expect.stringMatching(new RegExp(`^/api/v1/posts/${postId}/preview-image\\?v=`)),
    });
    expect(site.hits).not.toContain("/plain");
    const image = await reader.inject({ method: "GET", url: String(preview?.imageUrl) });
    expect(image.statusCode).toBe(200);
    expect(image.headers["x-content-type-options"]).toBe("nosniff");
    expect(await sharp(image.rawPayload).metadata()).toMatchObject({ format: "webp", width: 600 });
  });

  it("serves the preview image only to readers of the post, hiding it as an unknown post otherwise", async () => {
    const postId = await publish(`[article](${pageOf("/article")})`);
    const preview = await settledPreview(postId);
    const hidden = await outsider.inject({ method: "GET", url: String(preview?.imageUrl) });
    const unknown = await outsider.inject({ method: "GET", url: `/api/v1/posts/${UNKNOWN_ID}/preview-image` });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error.code).toBe("post_not_found");
    expect(hidden.body).toBe(unknown.body);
    expect((await t.app.inject({ method: "GET", url: String(preview?.imageUrl) })).statusCode).toBe(401);
  });

  it("never makes the author wait for the linked site", async () => {
    const started = Date.now();
    const postId = await publish(`[lent](${pageOf("/slow")})`);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await settledPreview(postId)).toMatchObject({ status: "ready", title: "Enfin" });
  });

  it("follows the post's edits: another first link refreshes it, no link removes it", async () => {
    const postId = await publish(`[article](${pageOf("/article")})`);
    const first = await settledPreview(postId);
    const firstImage = String(first?.imageUrl).split("?v=")[1] ?? "";
    await edit(postId, `Finalement : ${pageOf("/plain")}`);
    const second = await settledPreview(postId, (preview) => preview?.status === "ready" && preview.url === pageOf("/plain"));
    expect(second).toMatchObject({ title: "Une page simple", description: null, imageUrl: null });
    expect(await t.db.selectFrom("files").select("id").where("id", "=", firstImage).executeTakeFirst()).toBeUndefined();
    await edit(postId, "Plus de lien du tout.");
    expect(await settledPreview(postId, (preview) => preview === null)).toBeNull();
  });

  it("marks a preview failed when the page cannot be had, leaving the post as it was", async () => {
    const missing = await publish(`[disparu](${pageOf("/missing")})`);
    const before = await t.db.selectFrom("posts").select(["body", "body_html", "edited_at"]).where("id", "=", missing).executeTakeFirstOrThrow();
    expect(await settledPreview(missing)).toMatchObject({ status: "failed", title: null, imageUrl: null });
    const after = await t.db.selectFrom("posts").select(["body", "body_html", "edited_at"]).where("id", "=", missing).executeTakeFirstOrThrow();
    expect(after).toEqual(before);
    const row = await t.db.selectFrom("link_previews").select("error").where("post_id", "=", missing).executeTakeFirstOrThrow();
    expect(row.error).toMatch(/^http_status/);
  });

  it("never fetches a private address, directly or through a redirect", async () => {
    const direct = await publish(`[interne](http://127.0.0.1:${forbidden.port}/article)`);
    const redirected = await publish(`[détour](${pageOf("/to-metadata")})`);
    expect(await settledPreview(direct)).toMatchObject({ status: "failed" });
    expect(await settledPreview(redirected)).toMatchObject({ status: "failed" });
    expect(forbidden.hits).toEqual([]);
    const errors = await t.db.selectFrom("link_previews").select("error").where("post_id", "in", [direct, redirected]).execute();
    expect(errors.map((row) => row.error?.split(":")[0])).toEqual(["forbidden_address", "forbidden_address"]);
  });
});
