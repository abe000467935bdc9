import type { FollowState } from "@ruche/contracts";
import type { Db, Executor } from "../../platform/db.ts";
import { errors } from "../../platform/errors.ts";
import { appendEvent } from "../../platform/outbox.ts";
import { canSeePerson, type Viewer } from "../people/policy.ts";

/** Whether `viewer` follows `personId` (a row of `person_follows`). */
async function isFollowing(db: Executor, viewer: Viewer, personId: string): Promise<boolean> {
  const row = await db.selectFrom("person_follows").select("followed_id").where("follower_id", "=", viewer.id).where("followed_id", "=", personId).executeTakeFirst();
  return row !== undefined;
}

/** The person must be one the viewer may see: anyone else answers the same 404 as an unknown id. */
async function requireVisible(db: Executor, viewer: Viewer, personId: string): Promise<void> {
  if (!(await canSeePerson(db, viewer, personId))) throw errors.notFound("user");
}

/** Whether the viewer follows a person they may see. */
export async function followState(db: Executor, viewer: Viewer, personId: string): Promise<FollowState> {
  await requireVisible(db, viewer, personId);
  return { following: await isFollowing(db, viewer, personId) };
}

/**
 * Follows a person: their posts reach the viewer's home feed, wherever the viewer may read them
 * (never from a community the viewer may not read). Following twice changes nothing.
 */
export async function followPerson(db: Db, viewer: Viewer, personId: string): Promise<void> {
  if (personId === viewer.id) throw errors.invalidField("id", "is yourself: one cannot follow oneself");
  await db.transaction().execute(async (tx) => {
    await requireVisible(tx, viewer, personId);
    const inserted = await tx
      .insertInto("person_follows")
      .values({ follower_id: viewer.id, followed_id: personId })
      .onConflict((conflict) => conflict.columns(["follower_id", "followed_id"]).doNothing())
      .returning("followed_id")
      .executeTakeFirst();
    if (inserted) await appendEvent(tx, { type: "person.followed", actorId: viewer.id, subjectId: personId });
  });
}

/**
 * Stops following a person. Someone the viewer no longer sees (deactivated, or a guest's former
 * co-member) can still be unfollowed: the viewer knew them when they followed.
 */
export async function unfollowPerson(db: Db, viewer: Viewer, personId: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const deleted = await tx.deleteFrom("person_follows").where("follower_id", "=", viewer.id).where("followed_id", "=", personId).executeTakeFirst();
    if (deleted.numDeletedRows === 0n) {
      await requireVisible(tx, viewer, personId);
      return;
    }
    await appendEvent(tx, { type: "person.unfollowed", actorId: viewer.id, subjectId: personId });
  });
}
