import { sql } from "kysely";
import type { Executor, Tx } from "../../platform/db.ts";
import { errors } from "../../platform/errors.ts";
import type { Cursor } from "../../platform/pagination.ts";
import type { NetworkRole, UserRow, UserUpdate } from "../../platform/schema.ts";
import { visiblePeople, type Viewer } from "./policy.ts";
import { summaryColumns, type SummaryRow } from "./present.ts";

export async function findUserById(db: Executor, id: string): Promise<UserRow | undefined> {
  return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

/** A person `viewer` may see, or undefined (missing and hidden look the same). */
export async function findVisibleUser(db: Executor, viewer: Viewer, id: string): Promise<UserRow | undefined> {
  return db.selectFrom("users").selectAll().where("users.id", "=", id).where(visiblePeople(viewer)).executeTakeFirst();
}

const REPORTS_SHOWN = 200;

/** A person's manager and direct reports, for the org chart: only active people `viewer` may see. */
export async function findOrgChart(
  db: Executor,
  input: { viewer: Viewer; user: Pick<UserRow, "id" | "manager_id"> },
): Promise<{ manager: SummaryRow | undefined; reports: SummaryRow[] }> {
  const { viewer, user } = input;
  const visibleActive = () =>
    db.selectFrom("users").select(summaryColumns).where("users.status", "=", "active").where(visiblePeople(viewer));
  const [manager, reports] = await Promise.all([
    user.manager_id ? visibleActive().where("users.id", "=", user.manager_id).executeTakeFirst() : Promise.resolve(undefined),
    visibleActive()
      .where("users.manager_id", "=", user.id)
      .orderBy(sql`ruche_fold(users.display_name)`)
      .orderBy("users.id")
      .limit(REPORTS_SHOWN)
      .execute(),
  ]);
  return { manager, reports };
}

export interface DirectoryFilters {
  /** Search terms, each matched against name, job title, department or a skill. */
  terms: string[];
  department?: string | undefined;
  location?: string | undefined;
  /** A normalised skill. */
  skill?: string | undefined;
  includeInactive: boolean;
  after?: Cursor | undefined;
  limit: number;
}

function likePattern(term: string) {
  const escaped = term.replace(/[\\%_]/g, (c) => `\\${c}`);
  return sql<string>`'%' || ruche_fold(${escaped}) || '%'`;
}

/** One page of the directory, in folded-name order, with each row's sort key for the cursor. */
export async function listDirectory(db: Executor, viewer: Viewer, filters: DirectoryFilters): Promise<(SummaryRow & { sort_name: string })[]> {
  let query = db
    .selectFrom("users")
    .select([...summaryColumns, sql<string>`ruche_fold(users.display_name)`.as("sort_name")])
    .where(visiblePeople(viewer));
  if (!filters.includeInactive) query = query.where("users.status", "=", "active");
  for (const term of filters.terms) {
    const pattern = likePattern(term);
    query = query.where(
      sql<boolean>`(ruche_fold(users.display_name) like ${pattern}
        or ruche_fold(users.job_title) like ${pattern}
        or ruche_fold(users.department) like ${pattern}
        or exists (select 1 from unnest(users.skills) as skill(name) where ruche_fold(skill.name) like ${pattern}))`,
    );
  }
  if (filters.department) query = query.where(sql<boolean>`ruche_fold(users.department) = ruche_fold(${filters.department})`);
  if (filters.location) query = query.where(sql<boolean>`ruche_fold(users.location) = ruche_fold(${filters.location})`);
  if (filters.skill) query = query.where(sql<boolean>`users.skills @> array[${filters.skill}]::text[]`);
  if (filters.after) {
    query = query.where(sql<boolean>`(ruche_fold(users.display_name), users.id) > (${filters.after.key}, ${filters.after.id}::uuid)`);
  }
  return query
    .orderBy(sql`ruche_fold(users.display_name)`)
    .orderBy("users.id")
    .limit(filters.limit + 1)
    .execute();
}

/** A person who may be named someone's manager: active, not a guest, visible to `viewer`. */
export async function findEligibleManager(db: Executor, viewer: Viewer, id: string): Promise<{ id: string } | undefined> {
  return db
    .selectFrom("users")
    .select("users.id")
    .where("users.id", "=", id)
    .where("users.status", "=", "active")
    .where("users.role", "!=", "guest")
    .where(visiblePeople(viewer))
    .executeTakeFirst();
}

/** Whether `personId` is `managerId` or above them in the management chain. */
export async function isInManagementChain(db: Executor, input: { managerId: string; personId: string }): Promise<boolean> {
  // `union` (not `union all`) stops at a repeated row, so even a corrupt cyclic chain terminates.
  const result = await sql<{ found: number }>`
    with recursive chain(id, manager_id) as (
      select id, manager_id from users where id = ${input.managerId}
      union
      select users.id, users.manager_id from users join chain on users.id = chain.manager_id
    )
    select 1 as found from chain where id = ${input.personId} limit 1
  `.execute(db);
  return result.rows.length > 0;
}

/** Serialises changes to the org chart, so two concurrent edits cannot close a cycle between them. */
export async function lockOrgChart(tx: Tx): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('ruche.org_chart'))`.execute(tx);
}

export async function updateUser(tx: Tx, id: string, changes: UserUpdate): Promise<void> {
  await tx.updateTable("users").set({ ...changes, updated_at: new Date() }).where("id", "=", id).execute();
}

/** Locks and returns a user, for a change that depends on their current state. */
export async function lockUser(tx: Tx, id: string): Promise<UserRow | undefined> {
  return tx.selectFrom("users").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

/**
 * Locks every active admin and returns their ids. Two admins demoting each other at once queue
 * here, and the second sees the first's change, so Ruche always keeps one.
 */
export async function lockActiveAdmins(tx: Tx): Promise<string[]> {
  const rows = await tx.selectFrom("users").select("id").where("role", "=", "admin").where("status", "=", "active").orderBy("id").forUpdate().execute();
  return rows.map((row) => row.id);
}

export async function setRole(tx: Tx, id: string, role: NetworkRole): Promise<void> {
  await updateUser(tx, id, { role });
}

/** Points a person at a new avatar file (or none) and returns the one they had. */
export async function swapAvatar(tx: Tx, userId: string, fileId: string | null): Promise<string | null> {
  const user = await tx.selectFrom("users").select("avatar_file_id").where("id", "=", userId).forUpdate().executeTakeFirst();
  if (!user) throw errors.notFound("user");
  await updateUser(tx, userId, { avatar_file_id: fileId });
  return user.avatar_file_id;
}
