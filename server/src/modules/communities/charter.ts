import type { AcceptCharterBody, Community, SetCharterBody } from "@ruche/contracts";
import type { Db, Tx } from "../../platform/db.ts";
import { AppError, errors } from "../../platform/errors.ts";
import { appendEvent } from "../../platform/outbox.ts";
import type { Viewer } from "../people/policy.ts";
import { roleOf } from "./policy.ts";
import { factsOf, presentCommunity } from "./present.ts";
import type { CommunityRow } from "./repository.ts";
import { lockCommunity, requireAllowed, requireNotArchived, visibleCommunityOrThrow } from "./service.ts";

/** Whether the charter in force already says exactly this: publishing it again would ask everyone to re-accept for nothing. */
function isInForce(row: CommunityRow, charter: { text: string; required: boolean }): boolean {
  return row.charter_version !== null && row.charter_text === charter.text && row.charter_required === charter.required;
}

/** The next version number: versions are never reused, so an acceptance always names the text that was read. */
async function nextCharterVersion(tx: Tx, communityId: string): Promise<number> {
  const row = await tx
    .selectFrom("community_charters")
    .select((eb) => eb.fn.max("version").as("latest"))
    .where("community_id", "=", communityId)
    .executeTakeFirst();
  return (row?.latest ?? 0) + 1;
}

/**
 * Publishes a new charter version (owners, managers, admins) and puts it in force: members must
 * accept it again before posting when it is required. Older versions and their acceptances stay.
 */
export async function setCharter(db: Db, viewer: Viewer, id: string, body: SetCharterBody): Promise<Community> {
  const charter = { text: body.text.trim(), required: body.required };
  return db.transaction().execute(async (tx) => {
    const row = await lockCommunity(tx, viewer, id);
    requireAllowed(viewer, "manage", row);
    requireNotArchived(row);
    if (isInForce(row, charter)) return presentCommunity(viewer, row);
    const version = await nextCharterVersion(tx, id);
    await tx.insertInto("community_charters").values({ community_id: id, version, ...charter, created_by: viewer.id }).execute();
    await tx.updateTable("communities").set({ charter_version: version, updated_at: new Date() }).where("id", "=", id).execute();
    await appendEvent(tx, { type: "charter.published", actorId: viewer.id, subjectId: id, payload: { version, required: charter.required } });
    return presentCommunity(viewer, await visibleCommunityOrThrow(tx, viewer, id));
  });
}

/** Takes the charter out of force; its versions and acceptances stay on record. Without one, nothing changes. */
export async function removeCharter(db: Db, viewer: Viewer, id: string): Promise<Community> {
  return db.transaction().execute(async (tx) => {
    const row = await lockCommunity(tx, viewer, id);
    requireAllowed(viewer, "manage", row);
    requireNotArchived(row);
    if (row.charter_version === null) return presentCommunity(viewer, row);
    await tx.updateTable("communities").set({ charter_version: null, updated_at: new Date() }).where("id", "=", id).execute();
    await appendEvent(tx, { type: "charter.withdrawn", actorId: viewer.id, subjectId: id, payload: { version: row.charter_version } });
    return presentCommunity(viewer, await visibleCommunityOrThrow(tx, viewer, id));
  });
}

/**
 * Records that a member accepted the charter version they read. A version that is no longer in
 * force is refused, so nobody accepts a text they have not seen; accepting again keeps the first date.
 */
export async function acceptCharter(db: Db, viewer: Viewer, id: string, body: AcceptCharterBody): Promise<Community> {
  return db.transaction().execute(async (tx) => {
    const row = await lockCommunity(tx, viewer, id);
    if (row.deleted_at) throw new AppError("community_not_found");
    if (roleOf(viewer, factsOf(row)) === null) throw errors.forbidden("Only members accept a community's charter");
    if (row.charter_version === null) throw new AppError("charter_not_found");
    if (row.charter_version !== body.version) throw new AppError("charter_version_stale");
    const accepted = await tx
      .insertInto("charter_acceptances")
      .values({ community_id: id, user_id: viewer.id, version: body.version })
      .onConflict((conflict) => conflict.doNothing())
      .returning("version")
      .executeTakeFirst();
    if (accepted) await appendEvent(tx, { type: "charter.accepted", actorId: viewer.id, subjectId: id, payload: { version: body.version } });
    return presentCommunity(viewer, await visibleCommunityOrThrow(tx, viewer, id));
  });
}
