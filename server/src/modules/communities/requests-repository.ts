import { sql } from "kysely";
import type { Executor } from "../../platform/db.ts";
import { cursorTimestamp, type Cursor } from "../../platform/pagination.ts";
import type { CommunityRequestStatus } from "../../platform/schema.ts";
import { visiblePeople, type Viewer } from "../people/policy.ts";
import { summaryColumns, type SummaryRow } from "../people/present.ts";

// The SQL of requests to join. Every change runs under the community's row lock (service.ts
// `lockCommunity`), which serialises them per community.

/** A request to join, with its requester's summary and who decided it. */
export type JoinRequestRow = SummaryRow & {
  request_id: string;
  community_id: string;
  message: string | null;
  request_status: CommunityRequestStatus;
  reason: string | null;
  decided_at: Date | null;
  requested_at: Date;
  decider_id: string | null;
  decider_name: string | null;
  cursor_key: string;
};

function selectJoinRequests(db: Executor) {
  return db
    .selectFrom("community_requests")
    .innerJoin("users", "users.id", "community_requests.user_id")
    .leftJoin("users as decider", "decider.id", "community_requests.decided_by")
    .select([
      ...summaryColumns,
      "community_requests.id as request_id",
      "community_requests.community_id",
      "community_requests.message",
      "community_requests.status as request_status",
      "community_requests.reason",
      "community_requests.decided_at",
      "community_requests.created_at as requested_at",
      "decider.id as decider_id",
      "decider.display_name as decider_name",
      cursorTimestamp("community_requests.created_at").as("cursor_key"),
    ]);
}

/** One request of one community: a request of another community is as missing as an unknown id. */
export async function findJoinRequest(db: Executor, communityId: string, requestId: string): Promise<JoinRequestRow | undefined> {
  return selectJoinRequests(db).where("community_requests.id", "=", requestId).where("community_requests.community_id", "=", communityId).executeTakeFirst();
}

export async function findPendingJoinRequest(db: Executor, communityId: string, userId: string): Promise<JoinRequestRow | undefined> {
  return selectJoinRequests(db)
    .where("community_requests.community_id", "=", communityId)
    .where("community_requests.user_id", "=", userId)
    .where("community_requests.status", "=", "pending")
    .executeTakeFirst();
}

export async function insertJoinRequest(
  tx: Executor,
  request: { id: string; communityId: string; userId: string; message: string | null; status: CommunityRequestStatus; decidedBy?: string | null },
): Promise<void> {
  const decided = request.status !== "pending";
  await tx
    .insertInto("community_requests")
    .values({
      id: request.id,
      community_id: request.communityId,
      user_id: request.userId,
      message: request.message,
      status: request.status,
      decided_by: decided ? (request.decidedBy ?? null) : null,
      decided_at: decided ? new Date() : null,
    })
    .execute();
}

/** Records the answer to a pending request (a withdrawal is decided by the requester). */
export async function decideJoinRequest(
  tx: Executor,
  decision: { id: string; status: Exclude<CommunityRequestStatus, "pending">; decidedBy: string | null; reason?: string | null },
): Promise<void> {
  await tx
    .updateTable("community_requests")
    .set({ status: decision.status, decided_by: decision.decidedBy, decided_at: new Date(), reason: decision.reason ?? null })
    .where("id", "=", decision.id)
    .execute();
}

/** One page of a community's requests in one status, oldest first, from people `viewer` may see. */
export async function listJoinRequestRows(
  db: Executor,
  filter: { viewer: Viewer; communityId: string; status: CommunityRequestStatus; after?: Cursor | undefined; limit: number },
): Promise<JoinRequestRow[]> {
  let query = selectJoinRequests(db)
    .where("community_requests.community_id", "=", filter.communityId)
    .where("community_requests.status", "=", filter.status)
    .where(visiblePeople(filter.viewer));
  if (filter.after) {
    query = query.where(sql<boolean>`(community_requests.created_at, community_requests.id) > (${filter.after.key}::timestamptz, ${filter.after.id}::uuid)`);
  }
  return query.orderBy("community_requests.created_at").orderBy("community_requests.id").limit(filter.limit + 1).execute();
}
