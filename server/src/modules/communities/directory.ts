import type { CommunitiesPage, ListCommunitiesQuery } from "@ruche/contracts";
import type { Executor } from "../../platform/db.ts";
import { errors } from "../../platform/errors.ts";
import { decodeCursor, pageOf, type Cursor } from "../../platform/pagination.ts";
import type { Viewer } from "../people/policy.ts";
import { presentCommunity } from "./present.ts";
import { listVisibleCommunities } from "./repository.ts";

const DEFAULT_LIMIT = 20;
const MAX_TERMS = 6;

/** Reads a name-order cursor; a folded name never holds NUL, which PostgreSQL would refuse. */
export function decodeNameCursor(cursor: string): Cursor {
  const decoded = decodeCursor(cursor, "text");
  if (decoded.key.includes("\u0000")) throw errors.invalidField("cursor", "is not a cursor this list gave out");
  return decoded;
}

/**
 * The community directory as `viewer` may see it, in name order. Only admins may ask for deleted
 * communities; for anyone else the policy already hides them, so the list is empty.
 */
export async function listCommunities(db: Executor, viewer: Viewer, query: ListCommunitiesQuery): Promise<CommunitiesPage> {
  const limit = query.limit ?? DEFAULT_LIMIT;
  const rows = await listVisibleCommunities(db, viewer, {
    terms: (query.q ?? "").trim().split(/\s+/).filter(Boolean).slice(0, MAX_TERMS),
    kind: query.kind,
    mine: query.mine ?? false,
    invited: query.invited ?? false,
    deleted: query.deleted ?? false,
    after: query.cursor ? decodeNameCursor(query.cursor) : undefined,
    limit,
  });
  const page = pageOf(rows, limit, (row) => [row.sort_name, row.id]);
  return { items: page.items.map((row) => presentCommunity(viewer, row)), nextCursor: page.nextCursor };
}
