import type { ListPeopleQuery, PeoplePage } from "@ruche/contracts";
import type { Executor } from "../../platform/db.ts";
import { errors } from "../../platform/errors.ts";
import { decodeCursor, pageOf, type Cursor } from "../../platform/pagination.ts";
import type { Viewer } from "./policy.ts";
import { presentSummary } from "./present.ts";
import { normaliseSkill } from "./profile-rules.ts";
import { listDirectory } from "./repository.ts";

const DEFAULT_LIMIT = 20;
// Each term adds a condition: a handful is plenty for a name and a department.
const MAX_TERMS = 6;

function decodeDirectoryCursor(cursor: string): Cursor {
  const decoded = decodeCursor(cursor, "text");
  // A folded name never holds NUL, and PostgreSQL would fail on one rather than answer.
  if (decoded.key.includes("\u0000")) throw errors.invalidField("cursor", "is not a cursor this list gave out");
  return decoded;
}

/**
 * The people directory as `viewer` may see it, in name order, a page at a time. Search and
 * filters ignore case and accents ("helene" finds "Hélène"); deactivated people appear only
 * when an admin asks for them.
 */
export async function listPeople(db: Executor, viewer: Viewer, query: ListPeopleQuery): Promise<PeoplePage> {
  const limit = query.limit ?? DEFAULT_LIMIT;
  const skill = query.skill === undefined ? undefined : normaliseSkill(query.skill);
  const rows = await listDirectory(db, viewer, {
    terms: (query.q ?? "").trim().split(/\s+/).filter(Boolean).slice(0, MAX_TERMS),
    department: query.department?.trim() || undefined,
    location: query.location?.trim() || undefined,
    skill: skill || undefined,
    // The policy already hides deactivated people from non-admins, whatever they ask.
    includeInactive: query.includeInactive ?? false,
    after: query.cursor ? decodeDirectoryCursor(query.cursor) : undefined,
    limit,
  });
  const page = pageOf(rows, limit, (row) => [row.sort_name, row.id]);
  return { items: page.items.map(presentSummary), nextCursor: page.nextCursor };
}
