import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import type { Browser } from "../../../test/factories.ts";
import { multipartFile } from "../../../test/uploads.ts";
import { removeAbandonedUploads } from "../attachments/service.ts";
import { addMember, createThrough, personBrowser } from "../communities/testing.ts";
import { readPost } from "../posts/testing.ts";
import { createStorage } from "../../platform/storage.ts";
import { publishDuePosts } from "./publish.ts";

// Send later carries what a post carries: attachments held until it goes out, a poll, "must read".

let t: TestContext;
let manager: Browser;
let member: Browser;
let club: string;

beforeAll(async () => {
  t = await createTestContext({ work: false });
  manager = await personBrowser(t);
  member = await personBrowser(t);
  club = (await createThrough(manager, { name: "Atelier" })).id;
  await addMember(t, club, member.userId);
});
afterAll(() => t.close());

const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
const fieldsOf = (response: { json(): { error: { details?: { field?: string }[] } } }) => response.json().error.details?.map((detail) => detail.field);

async function upload(browser: Browser, name: string): Promise<{ id: string; url: string }> {
  const response = await browser.inject({ method: "POST", url: "/api/v1/attachments", ...multipartFile(Buffer.from(`contenu de ${name}`), { filename: name }) });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function schedule(browser: Browser, payload: Record<string, unknown>) {
  return browser.inject({ method: "POST", url: "/api/v1/scheduled-posts", payload: { communityId: club, body: "Ordre du jour", sendAt: inHours(2), ...payload } });
}

async function scheduledCount(): Promise<number> {
  const row = await t.db.selectFrom("scheduled_posts").select((eb) => eb.fn.countAll<string>().as("count")).executeTakeFirstOrThrow();
  return Number(row.count);
}

describe("a scheduled post with attachments, a poll and must read", () => {
  it("holds its uploads for its author alone, keeps them from the cleanup, and posts them with the poll when it goes out", async () => {
    const agenda = await upload(manager, "ordre-du-jour.txt");
    const minutes = await upload(manager, "compte-rendu.txt");
    const poll = { options: ["Mardi", "Jeudi"], closesAt: inHours(48) };
    const response = await schedule(manager, { body: "Réunion : votre jour ?", attachmentIds: [minutes.id, agenda.id], poll, announcement: true, mustRead: true });
    expect(response.statusCode, response.body).toBe(201);
    const made = response.json();
    expect(made.attachments.map((attachment: { id: string }) => attachment.id)).toEqual([minutes.id, agenda.id]);
    expect([made.poll, made.announcement, made.mustRead]).toEqual([poll, true, true]);

    // Held: its author still reads it, nobody else does, and no other post can take it.
    expect((await manager.inject({ method: "GET", url: agenda.url })).statusCode).toBe(200);
    expect((await member.inject({ method: "GET", url: agenda.url })).statusCode).toBe(404);
    const taken = await manager.inject({ method: "POST", url: "/api/v1/posts", payload: { communityId: club, body: "Autre", attachmentIds: [agenda.id] } });
    expect([taken.statusCode, fieldsOf(taken)]).toEqual([400, ["attachmentIds"]]);
    // A day later an unclaimed upload would be deleted; a held one stays.
    await sql`update attachments set created_at = now() - interval '25 hours' where id in (${agenda.id}, ${minutes.id})`.execute(t.db);
    await removeAbandonedUploads({ db: t.db, storage: createStorage(t.config) });
    expect((await manager.inject({ method: "GET", url: agenda.url })).statusCode).toBe(200);

    const outcome = await publishDuePosts(t.db, new Date(Date.parse(made.sendAt)));
    expect(outcome.published).toContain(made.id);
    const entry = (await manager.inject({ method: "GET", url: `/api/v1/scheduled-posts/${made.id}` })).json();
    const post = await readPost(member, entry.postId);
    expect(post.attachments.map((attachment) => attachment.id)).toEqual([minutes.id, agenda.id]);
    expect(post.poll?.options.map((option) => option.label)).toEqual(["Mardi", "Jeudi"]);
    expect(post.announcement?.mustRead).toBe(true);
    expect((await member.inject({ method: "GET", url: agenda.url })).statusCode).toBe(200);
    expect(entry.attachments).toEqual([]);
  });

  it("frees the uploads of a cancelled post, for another post to take", async () => {
    const draft = await upload(member, "brouillon.txt");
    const made = (await schedule(member, { attachmentIds: [draft.id] })).json();
    expect((await member.inject({ method: "DELETE", url: `/api/v1/scheduled-posts/${made.id}` })).statusCode).toBe(204);
    const posted = await member.inject({ method: "POST", url: "/api/v1/posts", payload: { communityId: club, body: "Finalement maintenant", attachmentIds: [draft.id] } });
    expect(posted.statusCode, posted.body).toBe(201);
  });

  it("refuses someone else's upload naming attachmentIds, scheduling nothing", async () => {
    const theirs = await upload(manager, "a-moi.txt");
    const before = await scheduledCount();
    const response = await schedule(member, { attachmentIds: [theirs.id] });
    expect([response.statusCode, fieldsOf(response)]).toEqual([400, ["attachmentIds"]]);
    expect(await scheduledCount()).toBe(before);
  });

  it("refuses a poll that closes before the post goes out, when scheduling and when moving it later", async () => {
    const closing = await schedule(member, { sendAt: inHours(10), poll: { options: ["Oui", "Non"], closesAt: inHours(5) } });
    expect([closing.statusCode, fieldsOf(closing)]).toEqual([400, ["poll.closesAt"]]);
    const made = (await schedule(member, { sendAt: inHours(10), poll: { options: ["Oui", "Non"], closesAt: inHours(20) } })).json();
    const moved = await member.inject({ method: "PATCH", url: `/api/v1/scheduled-posts/${made.id}`, payload: { sendAt: inHours(30) } });
    expect([moved.statusCode, fieldsOf(moved)]).toEqual([400, ["poll.closesAt"]]);
    const kept = (await member.inject({ method: "GET", url: `/api/v1/scheduled-posts/${made.id}` })).json();
    expect(kept.sendAt).toBe(made.sendAt);
  });

  it("refuses must read without an announcement, naming mustRead", async () => {
    const response = await schedule(manager, { mustRead: true });
    expect([response.statusCode, fieldsOf(response)]).toEqual([400, ["mustRead"]]);
  });
});
