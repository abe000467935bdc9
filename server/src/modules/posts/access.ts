import type { Executor } from "../../platform/db.ts";
import { AppError } from "../../platform/errors.ts";
import { can as canCommunity, roleOf, type CommunityFacts } from "../communities/policy.ts";
import { factsOf } from "../communities/present.ts";
import { communityFactsFor, type CommunityFactsRow } from "../communities/repository.ts";
import type { Viewer } from "../people/policy.ts";
import { can, type PostFacts } from "./policy.ts";
import { findPostRow, type PostRow } from "./repository.ts";

/** A community as the posts module needs it: its row and the policy facts for the viewer. */
export interface CommunityAccess {
  row: CommunityFactsRow;
  facts: CommunityFacts;
}

/** A post with its community, as the viewer stands in it. */
export interface PostAccess {
  row: PostRow;
  community: CommunityAccess;
  facts: PostFacts;
}

/** The facts the posts policy needs about one post. */
export function postFactsOf(row: Pick<PostRow, "author_id" | "deleted_at">, community: CommunityFacts): PostFacts {
  return { community, authorId: row.author_id, deleted: row.deleted_at !== null };
}

/**
 * The community `viewer` may read, or the same 404 as an unknown id: a post can only go where its
 * author can read (a closed community seen from outside included).
 */
export async function readableCommunityOrThrow(db: Executor, viewer: Viewer, id: string): Promise<CommunityAccess> {
  const [row] = await communityFactsFor(db, viewer, [id]);
  const facts = row ? factsOf(row) : undefined;
  if (!row || !facts || facts.deleted || !canCommunity(viewer, "read", facts)) throw new AppError("community_not_found");
  return { row, facts };
}

/**
 * Whether someone other than the viewer may read the community, by the communities policy: their
 * explicit role there is all that differs from the viewer's facts (a pending invitation never
 * opens content).
 */
export function personMayRead(person: { id: string; role: Viewer["role"]; memberRole: CommunityFacts["explicitRole"] }, community: CommunityFacts): boolean {
  return canCommunity({ id: person.id, role: person.role }, "read", { ...community, explicitRole: person.memberRole, invited: false });
}

/**
 * Refuses to let `viewer` post in a community they may read, naming the one obstacle they can act
 * on: archived (nobody posts), a charter to accept (when that is all that stands in the way), the
 * managers-only posting policy, or not belonging to it.
 */
export function requirePosting(viewer: Viewer, facts: CommunityFacts): void {
  if (canCommunity(viewer, "post", facts)) return;
  if (facts.archived) throw new AppError("community_archived");
  if (canCommunity(viewer, "post", { ...facts, charterRequired: false })) throw new AppError("charter_acceptance_required");
  if (roleOf(viewer, facts) !== null && canCommunity(viewer, "post", { ...facts, charterRequired: false, postingPolicy: "all" })) {
    throw new AppError("post_managers_only");
  }
  throw new AppError("post_not_allowed");
}

/**
 * The post `viewer` may read, or undefined whether it is missing, in a community they may not
 * read, or deleted. `deleted: true` lets administrators reach a deleted post (to restore it).
 */
export async function findPostAccess(db: Executor, viewer: Viewer, id: string, options: { lock?: boolean; deleted?: boolean } = {}): Promise<PostAccess | undefined> {
  const row = await findPostRow(db, id, { lock: options.lock ?? false });
  const [communityRow] = row ? await communityFactsFor(db, viewer, [row.community_id]) : [];
  if (!row || !communityRow) return undefined;
  const community = { row: communityRow, facts: factsOf(communityRow) };
  const facts = postFactsOf(row, community.facts);
  const reachable = can(viewer, "read", facts) || (options.deleted === true && can(viewer, "restore", facts));
  return reachable ? { row, community, facts } : undefined;
}

/** Like `findPostAccess`, with the same 404 for every post the viewer may not reach. */
export async function postAccessOrThrow(db: Executor, viewer: Viewer, id: string, options: { lock?: boolean; deleted?: boolean } = {}): Promise<PostAccess> {
  const post = await findPostAccess(db, viewer, id, options);
  if (!post) throw new AppError("post_not_found");
  return post;
}
