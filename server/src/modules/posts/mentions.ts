import type { MentionCandidates, MentionCandidatesQuery } from "@ruche/contracts";
import type { Executor } from "../../platform/db.ts";
import type { Viewer } from "../people/policy.ts";
import { presentSummary } from "../people/present.ts";
import { personMayRead, readableCommunityOrThrow } from "./access.ts";
import { searchMentionable } from "./repository.ts";

const DEFAULT_LIMIT = 8;

/**
 * The people the composer offers to mention: active people the author may see, by name prefix.
 * Given the community being written in, each says whether they may read it: a mention of someone
 * who may not is kept as plain text and notifies nobody, and the composer can say so.
 */
export async function listMentionCandidates(db: Executor, viewer: Viewer, query: MentionCandidatesQuery): Promise<MentionCandidates> {
  const community = query.communityId ? await readableCommunityOrThrow(db, viewer, query.communityId) : null;
  const rows = await searchMentionable(db, { viewer, prefix: query.q.trim(), communityId: community?.row.id ?? null, limit: query.limit ?? DEFAULT_LIMIT });
  return {
    items: rows.map((row) => ({
      person: presentSummary(row),
      canRead: community === null || personMayRead({ id: row.id, role: row.role, memberRole: row.member_role }, community.facts),
    })),
  };
}
