import type { LinkPreview } from "@ruche/contracts";
import type { Executor } from "../../platform/db.ts";

/** The link preview of each post that has one, in one query. TO BE WRITTEN. */
export async function previewsFor(_db: Executor, _postIds: string[]): Promise<Map<string, LinkPreview>> {
  return new Map();
}
