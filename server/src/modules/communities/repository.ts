import { sql, type SelectQueryBuilder } from "kysely";
import type { Executor } from "../../platform/db.ts";
import type { Cursor } from "../../platform/pagination.ts";
import type { CommunityKind, CommunityRole, CommunityVisibility, Database } from "../../platform/schema.ts";
import type { Viewer } from "../people/policy.ts";
import { visiblePeople } from "../people/policy.ts";
import { summaryColumns, type SummaryRow } from "../people/present.ts";
import { isMemberFilter, visibleCommunities } from "./policy.ts";

/** A community row with what its viewer needs: their explicit role, its size and guest marker. */
export interface CommunityRow {
  id: string;
  kind: CommunityKind;
  visibility: CommunityVisibility;
  name: string;
  description: string | null;
  posting_policy: "all" | "managers";
  starts_on: string | null;
  ends_on: string | null;
  archived_at: Date | null;
  deleted_at: Date | null;
  created_at: Date;
  updated_at: Date;
  explicit_role: CommunityRole | null;
  member_count: number;
  has_guests: boolean;
  sort_name: string;
  cover_file_id: string | null;
  charter_version: number | null;
  charter_text: string | null;
  charter_required: boolean | null;
  charter_created_at: Date | null;
  /** When the viewer accepted the charter in force. */
  charter_accepted_at: Date | null;
  my_request_id: string | null;
  my_request_created_at: Date | null;
  my_refusal_reason: string | null;
  my_refusal_at: Date | null;
  my_invitation_id: string | null;
  my_invitation_created_at: Date | null;
  my_invitation_by_id: string | null;
  my_invitation_by_name: string | null;
}

/** The "external" marker: an external community, or one a guest belongs to (counted by triggers, migration 0007). */
const hasGuests = () => sql<boolean>`(communities.kind = 'external' or communities.guest_count > 0)`;

/** When the viewer accepted the charter in force, if they did. */
const charterAcceptedAt = (viewer: Viewer) => sql<Date | null>`(select ca.accepted_at from charter_acceptances ca
  where ca.community_id = communities.id and ca.version = communities.charter_version and ca.user_id = ${viewer.id})`;

function selectCommunities(db: Executor, viewer: Viewer): SelectQueryBuilder<Database, "communities", CommunityRow> {
  return db
    .selectFrom("communities")
    .leftJoin("community_charters as charter", (join) =>
      join.onRef("charter.community_id", "=", "communities.id").onRef("charter.version", "=", "communities.charter_version"),
    )
    .leftJoin("community_requests as my_request", (join) =>
      join.onRef("my_request.community_id", "=", "communities.id").on("my_request.user_id", "=", viewer.id).on("my_request.status", "=", "pending"),
    )
    // The viewer's latest decided request, when it was a refusal.
    .leftJoin(
      (eb) =>
        eb
          .selectFrom("community_requests")
          .select(["community_requests.community_id", "community_requests.reason", "community_requests.decided_at", "community_requests.status"])
          .where("community_requests.user_id", "=", viewer.id)
          .where("community_requests.status", "in", ["approved", "refused"])
          .distinctOn("community_requests.community_id")
          .orderBy("community_requests.community_id")
          .orderBy("community_requests.decided_at", "desc")
          .as("my_refusal"),
      (join) => join.onRef("my_refusal.community_id", "=", "communities.id").on("my_refusal.status", "=", "refused"),
    )
    .leftJoin("community_invitations as my_invitation", (join) =>
      join.onRef("my_invitation.community_id", "=", "communities.id").on("my_invitation.user_id", "=", viewer.id).on("my_invitation.status", "=", "pending"),
    )
    .leftJoin("users as inviter", "inviter.id", "my_invitation.invited_by")
    .select([
      "communities.id",
      "communities.kind",
      "communities.visibility",
      "communities.name",
      "communities.description",
      "communities.posting_policy",
      sql<string | null>`to_char(communities.starts_on, 'YYYY-MM-DD')`.as("starts_on"),
      sql<string | null>`to_char(communities.ends_on, 'YYYY-MM-DD')`.as("ends_on"),
      "communities.archived_at",
      "communities.deleted_at",
      "communities.created_at",
      "communities.updated_at",
      sql<CommunityRole | null>`(select cm.role from community_members cm
        where cm.community_id = communities.id and cm.user_id = ${viewer.id})`.as("explicit_role"),
      // Company communities hold every active non-guest implicitly; others count their active rows.
      sql<number>`case when communities.kind = 'company'
        then (select count(*) from users u where u.role <> 'guest' and u.status = 'active')
        else (select count(*) from community_members cm join users u on u.id = cm.user_id
          where cm.community_id = communities.id and u.status = 'active') end::int`.as("member_count"),
      hasGuests().as("has_guests"),
      sql<string>`ruche_fold(communities.name)`.as("sort_name"),
      "communities.cover_file_id",
      "communities.charter_version",
      "charter.text as charter_text",
      "charter.required as charter_required",
      "charter.created_at as charter_created_at",
      charterAcceptedAt(viewer).as("charter_accepted_at"),
      "my_request.id as my_request_id",
      "my_request.created_at as my_request_created_at",
      sql<string | null>`my_refusal.reason`.as("my_refusal_reason"),
      sql<Date | null>`my_refusal.decided_at`.as("my_refusal_at"),
      "my_invitation.id as my_invitation_id",
      "my_invitation.created_at as my_invitation_created_at",
      "inviter.id as my_invitation_by_id",
      "inviter.display_name as my_invitation_by_name",
    ])
    .where(visibleCommunities(viewer));
}

