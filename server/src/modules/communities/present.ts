import type { Community, CommunityMember } from "@ruche/contracts";
import type { Viewer } from "../people/policy.ts";
import { presentSummary } from "../people/present.ts";
import { can, roleOf, type CommunityFacts } from "./policy.ts";
import type { CommunityRow, MemberRow } from "./repository.ts";

/** What the policy needs of a row. */
export function factsOf(row: CommunityRow): CommunityFacts {
  return {
    kind: row.kind,
    visibility: row.visibility,
    archived: row.archived_at !== null,
    deleted: row.deleted_at !== null,
    explicitRole: row.explicit_role,
  };
}

/** A community as `viewer` sees it: its size only for those who may read it. */
export function presentCommunity(viewer: Viewer, row: CommunityRow): Community {
  const facts = factsOf(row);
  return {
    id: row.id,
    kind: row.kind,
    visibility: row.visibility,
    name: row.name,
    description: row.description,
    postingPolicy: row.posting_policy,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    myRole: roleOf(viewer, facts),
    memberCount: can(viewer, "read", facts) ? row.member_count : null,
    external: row.has_guests,
    archivedAt: row.archived_at?.toISOString() ?? null,
    deletedAt: row.deleted_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function presentMember(row: MemberRow): CommunityMember {
  return { person: presentSummary(row), role: row.member_role, joinedAt: row.joined_at?.toISOString() ?? null };
}
