import type { Comment } from "@ruche/contracts";
import type { LightMyRequestResponse } from "fastify";
import { expect } from "vitest";
import type { TestContext } from "../../../test/context.ts";
import type { Browser } from "../../../test/factories.ts";
import { addMember, createThrough, personBrowser } from "../communities/testing.ts";
import { postThrough } from "../posts/testing.ts";

/** Test helper: posts through the API as `browser` and returns the post's id. */
export async function postIn(browser: Browser, communityId: string, body = "A post to talk about"): Promise<string> {
  return (await postThrough(browser, communityId, body)).id;
}

/** Test helper: deletes a post through the API as `browser` (its author or a manager). */
export async function deletePost(browser: Browser, postId: string): Promise<void> {
  const response = await browser.inject({ method: "DELETE", url: `/api/v1/posts/${postId}` });
  expect(response.statusCode, response.body).toBe(204);
}

/** Test helper: sends a comment (or a reply, with `parentId`) as `browser`, whatever the answer. */
export function commentOn(browser: Browser, postId: string, payload: Record<string, unknown>): Promise<LightMyRequestResponse> {
  return browser.inject({ method: "POST", url: `/api/v1/posts/${postId}/comments`, payload });
}

/** Test helper: comments as `browser` and returns the comment. */
export async function comment(browser: Browser, postId: string, payload: Record<string, unknown>): Promise<Comment> {
  const response = await commentOn(browser, postId, payload);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

/** Test helper: asks for a page of a post's comments, with an optional query string. */
export function listComments(browser: Browser, postId: string, query = ""): Promise<LightMyRequestResponse> {
  return browser.inject({ method: "GET", url: `/api/v1/posts/${postId}/comments${query}` });
}

/** Test helper: the comments of a post's page as `browser` sees them. */
export async function listed(browser: Browser, postId: string, query = ""): Promise<Comment[]> {
  const response = await listComments(browser, postId, query);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items;
}

/** Test helper: the comment count kept on a post's row. */
export async function commentCount(t: TestContext, postId: string): Promise<number> {
  const row = await t.db.selectFrom("posts").select("comment_count").where("id", "=", postId).executeTakeFirstOrThrow();
  return row.comment_count;
}

/** The people of a conversation test: the owner of a "Gardening" community, a member, an outsider, a guest and an admin. */
export interface GardenCast {
  owner: Browser;
  member: Browser;
  outsider: Browser;
  guest: Browser;
  admin: Browser;
  garden: string;
}

/** Test helper: signs in the cast of a conversation test and builds their community. */
export async function gardenCast(t: TestContext): Promise<GardenCast> {
  const owner = await personBrowser(t, { display_name: "Olivia Owner" });
  const member = await personBrowser(t, { display_name: "Marc Member" });
  const outsider = await personBrowser(t, { display_name: "Otto Outsider" });
  const guest = await personBrowser(t, { role: "guest", display_name: "Gina Guest" });
  const admin = await personBrowser(t, { role: "admin" });
  const garden = (await createThrough(owner, { name: "Gardening" })).id;
  await addMember(t, garden, member.userId);
  return { owner, member, outsider, guest, admin, garden };
}
