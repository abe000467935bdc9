import type { SignupBody } from "@ruche/contracts";
import type { Db } from "../../platform/db.ts";
import { AppError } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { appendEvent } from "../../platform/outbox.ts";
import { checkPasswordStrength, hashPassword } from "../../platform/passwords.ts";
import { emailDomain, normaliseEmail } from "../accounts/email.ts";
import { startEmailVerification } from "../recovery/service.ts";
import { cleanDisplayName } from "./display-name.ts";
import { findJoiningSettings, findUserByEmail, insertUser, lockAddress } from "./repository.ts";

function assertDomainAllowed(email: string, allowedDomains: string[]): void {
  const domain = emailDomain(email);
  if (allowedDomains.some((allowed) => allowed.toLowerCase() === domain)) return;
  throw new AppError("signup_not_allowed", `email: sign-up is not open to ${domain} addresses`, [
    { field: "email", message: `sign-up is not open to ${domain} addresses` },
  ]);
}

/**
 * Opens an unverified member account for an address in an allowed domain and mails a verification
 * link. An address that already has an account gets the same answer and nothing is created: its
 * owner is told by mail instead, so the response never reveals who has an account.
 */
export async function signUp(db: Db, body: SignupBody): Promise<void> {
  const email = normaliseEmail(body.email, "email");
  const settings = await findJoiningSettings(db);
  assertDomainAllowed(email, settings.allowedSignupDomains);
  const displayName = cleanDisplayName(body.displayName);
  checkPasswordStrength(body.password, "password");
  // Hashed whatever happens next, so both answers take as long.
  const passwordHash = await hashPassword(body.password);
  await db.transaction().execute(async (tx) => {
    await lockAddress(tx, email);
    const existing = await findUserByEmail(tx, email);
    if (existing) {
      if (existing.status === "active") {
        await appendEvent(tx, { type: "signup.address_taken", subjectId: existing.id, payload: { userId: existing.id, email } });
      }
      return;
    }
    const id = newId();
    await insertUser(tx, { id, email, role: "member", displayName, passwordHash, emailVerifiedAt: null });
    await appendEvent(tx, { type: "user.signed_up", actorId: id, subjectId: id, payload: { userId: id } });
    await startEmailVerification(tx, { id, email });
  });
}
