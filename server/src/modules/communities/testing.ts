import type { Community } from "@ruche/contracts";
import { expect } from "vitest";
import type { TestContext } from "../../../test/context.ts";
import { buildUser, signIn, type Browser } from "../../../test/factories.ts";
import type { NewUser } from "../../platform/schema.ts";

/** Test helper: creates a community through the API as `browser` and returns it. */
export async function createThrough(browser: Browser, body: Record<string, unknown>): Promise<Community> {
  const response = await browser.inject({ method: "POST", url: "/api/v1/communities", payload: { visibility: "public", kind: "interest", ...body } });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

/** Test helper: the ids of the communities `browser` finds in the directory, with an optional query string. */
export async function listedIds(browser: Browser, query = ""): Promise<string[]> {
  const response = await browser.inject({ method: "GET", url: `/api/v1/communities?limit=100${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items.map((item: { id: string }) => item.id);
}

export const UNKNOWN_ID = "0190f5c2-0000-7000-8000-000000000000";

/** Test helper: a new person, signed in. */
export async function personBrowser(t: TestContext, overrides: Partial<NewUser> = {}): Promise<Browser> {
  return signIn(t.app, t.db, (await buildUser(t.db, overrides)).id);
}

/** Test helper: gives someone a role in a community directly, as if they had joined or been promoted. */
export async function addMember(t: TestContext, communityId: string, userId: string, role: "owner" | "manager" | "member" = "member"): Promise<void> {
  await t.db.insertInto("community_members").values({ community_id: communityId, user_id: userId, role }).execute();
}

/** Test helper: the explicit roles of a community, by person. */
export async function rolesIn(t: TestContext, communityId: string): Promise<Record<string, string>> {
  const rows = await t.db.selectFrom("community_members").select(["user_id", "role"]).where("community_id", "=", communityId).execute();
  return Object.fromEntries(rows.map((row) => [row.user_id, row.role]));
}

/** Test helper: the outbox events of one type about a community, oldest first. */
export async function eventsAbout(t: TestContext, type: string, communityId: string): Promise<{ actor_id: string | null; payload: Record<string, unknown> }[]> {
  return t.db.selectFrom("events").select(["actor_id", "payload"]).where("type", "=", type).where("subject_id", "=", communityId).orderBy("created_at").orderBy("id").execute();
}
