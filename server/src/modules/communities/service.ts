import type { Community, CreateCommunityBody, UpdateCommunityBody } from "@ruche/contracts";
import type { Db, Executor, Tx } from "../../platform/db.ts";
import { AppError, errors } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { appendEvent } from "../../platform/outbox.ts";
import type { CommunityKind, CommunityUpdate } from "../../platform/schema.ts";
import type { Viewer } from "../people/policy.ts";
import { can, type CommunityAction, type CommunityFacts } from "./policy.ts";
import { factsOf, presentCommunity } from "./present.ts";
import { communityFactsFor, findVisibleCommunity, hasGuestMembers, type CommunityRow } from "./repository.ts";

const RESTORE_DAYS = 30;
const ADMIN_ONLY_KINDS = new Set(["company", "external"]);

const notFound = () => new AppError("community_not_found");

/** The community `viewer` may see, or the same 404 whether it is missing, hidden or deleted. */
export async function visibleCommunityOrThrow(db: Executor, viewer: Viewer, id: string): Promise<CommunityRow> {
  const row = await findVisibleCommunity(db, viewer, id);
  if (!row) throw notFound();
  return row;
}

/**
 * Checks that `viewer` may `action` in a community, from its policy facts alone: the same 404 as
 * an unknown id when they may not see it (or it is deleted), a 403 when they see it but may not
 * act. Cheaper than `visibleCommunityOrThrow`, which also loads what showing the community needs
 * (its member count among others): feeds check access on every page.
 */
export async function requireCommunityAccess(db: Executor, viewer: Viewer, input: { id: string; action: CommunityAction }): Promise<CommunityFacts> {
  const [row] = await communityFactsFor(db, viewer, [input.id]);
  const facts = row ? factsOf(row) : undefined;
  if (!facts || facts.deleted || !can(viewer, "see", facts)) throw notFound();
  if (!can(viewer, input.action, facts)) throw errors.forbidden();
  return facts;
}

/** Locks the community's row for the rest of the transaction, then reads it as `viewer` sees it. */
export async function lockCommunity(tx: Tx, viewer: Viewer, id: string): Promise<CommunityRow> {
  await tx.selectFrom("communities").select("id").where("id", "=", id).forUpdate().executeTakeFirst();
  return visibleCommunityOrThrow(tx, viewer, id);
}

/** Checks the action; a deleted community (which only admins still see) takes no change but a restore. */
export function requireAllowed(viewer: Viewer, action: CommunityAction, row: CommunityRow): void {
  if (row.deleted_at) throw notFound();
  if (!can(viewer, action, factsOf(row))) throw errors.forbidden();
}

export function requireNotArchived(row: CommunityRow): void {
  if (row.archived_at) throw new AppError("community_archived");
}

function isRealDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

type DateFields = { kind: string; startsOn: string | null; endsOn: string | null };

/** Dates belong to project communities, must exist, and a project cannot end before it starts. */
function checkDates({ kind, startsOn, endsOn }: DateFields): void {
  for (const [field, value] of [["startsOn", startsOn], ["endsOn", endsOn]] as const) {
    if (value === null) continue;
    if (kind !== "project") throw errors.invalidField(field, "is only for project communities");
    if (!isRealDate(value)) throw errors.invalidField(field, "is not a day of the calendar");
  }
  if (startsOn && endsOn && endsOn < startsOn) throw errors.invalidField("endsOn", "is before startsOn");
}

/** Creates a community with its creator as owner. Members create interest, profession and project ones. */
export async function createCommunity(db: Db, viewer: Viewer, body: CreateCommunityBody): Promise<Community> {
  if (viewer.role === "guest") throw errors.forbidden();
  if (ADMIN_ONLY_KINDS.has(body.kind) && viewer.role !== "admin") throw new AppError("community_kind_not_allowed");
  if (body.kind === "company" && body.visibility !== "public") throw errors.invalidField("visibility", "must be public for a company community");
  const dates = { kind: body.kind, startsOn: body.startsOn ?? null, endsOn: body.endsOn ?? null };
  checkDates(dates);
  const id = newId();
  return db.transaction().execute(async (tx) => {
    await tx
      .insertInto("communities")
      .values({
        id,
        kind: body.kind,
        visibility: body.visibility,
        name: body.name.trim(),
        description: body.description?.trim() || null,
        posting_policy: body.postingPolicy ?? "all",
        starts_on: dates.startsOn,
        ends_on: dates.endsOn,
        created_by: viewer.id,
      })
      .execute();
    await tx.insertInto("community_members").values({ community_id: id, user_id: viewer.id, role: "owner" }).execute();
    await appendEvent(tx, { type: "community.created", actorId: viewer.id, subjectId: id, payload: { kind: body.kind } });
    return presentCommunity(viewer, await visibleCommunityOrThrow(tx, viewer, id));
  });
}

export async function getCommunity(db: Executor, viewer: Viewer, id: string): Promise<Community> {
  return presentCommunity(viewer, await visibleCommunityOrThrow(db, viewer, id));
}

/**
 * Company and external communities are an administrator's decision (everyone belongs to the
 * first, guests to the second), and guests must never end up in a community that no longer
 * says it is external.
 */
