import type { UpdateWorkingTimeBody, WorkingTime } from "@ruche/contracts";
import type { Actor } from "../../platform/auth.ts";
import type { Db, Executor } from "../../platform/db.ts";
import { errors } from "../../platform/errors.ts";
import { appendEvent } from "../../platform/outbox.ts";
import { findWorkingTime, updateWorkingTime as writeWorkingTime, type WorkingTimeRow } from "./repository.ts";
import { minutesOf } from "./working-time.ts";

/** PostgreSQL's "08:00:00" as the contract's "08:00". */
const hoursAndMinutes = (time: string): string => time.slice(0, 5);

function presentWorkingTime(row: WorkingTimeRow): WorkingTime {
  return {
    workingDays: [...row.working_days].sort((a, b) => a - b),
    workStarts: hoursAndMinutes(row.work_starts),
    workEnds: hoursAndMinutes(row.work_ends),
    timezone: row.default_timezone,
    managersMayUrge: row.managers_may_urge,
  };
}

/** The organisation's working time (any signed-in person: their own schedule derives from it). */
export async function getWorkingTime(db: Executor): Promise<WorkingTime> {
  return presentWorkingTime(await findWorkingTime(db));
}

/** Applies an admin's change to the working time; the day must start before it ends. */
export async function updateWorkingTime(db: Db, input: { actor: Actor; body: UpdateWorkingTimeBody }): Promise<WorkingTime> {
  const { body } = input;
  return db.transaction().execute(async (tx) => {
    const current = await findWorkingTime(tx);
    const starts = body.workStarts ?? hoursAndMinutes(current.work_starts);
    const ends = body.workEnds ?? hoursAndMinutes(current.work_ends);
    if (minutesOf(starts) >= minutesOf(ends)) throw errors.invalidField(body.workEnds ? "workEnds" : "workStarts", "the working day must start before it ends");
    await writeWorkingTime(tx, {
      ...(body.workingDays ? { working_days: body.workingDays } : {}),
      ...(body.workStarts ? { work_starts: body.workStarts } : {}),
      ...(body.workEnds ? { work_ends: body.workEnds } : {}),
      ...(body.managersMayUrge !== undefined ? { managers_may_urge: body.managersMayUrge } : {}),
    });
    await appendEvent(tx, { type: "organisation.updated", actorId: input.actor.id, payload: { fields: Object.keys(body).sort() } });
    return presentWorkingTime(await findWorkingTime(tx));
  });
}
