import type { Community } from "@ruche/contracts";
import { expect } from "vitest";
import type { Browser } from "../../../test/factories.ts";

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