/** A community `viewer` may see, or undefined: missing, hidden and (for non-admins) deleted look the same. */
export async function findVisibleCommunity(db: Executor, viewer: Viewer, id: string): Promise<CommunityRow | undefined> {
  return selectCommunities(db, viewer).where("communities.id", "=", id).executeTakeFirst();
}

/** The communities among `ids` that `viewer` may see, in no particular order. */
export async function findVisibleCommunities(db: Executor, viewer: Viewer, ids: string[]): Promise<CommunityRow[]> {
  if (ids.length === 0) return [];
  return selectCommunities(db, viewer).where("communities.id", "in", ids).execute();
}

/** What the policy needs of a community, and how its posts name it, without counts or requests. */
export type CommunityFactsRow = Pick<
  CommunityRow,
  "id" | "name" | "kind" | "visibility" | "posting_policy" | "archived_at" | "deleted_at" | "explicit_role" | "has_guests" | "charter_required" | "charter_accepted_at" | "my_invitation_id"
>;

/**
 * The policy facts of communities as `viewer` stands in them, without a visibility filter: the
 * caller asks the policy about each. The post presenter joins it beside each post, so that a page
 * of posts and their communities come in one query.
 */
export function communityFactsQuery(db: Executor, viewer: Viewer) {
  return db
    .selectFrom("communities")
    .leftJoin("community_charters as charter", (join) =>
      join.onRef("charter.community_id", "=", "communities.id").onRef("charter.version", "=", "communities.charter_version"),
    )
    .leftJoin("community_members as mine", (join) => join.onRef("mine.community_id", "=", "communities.id").on("mine.user_id", "=", viewer.id))
    .select([
      "communities.id",
      "communities.name",
      "communities.kind",
      "communities.visibility",
      "communities.posting_policy",
      "communities.archived_at",
      "communities.deleted_at",
      "mine.role as explicit_role",
      hasGuests().as("has_guests"),
      "charter.required as charter_required",
      charterAcceptedAt(viewer).as("charter_accepted_at"),
      sql<string | null>`(select ci.id from community_invitations ci where ci.community_id = communities.id
        and ci.user_id = ${viewer.id} and ci.status = 'pending' limit 1)`.as("my_invitation_id"),
    ]);
}

/** The policy facts of the communities among `ids`, as `viewer` stands in them, in one query. */
export async function communityFactsFor(db: Executor, viewer: Viewer, ids: string[]): Promise<CommunityFactsRow[]> {
  if (ids.length === 0) return [];
  return communityFactsQuery(db, viewer).where("communities.id", "in", ids).execute();
}

/** Whether a guest belongs to the community: such a community must stay external. */
export async function hasGuestMembers(db: Executor, communityId: string): Promise<boolean> {
  const row = await db.selectFrom("communities").select("guest_count").where("id", "=", communityId).executeTakeFirst();
  return (row?.guest_count ?? 0) > 0;
}

