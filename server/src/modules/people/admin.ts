import type { NetworkRole } from "@ruche/contracts";
import { revokeSessions } from "../../platform/auth.ts";
import type { Db, Tx } from "../../platform/db.ts";
import { AppError, errors } from "../../platform/errors.ts";
import { appendEvent } from "../../platform/outbox.ts";
import type { UserRow } from "../../platform/schema.ts";
import type { Viewer } from "./policy.ts";
import { lockActiveAdmins, lockUser, setRole, updateUser } from "./repository.ts";

interface AdminAction {
  actor: Viewer;
  personId: string;
}

/**
 * Locks the active admins, then the person (always in this order, so concurrent admin actions
 * cannot deadlock), and refuses a change that would leave Ruche without an active admin.
 */
async function lockForAdminChange(tx: Tx, personId: string): Promise<{ person: UserRow; isLastAdmin: boolean }> {
  const admins = await lockActiveAdmins(tx);
  const person = await lockUser(tx, personId);
  if (!person) throw errors.notFound("user");
  return { person, isLastAdmin: admins.length === 1 && admins[0] === person.id };
}

/** Gives a person another network role; demoting the last active admin is refused. */
export async function changeRole(db: Db, input: AdminAction & { role: NetworkRole }): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const { person, isLastAdmin } = await lockForAdminChange(tx, input.personId);
    if (person.role === input.role) return;
    if (isLastAdmin) throw new AppError("last_admin", "role: the last active administrator cannot be demoted", [{ field: "role", message: "the last active administrator cannot be demoted" }]);
    await setRole(tx, person.id, input.role);
    await appendEvent(tx, {
      type: "user.role_changed",
      actorId: input.actor.id,
      subjectId: person.id,
      payload: { from: person.role, to: input.role },
    });
  });
}

/**
 * Deactivates an account: its sessions end in the same transaction, so the person is signed out
 * on their next request; their tokens stop working because only active accounts authenticate.
 */
export async function deactivatePerson(db: Db, input: AdminAction): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const { person, isLastAdmin } = await lockForAdminChange(tx, input.personId);
    if (person.status === "deactivated") return;
    if (isLastAdmin) throw new AppError("last_admin", "The last active administrator cannot be deactivated");
    await revokeSessions(tx, person.id);
    await updateUser(tx, person.id, { status: "deactivated", deactivated_at: new Date() });
    await appendEvent(tx, { type: "user.deactivated", actorId: input.actor.id, subjectId: person.id });
  });
}

/** Lets a deactivated person sign in again. */
export async function reactivatePerson(db: Db, input: AdminAction): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const person = await lockUser(tx, input.personId);
    if (!person) throw errors.notFound("user");
    if (person.status === "active") return;
    await updateUser(tx, person.id, { status: "active", deactivated_at: null });
    await appendEvent(tx, { type: "user.reactivated", actorId: input.actor.id, subjectId: person.id });
  });
}
