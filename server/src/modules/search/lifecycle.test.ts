import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import type { Browser } from "../../../test/factories.ts";
import { multipartFile } from "../../../test/uploads.ts";
import { addMember, createThrough, personBrowser } from "../communities/testing.ts";
import { postThrough } from "../posts/testing.ts";
import { foundIds } from "./testing.ts";

// What happens to results when what they found changes: edits, deletions, restorations, moves.
let t: TestContext;
let admin: Browser;
let author: Browser;
let reader: Browser;
let open: string;

beforeAll(async () => {
  t = await createTestContext({ work: false });
  admin = await personBrowser(t, { role: "admin" });
  author = await personBrowser(t, { language: "fr" });
  reader = await personBrowser(t, { language: "en" });
  ({ id: open } = await createThrough(author, { name: "Atelier" }));
  await addMember(t, open, reader.userId);
});
afterAll(() => t.close());

async function comment(browser: Browser, postId: string, body: string): Promise<string> {
  const response = await browser.inject({ method: "POST", url: `/api/v1/posts/${postId}/comments`, payload: { body } });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

async function expectStatus(request: Promise<{ statusCode: number; body: string }>, status: number): Promise<void> {
  const response = await request;
  expect(response.statusCode, response.body).toBe(status);
}

describe("edits", () => {
  it("finds an edited post by its new words, and no longer by its old ones", async () => {
    const { id } = await postThrough(author, open, "Réunion sur le budget marmotte");
    await expectStatus(author.inject({ method: "PATCH", url: `/api/v1/posts/${id}`, payload: { body: "Réunion sur le planning castor" } }), 200);
    expect(await foundIds(reader, { q: "marmotte" })).toEqual([]);
    expect(await foundIds(reader, { q: "castor" })).toEqual([id]);
  });

  it("finds an edited comment by its new words only", async () => {
    const { id: postId } = await postThrough(author, open, "Sondage du jour");
    const id = await comment(reader, postId, "Je vote hérisson");
    await expectStatus(reader.inject({ method: "PATCH", url: `/api/v1/comments/${id}`, payload: { body: "Je vote blaireau" } }), 200);
    expect(await foundIds(author, { q: "hérisson" })).toEqual([]);
    expect(await foundIds(author, { q: "blaireau" })).toEqual([id]);
  });
});

describe("deletions and restorations", () => {
  it("drops a deleted comment at once", async () => {
    const { id: postId } = await postThrough(author, open, "Idées de noms");
    const id = await comment(reader, postId, "Pourquoi pas Pangolin ?");
    expect(await foundIds(author, { q: "pangolin" })).toEqual([id]);
    await expectStatus(reader.inject({ method: "DELETE", url: `/api/v1/comments/${id}` }), 204);
    expect(await foundIds(author, { q: "pangolin" })).toEqual([]);
  });

  it("drops a deleted post with its comments and files, and brings them back when an admin restores it", async () => {
    const upload = multipartFile(Buffer.from("plan de travail\n"), { filename: "Plan-Tamanoir.txt", contentType: "text/plain" });
    const file = await author.inject({ method: "POST", url: "/api/v1/attachments", payload: upload.payload, headers: upload.headers });
    expect(file.statusCode, file.body).toBe(201);
    const { id } = await postThrough(author, open, "Le projet tamanoir démarre", { attachmentIds: [file.json().id] });
    const remark = await comment(reader, id, "Bravo pour tamanoir");
    const everything = [id, remark, file.json().id].sort();
    expect((await foundIds(reader, { q: "tamanoir" })).sort()).toEqual(everything);
    await expectStatus(author.inject({ method: "DELETE", url: `/api/v1/posts/${id}` }), 204);
    expect(await foundIds(reader, { q: "tamanoir" })).toEqual([]);
    expect(await foundIds(admin, { q: "tamanoir" })).toEqual([]);
    await expectStatus(admin.inject({ method: "POST", url: `/api/v1/posts/${id}/restore` }), 200);
    expect((await foundIds(reader, { q: "tamanoir" })).sort()).toEqual(everything);
  });

  it("hides a deleted community, its posts and comments, from everyone; a restoration brings them back", async () => {
    const { id: community } = await createThrough(author, { name: "Ornithorynque" });
    await addMember(t, community, reader.userId);
    const { id: postId } = await postThrough(author, community, "Ornithorynque : premier post");
    const remark = await comment(reader, postId, "Vive l'ornithorynque");
    const everything = [community, postId, remark].sort();
    expect((await foundIds(reader, { q: "ornithorynque" })).sort()).toEqual(everything);
    await expectStatus(author.inject({ method: "DELETE", url: `/api/v1/communities/${community}` }), 204);
    for (const browser of [reader, author, admin]) expect(await foundIds(browser, { q: "ornithorynque" })).toEqual([]);
    const suggestions = await reader.inject({ method: "GET", url: "/api/v1/search/suggestions?q=ornitho" });
    expect(suggestions.json().communities).toEqual([]);
    await expectStatus(admin.inject({ method: "POST", url: `/api/v1/communities/${community}/restore` }), 200);
    expect((await foundIds(reader, { q: "ornithorynque" })).sort()).toEqual(everything);
  });
});

describe("a post moved to another community", () => {
  it("is found where it now is, with its comments, by that community's readers only", async () => {
    const { id: closed } = await createThrough(author, { name: "Cercle", visibility: "closed" });
    const { id: postId } = await postThrough(author, open, "Compte rendu wombat");
    const remark = await comment(reader, postId, "Merci pour le wombat");
    await t.db.updateTable("posts").set({ community_id: closed }).where("id", "=", postId).execute();
    expect(await foundIds(reader, { q: "wombat" })).toEqual([]);
    expect((await foundIds(author, { q: "wombat", communityId: closed })).sort()).toEqual([postId, remark].sort());
    expect(await foundIds(author, { q: "wombat", communityId: open })).toEqual([]);
  });
});
