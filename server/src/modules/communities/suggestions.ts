import type { SuggestedCommunities, SuggestedCommunitiesQuery } from "@ruche/contracts";
import { sql, type RawBuilder } from "kysely";
import type { Executor } from "../../platform/db.ts";
import type { Viewer } from "../people/policy.ts";
import { visibleCommunities } from "./policy.ts";
import { presentCommunity } from "./present.ts";
import { findVisibleCommunities } from "./repository.ts";

const DEFAULT_LIMIT = 6;
/** Shorter words ("de", "la", "of") would match nearly every community name. */
const MIN_WORD_LENGTH = 3;
const MAX_WORDS = 8;

interface Profile {
  department: string | null;
  job_title: string | null;
}

/** The distinct words of the viewer's job title and department, to find the profession communities named after them. */
function profileWords(profile: Profile): string[] {
  const text = `${profile.job_title ?? ""} ${profile.department ?? ""}`.toLowerCase();
  const words = text.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length >= MIN_WORD_LENGTH);
  return [...new Set(words)].slice(0, MAX_WORDS);
}

/**
 * How many active members of the community in scope share the viewer's department or job title
 * (none when the viewer has not filled it in: a null matches nothing). Always an expression, never
 * a bare number, which ORDER BY would take for a column position.
 */
function peersSharing(column: "department" | "job_title", value: string | null): RawBuilder<number> {
  return sql<number>`(select count(*) from community_members cm join users u on u.id = cm.user_id
    where cm.community_id = communities.id and u.status = 'active'
    and ruche_fold(${sql.ref(`u.${column}`)}) = ruche_fold(${value?.trim() || null}))::int`;
}

/** 1 when the community in scope is a profession community whose name holds one of `words`, else 0. */
function professionNamed(words: string[]): RawBuilder<number> {
  const matches = words.map((word) => sql`ruche_fold(communities.name) like '%' || ruche_fold(${word}) || '%'`);
  return sql<number>`(communities.kind = 'profession' and (${matches.length > 0 ? sql.join(matches, sql` or `) : sql`false`}))::int`;
}

/**
 * The ids of the communities `viewer` could join or ask to join, best first: public or closed,
 * live, not the company one, not already theirs nor already requested.
 */
async function rankSuggestions(db: Executor, viewer: Viewer, limit: number): Promise<string[]> {
  const profile: Profile = (await db.selectFrom("users").select(["department", "job_title"]).where("id", "=", viewer.id).executeTakeFirst()) ?? {
    department: null,
    job_title: null,
  };
  const rows = await db
    .selectFrom("communities")
    .select("communities.id")
    .where(visibleCommunities(viewer))
    .where("communities.visibility", "in", ["public", "closed"])
    .where("communities.kind", "!=", "company")
    .where("communities.archived_at", "is", null)
    .where("communities.deleted_at", "is", null)
    .where(sql<boolean>`not exists (select 1 from community_members cm where cm.community_id = communities.id and cm.user_id = ${viewer.id})`)
    .where(
      sql<boolean>`not exists (select 1 from community_requests cr
        where cr.community_id = communities.id and cr.user_id = ${viewer.id} and cr.status = 'pending')`,
    )
    .orderBy(peersSharing("department", profile.department), "desc")
    .orderBy(peersSharing("job_title", profile.job_title), "desc")
    .orderBy(professionNamed(profileWords(profile)), "desc")
    .orderBy(
      sql`(select count(*) from community_members cm join users u on u.id = cm.user_id where cm.community_id = communities.id and u.status = 'active')`,
      "desc",
    )
    .orderBy(sql`ruche_fold(communities.name)`)
    .orderBy("communities.id")
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}

/**
 * Communities to suggest to `viewer`: those where colleagues of their department, then of their
 * profession, already are, then profession communities named like their job, then the largest.
 * Guests join by invitation only, so they get none.
 */
export async function suggestCommunities(db: Executor, viewer: Viewer, query: SuggestedCommunitiesQuery): Promise<SuggestedCommunities> {
  if (viewer.role === "guest") return { items: [] };
  const ids = await rankSuggestions(db, viewer, query.limit ?? DEFAULT_LIMIT);
  const rows = new Map((await findVisibleCommunities(db, viewer, ids)).map((row) => [row.id, row]));
  const items = ids.flatMap((id) => {
    const row = rows.get(id);
    return row ? [presentCommunity(viewer, row)] : [];
  });
  return { items };
}
