import type { PasswordResetConfirmBody } from "@ruche/contracts";
import { revokeSessions } from "../../platform/auth.ts";
import type { Db, Tx } from "../../platform/db.ts";
import { AppError, type ErrorDetail } from "../../platform/errors.ts";
import { hashSecret, newSecret } from "../../platform/ids.ts";
import { appendEvent } from "../../platform/outbox.ts";
import { checkPasswordStrength, hashPassword } from "../../platform/passwords.ts";
import { normaliseEmail } from "../accounts/email.ts";
import {
  findAccountByEmail,
  findUserStatus,
  insertEmailToken,
  lockEmailToken,
  markEmailVerified,
  retireEmailTokens,
  setPasswordHash,
  type EmailTokenPurpose,
  type EmailTokenRow,
  clearLoginFailures,
} from "./repository.ts";

const HOUR_MS = 3_600_000;
/** How long each kind of emailed link works. */
export const tokenLifetimeMs: Record<EmailTokenPurpose, number> = { verify_email: 48 * HOUR_MS, reset_password: HOUR_MS };

function tokenError(code: "token_invalid" | "token_expired" | "token_used"): AppError {
  const messages = { token_invalid: "is not valid", token_expired: "has expired", token_used: "has already been used" };
  const detail: ErrorDetail = { field: "token", code, message: messages[code] };
  return new AppError(code, `token: this link ${messages[code]}`, [detail]);
}

/** Stores a new single-use link token for a user and returns the raw token (only its hash is kept). */
async function issueEmailToken(tx: Tx, input: { purpose: EmailTokenPurpose; userId: string; email: string }): Promise<string> {
  const token = newSecret();
  const expiresAt = new Date(Date.now() + tokenLifetimeMs[input.purpose]);
  await insertEmailToken(tx, { tokenHash: hashSecret(token), expiresAt, ...input });
  return token;
}

/** Checks a link token under a row lock: unknown 400, used or expired 410, and still the owner's address. */
async function checkEmailToken(tx: Tx, token: string, purpose: EmailTokenPurpose): Promise<EmailTokenRow> {
  const row = await lockEmailToken(tx, hashSecret(token), purpose);
  if (!row) throw tokenError("token_invalid");
  if (row.used_at) throw tokenError("token_used");
  if (row.expires_at.getTime() <= Date.now()) throw tokenError("token_expired");
  // A link sent to an address the account no longer has, or to a deactivated account, proves nothing.
  const user = await findUserStatus(tx, row.user_id);
  if (!user || user.status !== "active" || user.email.toLowerCase() !== row.email.toLowerCase()) throw tokenError("token_invalid");
  return row;
}

/** Issues an email-verification link and asks for it to be mailed (sign-up and resend use it). */
export async function startEmailVerification(tx: Tx, user: { id: string; email: string }): Promise<void> {
  const token = await issueEmailToken(tx, { purpose: "verify_email", userId: user.id, email: user.email });
  await appendEvent(tx, {
    type: "email_verification.requested",
    actorId: user.id,
    subjectId: user.id,
    payload: { userId: user.id, email: user.email, token },
  });
}

/** Marks the address behind a verification link verified; the link then stops working. */
export async function verifyEmail(db: Db, token: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const row = await checkEmailToken(tx, token, "verify_email");
    await markEmailVerified(tx, row.user_id);
    await retireEmailTokens(tx, row.user_id, "verify_email");
    await appendEvent(tx, { type: "user.email_verified", actorId: row.user_id, subjectId: row.user_id, payload: { userId: row.user_id } });
  });
}

/** Sends a fresh verification link to an active, unverified account; says nothing about whether one exists. */
export async function resendEmailVerification(db: Db, emailInput: string): Promise<void> {
  const email = normaliseEmail(emailInput, "email");
  await db.transaction().execute(async (tx) => {
    const account = await findAccountByEmail(tx, email);
    if (!account || account.status !== "active" || account.emailVerifiedAt) return;
    await startEmailVerification(tx, account);
  });
}

/** Mails a one-hour reset link to an active account; an unknown address gets the same silence. */
export async function requestPasswordReset(db: Db, emailInput: string): Promise<void> {
  const email = normaliseEmail(emailInput, "email");
  await db.transaction().execute(async (tx) => {
    const account = await findAccountByEmail(tx, email);
    if (!account || account.status !== "active") return;
    const token = await issueEmailToken(tx, { purpose: "reset_password", userId: account.id, email: account.email });
    await appendEvent(tx, {
      type: "password_reset.requested",
      subjectId: account.id,
      payload: { userId: account.id, email: account.email, token },
    });
  });
}

/**
 * Sets a new password from a reset link: retires every outstanding reset link of the account and
 * ends all its sessions, so whoever knew the old password is signed out.
 */
export async function confirmPasswordReset(db: Db, input: PasswordResetConfirmBody): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const row = await checkEmailToken(tx, input.token, "reset_password");
    checkPasswordStrength(input.password, "password");
    await setPasswordHash(tx, row.user_id, await hashPassword(input.password));
    // The link reached the inbox, which is what verification proves too.
    await markEmailVerified(tx, row.user_id);
    await retireEmailTokens(tx, row.user_id, "reset_password");
    await revokeSessions(tx, row.user_id);
    await clearLoginFailures(tx, row.user_id);
    await appendEvent(tx, {
      type: "password_reset.completed",
      actorId: row.user_id,
      subjectId: row.user_id,
      payload: { userId: row.user_id, email: row.email },
    });
  });
}
