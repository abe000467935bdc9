import type { SetupBody, SetupStatus } from "@ruche/contracts";
import { createSession } from "../../platform/auth.ts";
import type { Db } from "../../platform/db.ts";
import { AppError, errors } from "../../platform/errors.ts";
import { appendEvent } from "../../platform/outbox.ts";
import { createAdminAccount, hasAdmin } from "./admin-bootstrap.ts";
import { lockOrganisation, updateOrganisationSettings } from "./repository.ts";
import type { Client, OpenedSession } from "./service.ts";
import { checkTimeZone } from "../../platform/time-zones.ts";

/** Setup is open while no active administrator exists. */
export async function setupStatus(db: Db): Promise<SetupStatus> {
  return { needed: !(await hasAdmin(db)) };
}

/**
 * First-run setup: names the organisation, creates the first administrator and signs them in.
 * The organisation row's lock makes concurrent attempts queue, so exactly one of them wins.
 */
export async function completeSetup(db: Db, input: { body: SetupBody; client: Client }): Promise<OpenedSession> {
  const { body, client } = input;
  const organisationName = body.organisationName.trim();
  if (!organisationName) throw errors.invalidField("organisationName", "must not be empty");
  checkTimeZone(body.defaultTimezone, "defaultTimezone");
  return db.transaction().execute(async (tx) => {
    await lockOrganisation(tx);
    if (await hasAdmin(tx)) throw new AppError("setup_already_done");
    await updateOrganisationSettings(tx, {
      name: organisationName,
      defaultLanguage: body.defaultLanguage,
      defaultTimezone: body.defaultTimezone,
    });
    const admin = await createAdminAccount(tx, body.admin, {
      email: "admin.email",
      displayName: "admin.displayName",
      password: "admin.password",
    });
    await appendEvent(tx, { type: "organisation.setup_completed", actorId: admin.id, subjectId: admin.id });
    const session = await createSession(tx, { userId: admin.id, userAgent: client.userAgent, ip: client.ip });
    return { userId: admin.id, ...session };
  });
}
