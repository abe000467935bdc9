import type { Notification } from "@ruche/contracts";
import { expect } from "vitest";
import type { TestContext } from "../../../test/context.ts";
import type { Browser } from "../../../test/factories.ts";

/** Test helper: a mention of a person, in the markdown the composer writes. */
export const mention = (name: string, id: string): string => `[@${name}](mention:${id})`;

/** Test helper: runs the outbox dispatcher until no event is pending, and fails on any handler error. */
export async function settle(t: TestContext): Promise<void> {
  await t.runtime.dispatcher.wake();
  const failed = await t.db.selectFrom("events").select(["type", "last_error"]).where("last_error", "is not", null).where("dispatched_at", "is", null).execute();
  expect(failed).toEqual([]);
}

/** Test helper: every notification `browser` sees (first 100), most recent first. */
export async function notificationsOf(browser: Browser, query = ""): Promise<Notification[]> {
  const response = await browser.inject({ method: "GET", url: `/api/v1/notifications?limit=100${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items;
}

/** Test helper: the kinds of `browser`'s notifications about one post. */
export async function kindsAbout(browser: Browser, postId: string): Promise<string[]> {
  return (await notificationsOf(browser)).filter((item) => item.post?.id === postId).map((item) => item.kind);
}

/** Test helper: sends a JSON request and checks its status. */
export async function send(browser: Browser, input: { method: "POST" | "PUT" | "PATCH" | "DELETE"; url: string; payload?: unknown; status: number }) {
  const response = await browser.inject({ method: input.method, url: input.url, ...(input.payload === undefined ? {} : { payload: input.payload as Record<string, unknown> }) });
  expect(response.statusCode, response.body).toBe(input.status);
  return response;
}