async function checkKindChange(tx: Tx, change: { viewer: Viewer; row: CommunityRow; kind: CommunityKind }): Promise<void> {
  const { viewer, row, kind } = change;
  if (kind === row.kind) return;
  if ((ADMIN_ONLY_KINDS.has(row.kind) || ADMIN_ONLY_KINDS.has(kind)) && viewer.role !== "admin") throw new AppError("community_kind_not_allowed");
  if (kind !== "external" && (await hasGuestMembers(tx, row.id))) throw new AppError("community_has_guests");
  if (row.kind === "company" && !(await anotherCompanyCommunity(tx, row.id))) {
    throw errors.invalidField("kind", "must stay company: the organisation needs at least one company community");
  }
}

/** Whether a live company community other than `id` exists (the organisation always keeps one). */
async function anotherCompanyCommunity(tx: Tx, id: string): Promise<boolean> {
  const other = await tx
    .selectFrom("communities")
    .select("id")
    .where("kind", "=", "company")
    .where("deleted_at", "is", null)
    .where("id", "!=", id)
    .executeTakeFirst();
  return other !== undefined;
}

function settingsUpdate(row: CommunityRow, body: UpdateCommunityBody): CommunityUpdate {
  const kind = body.kind ?? row.kind;
  if (kind === "company" && (body.visibility ?? row.visibility) !== "public") {
    throw errors.invalidField("visibility", "must be public for a company community");
  }
  // Dates belong to projects: a community that stops being one loses them unless the body sets them (refused below).
  const startsOn = body.startsOn !== undefined ? body.startsOn : kind === "project" ? row.starts_on : null;
  const endsOn = body.endsOn !== undefined ? body.endsOn : kind === "project" ? row.ends_on : null;
  checkDates({ kind, startsOn, endsOn });
  const update: CommunityUpdate = { updated_at: new Date(), starts_on: startsOn, ends_on: endsOn };
  if (body.name !== undefined) update.name = body.name.trim();
  if (body.description !== undefined) update.description = body.description?.trim() || null;
  if (body.visibility !== undefined) update.visibility = body.visibility;
  if (body.postingPolicy !== undefined) update.posting_policy = body.postingPolicy;
  if (body.kind !== undefined) update.kind = body.kind;
  // A new end date is a new life for the project: it will be archived again once that one passes.
  if (endsOn !== row.ends_on) update.end_archived_at = null;
  return update;
}

/** Edits a community's settings (owners, managers, admins); an archived community is read-only. */
export async function updateCommunity(db: Db, viewer: Viewer, id: string, body: UpdateCommunityBody): Promise<Community> {
  return db.transaction().execute(async (tx) => {
    const row = await lockCommunity(tx, viewer, id);
    requireAllowed(viewer, "manage", row);
    requireNotArchived(row);
    if (body.kind !== undefined) await checkKindChange(tx, { viewer, row, kind: body.kind });
    await tx.updateTable("communities").set(settingsUpdate(row, body)).where("id", "=", id).execute();
    await appendEvent(tx, { type: "community.updated", actorId: viewer.id, subjectId: id, payload: { fields: Object.keys(body) } });
    return presentCommunity(viewer, await visibleCommunityOrThrow(tx, viewer, id));
  });
}

/** Archives (read-only) or unarchives a community; asking for the state it is in changes nothing. */
export async function setArchived(db: Db, viewer: Viewer, id: string, archived: boolean): Promise<Community> {
  return db.transaction().execute(async (tx) => {
    const row = await lockCommunity(tx, viewer, id);
    requireAllowed(viewer, "manage", row);
    if (row.kind === "company") throw errors.forbidden("A company community cannot be archived");
    if ((row.archived_at !== null) !== archived) {
      await tx
        .updateTable("communities")
        .set({ archived_at: archived ? new Date() : null, updated_at: new Date() })
        .where("id", "=", id)
        .execute();
      await appendEvent(tx, { type: archived ? "community.archived" : "community.unarchived", actorId: viewer.id, subjectId: id });
    }
    return presentCommunity(viewer, await visibleCommunityOrThrow(tx, viewer, id));
  });
}

/** Soft-deletes a community (owners, admins): it disappears for everyone but admins, who may restore it. */
export async function deleteCommunity(db: Db, viewer: Viewer, id: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const row = await lockCommunity(tx, viewer, id);
    requireAllowed(viewer, "delete", row);
    if (row.kind === "company") throw errors.forbidden("A company community cannot be deleted");
    await tx.updateTable("communities").set({ deleted_at: new Date(), updated_at: new Date() }).where("id", "=", id).execute();
    await appendEvent(tx, { type: "community.deleted", actorId: viewer.id, subjectId: id });
  });
}

/** Brings back a community deleted less than 30 days ago (admins only). */
export async function restoreCommunity(db: Db, viewer: Viewer, id: string): Promise<Community> {
  return db.transaction().execute(async (tx) => {
    const row = await lockCommunity(tx, viewer, id);
    if (viewer.role !== "admin") throw errors.forbidden("Only administrators can restore a community");
    if (row.deleted_at) {
      if (Date.now() - row.deleted_at.getTime() > RESTORE_DAYS * 24 * 3600 * 1000) throw new AppError("community_restore_expired");
      await tx.updateTable("communities").set({ deleted_at: null, updated_at: new Date() }).where("id", "=", id).execute();
      await appendEvent(tx, { type: "community.restored", actorId: viewer.id, subjectId: id });
    }
    return presentCommunity(viewer, await visibleCommunityOrThrow(tx, viewer, id));
  });
}