export interface CommunityFilters {
  terms: string[];
  kind?: CommunityKind | undefined;
  mine: boolean;
  invited: boolean;
  deleted: boolean;
  after?: Cursor | undefined;
  limit: number;
}

function likePattern(term: string) {
  const escaped = term.replace(/[\\%_]/g, (c) => `\\${c}`);
  return sql<string>`'%' || ruche_fold(${escaped}) || '%'`;
}

/** One page of the communities `viewer` may see, in folded-name order. */
export async function listVisibleCommunities(db: Executor, viewer: Viewer, filters: CommunityFilters): Promise<CommunityRow[]> {
  let query = selectCommunities(db, viewer);
  query = filters.deleted ? query.where("communities.deleted_at", "is not", null) : query.where("communities.deleted_at", "is", null);
  for (const term of filters.terms) {
    const pattern = likePattern(term);
    query = query.where(sql<boolean>`(ruche_fold(communities.name) like ${pattern} or ruche_fold(communities.description) like ${pattern})`);
  }
  if (filters.kind) query = query.where("communities.kind", "=", filters.kind);
  if (filters.mine) query = query.where(isMemberFilter(viewer));
  if (filters.invited) query = query.where(sql<boolean>`my_invitation.id is not null`);
  if (filters.after) {
    query = query.where(sql<boolean>`(ruche_fold(communities.name), communities.id) > (${filters.after.key}, ${filters.after.id}::uuid)`);
  }
  return query
    .orderBy(sql`ruche_fold(communities.name)`)
    .orderBy("communities.id")
    .limit(filters.limit + 1)
    .execute();
}

export type MemberRow = SummaryRow & { member_role: CommunityRole; joined_at: Date | null; sort_name: string; charter_accepted_at: Date | null };

/**
 * One page of a community's active members that `viewer` may see, in name order. A company
 * community's members are every active non-guest, with their explicit role where they have one.
 */
export async function listMembers(
  db: Executor,
  input: {
    viewer: Viewer;
    community: { id: string; kind: CommunityKind; charter_version: number | null };
    /** Whether to tell when each accepted the charter in force (for those who manage it). */
    withCharter: boolean;
    /** Only this person (to show one member after a change). */
    userId?: string | undefined;
    after?: Cursor | undefined;
    limit: number;
  },
): Promise<MemberRow[]> {
  const { viewer, community } = input;
  let query = db
    .selectFrom("users")
    .leftJoin("community_members as cm", (join) => join.onRef("cm.user_id", "=", "users.id").on("cm.community_id", "=", community.id))
    .select([
      ...summaryColumns,
      sql<CommunityRole>`coalesce(cm.role, 'member')`.as("member_role"),
      "cm.joined_at",
      sql<string>`ruche_fold(users.display_name)`.as("sort_name"),
      input.withCharter && community.charter_version !== null
        ? sql<Date | null>`(select ca.accepted_at from charter_acceptances ca where ca.community_id = ${community.id}
            and ca.version = ${community.charter_version} and ca.user_id = users.id)`.as("charter_accepted_at")
        : sql<Date | null>`null::timestamptz`.as("charter_accepted_at"),
    ])
    .where("users.status", "=", "active")
    .where(visiblePeople(viewer));
  query = community.kind === "company" ? query.where("users.role", "!=", "guest") : query.where("cm.user_id", "is not", null);
  if (input.userId) query = query.where("users.id", "=", input.userId);
  if (input.after) {
    query = query.where(sql<boolean>`(ruche_fold(users.display_name), users.id) > (${input.after.key}, ${input.after.id}::uuid)`);
  }
  return query
    .orderBy(sql`ruche_fold(users.display_name)`)
    .orderBy("users.id")
    .limit(input.limit + 1)
    .execute();
}

/** How many owners the community has, locking their rows so two leaving owners cannot both go. */
export async function countOwnersForUpdate(db: Executor, communityId: string): Promise<number> {
  const rows = await db
    .selectFrom("community_members")
    .select("user_id")
    .where("community_id", "=", communityId)
    .where("role", "=", "owner")
    .forUpdate()
    .execute();
  return rows.length;
}
