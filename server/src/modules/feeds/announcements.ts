import type { Announcement } from "@ruche/contracts";
import type { Executor } from "../../platform/db.ts";
import type { Viewer } from "../people/policy.ts";

/** What each announcement among `posts` shows `viewer`: acknowledged or not, and "x of y read" for those allowed. TO BE WRITTEN. */
export async function announcementsFor(
  _db: Executor,
  _viewer: Viewer,
  _posts: { id: string; communityId: string; mustRead: boolean; seeReaders: boolean }[],
): Promise<Map<string, Announcement>> {
  return new Map();
}
