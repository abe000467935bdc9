import type { Poll } from "@ruche/contracts";
import type { Executor } from "../../platform/db.ts";
import type { Viewer } from "../people/policy.ts";

/** The polls of `postIds` as `viewer` sees them (results hidden until allowed), in one or two queries. TO BE WRITTEN. */
export async function pollsFor(_db: Executor, _viewer: Viewer, _postIds: string[]): Promise<Map<string, Poll>> {
  return new Map();
}
