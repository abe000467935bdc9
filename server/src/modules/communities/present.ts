import type { Community, CommunityMember } from "@ruche/contracts";
import type { Viewer } from "../people/policy.ts";
import { presentSummary } from "../people/present.ts";
import { can, roleOf, type CommunityFacts } from "./policy.ts";
import type { CommunityFactsRow, CommunityRow, MemberRow } from "./repository.ts";

/** What the policy needs of a row. */
export function factsOf(row: CommunityFactsRow): CommunityFacts {
  return {
    kind: row.kind,
    visibility: row.visibility,
    archived: row.archived_at !== null,
    deleted: row.deleted_at !== null,
    explicitRole: row.explicit_role,
    invited: row.my_invitation_id !== null,
    postingPolicy: row.posting_policy,
    charterRequired: row.charter_required === true,
    charterAccepted: row.charter_accepted_at !== null,
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
    coverUrl: row.cover_file_id ? `/api/v1/communities/${row.id}/cover?v=${row.cover_file_id}` : null,
    charter: presentCharter(row, can(viewer, "read", facts) || facts.invited),
    canPost: can(viewer, "post", facts),
    canManage: can(viewer, "manage", facts),
    myRequest: row.my_request_id && row.my_request_created_at ? { id: row.my_request_id, createdAt: row.my_request_created_at.toISOString() } : null,
    myRefusal:
      row.my_refusal_at && !row.my_request_id && roleOf(viewer, facts) === null
        ? { reason: row.my_refusal_reason, decidedAt: row.my_refusal_at.toISOString() }
        : null,
    myInvitation:
      row.my_invitation_id && row.my_invitation_created_at
        ? {
            id: row.my_invitation_id,
            invitedBy: row.my_invitation_by_id && row.my_invitation_by_name ? { id: row.my_invitation_by_id, displayName: row.my_invitation_by_name } : null,
            createdAt: row.my_invitation_created_at.toISOString(),
          }
        : null,
  };
}

/** The charter in force, for those allowed to read it. */
function presentCharter(row: CommunityRow, allowed: boolean): Community["charter"] {
  if (!allowed || row.charter_version === null || row.charter_text === null || row.charter_created_at === null) return null;
  return {
    version: row.charter_version,
    text: row.charter_text,
    required: row.charter_required === true,
    createdAt: row.charter_created_at.toISOString(),
    acceptedAt: row.charter_accepted_at?.toISOString() ?? null,
  };
}

export function presentMember(row: MemberRow): CommunityMember {
  return {
    person: presentSummary(row),
    role: row.member_role,
    joinedAt: row.joined_at?.toISOString() ?? null,
    charterAcceptedAt: row.charter_accepted_at?.toISOString() ?? null,
  };
}
