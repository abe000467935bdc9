import type { Logger } from "pino";
import type { Config } from "../../config.ts";
import type { Db, Executor } from "../../platform/db.ts";
import { AppError } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { checkPasswordStrength, hashPassword } from "../../platform/passwords.ts";
import { normaliseEmail } from "./email.ts";

export interface NewAdmin {
  email: string;
  displayName: string;
  password: string;
}

/** How errors name each input: the CLI's flags by default, `admin.email` and so on for first-run setup. */
export interface AdminFieldNames {
  email: string;
  displayName: string;
  password: string;
}

const cliFieldNames: AdminFieldNames = { email: "email", displayName: "name", password: "password" };

/** Creates an active, verified administrator (the CLI, first-start variables and setup use it). */
export async function createAdminAccount(
  db: Executor,
  input: NewAdmin,
  fields: AdminFieldNames = cliFieldNames,
): Promise<{ id: string; email: string }> {
  const email = normaliseEmail(input.email, fields.email);
  checkPasswordStrength(input.password, fields.password);
  const displayName = input.displayName.trim();
  if (!displayName) {
    throw new AppError("validation_failed", `${fields.displayName}: must not be empty`, [{ field: fields.displayName, message: "must not be empty" }]);
  }
  const taken = await db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst();
  if (taken) {
    throw new AppError("email_taken", `${fields.email}: ${email} already has an account`, [{ field: fields.email, message: "already has an account" }]);
  }
  const id = newId();
  await db
    .insertInto("users")
    .values({
      id,
      email,
      role: "admin",
      display_name: displayName,
      password_hash: await hashPassword(input.password),
      email_verified_at: new Date(),
    })
    .execute();
  return { id, email };
}

/** Whether an active administrator exists (first-run setup is open only while none does). */
export async function hasAdmin(db: Executor): Promise<boolean> {
  const row = await db.selectFrom("users").select("id").where("role", "=", "admin").where("status", "=", "active").executeTakeFirst();
  return Boolean(row);
}

/** At start, `RUCHE_ADMIN_EMAIL` / `RUCHE_ADMIN_PASSWORD` create the first admin when there is none. */
export async function ensureAdminFromEnvironment(db: Db, config: Config, log: Logger): Promise<void> {
  if (!config.admin) return;
  await db.transaction().execute(async (tx) => {
    // Two nodes starting together must not both create the admin.
    await tx.selectFrom("organisation").select("id").forUpdate().execute();
    if (await hasAdmin(tx)) return;
    const admin = await createAdminAccount(tx, {
      email: config.admin?.email ?? "",
      displayName: config.admin?.name ?? "Administrator",
      password: config.admin?.password ?? "",
    });
    log.info(`administrator ${admin.email} created from RUCHE_ADMIN_EMAIL`);
  });
}
