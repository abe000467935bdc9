import type { Me, Person, UpdateProfileBody } from "@ruche/contracts";
import type { Db, Executor, Tx } from "../../platform/db.ts";
import { AppError, errors } from "../../platform/errors.ts";
import { appendEvent } from "../../platform/outbox.ts";
import type { Viewer } from "./policy.ts";
import { presentMe, presentPerson } from "./present.ts";
import { profileChanges } from "./profile-rules.ts";
import {
  findEligibleManager,
  findOrgChart,
  findUserById,
  findVisibleUser,
  isInManagementChain,
  lockOrgChart,
  lockUser,
  updateUser,
} from "./repository.ts";

/** The signed-in person's own profile. */
export async function getMe(db: Executor, userId: string): Promise<Me> {
  const user = await findUserById(db, userId);
  if (!user) throw errors.notFound("user");
  // The person is the viewer of their own org chart: a guest sees only the people they may see.
  const { manager, reports } = await findOrgChart(db, { viewer: user, user });
  return presentMe(user, manager, reports);
}

/** A person's profile as `viewer` may see it; hidden and unknown people are the same 404. */
export async function getPerson(db: Executor, viewer: Viewer, personId: string): Promise<Person> {
  const user = await findVisibleUser(db, viewer, personId);
  if (!user) throw errors.notFound("user");
  const { manager, reports } = await findOrgChart(db, { viewer, user });
  return presentPerson(user, manager, reports);
}

/**
 * Applies a profile update to `personId` on behalf of `viewer` (themself, or an admin), in one
 * transaction. Every rule is checked before anything is written.
 */
export async function updateProfile(db: Db, input: { viewer: Viewer; personId: string; body: UpdateProfileBody }): Promise<void> {
  const { viewer, personId, body } = input;
  const changes = profileChanges(body);
  await db.transaction().execute(async (tx) => {
    if (changes.manager_id !== undefined) await lockOrgChart(tx);
    const person = await lockUser(tx, personId);
    if (!person) throw errors.notFound("user");
    if (changes.manager_id) await checkManager(tx, { viewer, personId, managerId: changes.manager_id });
    await updateUser(tx, personId, changes);
    await appendEvent(tx, {
      type: "user.profile_updated",
      actorId: viewer.id,
      subjectId: personId,
      payload: { fields: Object.keys(body).sort() },
    });
  });
}

function managerError(code: "validation_failed" | "manager_cycle", message: string): AppError {
  return new AppError(code, `managerId: ${message}`, [{ field: "managerId", message }]);
}

async function checkManager(tx: Tx, input: { viewer: Viewer; personId: string; managerId: string }): Promise<void> {
  if (input.managerId === input.personId) throw managerError("manager_cycle", "a person cannot be their own manager");
  // Unknown, hidden, deactivated and guest managers all get the same answer.
  const manager = await findEligibleManager(tx, input.viewer, input.managerId);
  if (!manager) throw managerError("validation_failed", "is not an active member of the organisation");
  if (await isInManagementChain(tx, { managerId: input.managerId, personId: input.personId })) {
    throw managerError("manager_cycle", "this person already manages them, directly or indirectly");
  }
}
