import type { Selectable } from "kysely";
import type { Executor } from "../../platform/db.ts";
import type { EmailTokensTable } from "../../platform/schema.ts";

export type EmailTokenPurpose = EmailTokensTable["purpose"];
export type EmailTokenRow = Selectable<EmailTokensTable>;

/** The account an emailed link is about: enough to decide whether to send it. */
export interface AccountForMail {
  id: string;
  email: string;
  status: "active" | "deactivated";
  emailVerifiedAt: Date | null;
}

export async function findAccountByEmail(db: Executor, email: string): Promise<AccountForMail | undefined> {
  const row = await db
    .selectFrom("users")
    .select(["id", "email", "status", "email_verified_at"])
    .where("email", "=", email)
    .executeTakeFirst();
  return row && { id: row.id, email: row.email, status: row.status, emailVerifiedAt: row.email_verified_at };
}

export async function insertEmailToken(
  db: Executor,
  token: { tokenHash: string; purpose: EmailTokenPurpose; userId: string; email: string; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto("email_tokens")
    .values({
      token_hash: token.tokenHash,
      purpose: token.purpose,
      user_id: token.userId,
      email: token.email,
      expires_at: token.expiresAt,
    })
    .execute();
}

/** Reads a token and locks it, so two uses of one link cannot both succeed. */
export async function lockEmailToken(db: Executor, tokenHash: string, purpose: EmailTokenPurpose): Promise<EmailTokenRow | undefined> {
  return db
    .selectFrom("email_tokens")
    .selectAll()
    .where("token_hash", "=", tokenHash)
    .where("purpose", "=", purpose)
    .forUpdate()
    .executeTakeFirst();
}

export async function findEmailToken(db: Executor, tokenHash: string): Promise<EmailTokenRow | undefined> {
  return db.selectFrom("email_tokens").selectAll().where("token_hash", "=", tokenHash).executeTakeFirst();
}

/** Marks every outstanding token of one purpose of a user used: one success retires all older links. */
export async function retireEmailTokens(db: Executor, userId: string, purpose: EmailTokenPurpose): Promise<void> {
  await db
    .updateTable("email_tokens")
    .set({ used_at: new Date() })
    .where("user_id", "=", userId)
    .where("purpose", "=", purpose)
    .where("used_at", "is", null)
    .execute();
}

export async function findUserStatus(
  db: Executor,
  userId: string,
): Promise<{ email: string; status: "active" | "deactivated" } | undefined> {
  return db.selectFrom("users").select(["email", "status"]).where("id", "=", userId).executeTakeFirst();
}

export async function markEmailVerified(db: Executor, userId: string): Promise<void> {
  await db
    .updateTable("users")
    .set((eb) => ({ email_verified_at: eb.fn.coalesce("email_verified_at", eb.val(new Date())), updated_at: new Date() }))
    .where("id", "=", userId)
    .execute();
}

export async function setPasswordHash(db: Executor, userId: string, passwordHash: string): Promise<void> {
  await db.updateTable("users").set({ password_hash: passwordHash, updated_at: new Date() }).where("id", "=", userId).execute();
}

/** A new password makes earlier failed guesses irrelevant: lift the per-account login limit. */
export async function clearLoginFailures(db: Executor, userId: string): Promise<void> {
  await db.deleteFrom("login_failures").where("user_id", "=", userId).execute();
}
