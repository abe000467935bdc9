import { sql } from "kysely";
import type { Db } from "../../platform/db.ts";
import { appendEvent } from "../../platform/outbox.ts";

/**
 * Archives the project communities whose end date has passed: a finished project becomes
 * read-only on its own. "Passed" is judged in the organisation's time zone, where people read
 * the end date, so a project ending on the 14th stays open until midnight there. Each end date
 * archives once: managers may unarchive an ended project to wrap it up without the next run
 * archiving it again (a new end date starts over). Returns the ids it archived.
 */
export async function archiveEndedProjects(db: Db, now: Date = new Date()): Promise<string[]> {
  return db.transaction().execute(async (tx) => {
    const organisation = await tx.selectFrom("organisation").select("default_timezone").executeTakeFirstOrThrow();
    const today = sql<Date>`(${now}::timestamptz at time zone ${organisation.default_timezone})::date`;
    const ended = await tx
      .updateTable("communities")
      .set({ end_archived_at: now })
      .where("kind", "=", "project")
      .where("end_archived_at", "is", null)
      .where("deleted_at", "is", null)
      .where("ends_on", "<", today)
      .returning(["id", "archived_at"])
      .execute();
    // Those already archived by hand stay as they were, without a second event.
    const open = ended.filter((row) => row.archived_at === null).map((row) => row.id);
    if (open.length === 0) return [];
    await tx.updateTable("communities").set({ archived_at: now, updated_at: now }).where("id", "in", open).execute();
    for (const id of open) {
      await appendEvent(tx, { type: "community.archived", actorId: null, subjectId: id, payload: { reason: "ended" } });
    }
    return open;
  });
}
