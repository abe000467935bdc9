import { sql } from "kysely";
import type { Executor } from "../../platform/db.ts";
import { hashSecret } from "../../platform/ids.ts";
import { cursorTimestamp, type Cursor } from "../../platform/pagination.ts";
import type { AccessTokenRow, UserRow } from "../../platform/schema.ts";

/** Takes the single organisation row's lock: whoever holds it decides whether setup is still open. */
export async function lockOrganisation(tx: Executor): Promise<void> {
  await tx.selectFrom("organisation").select("id").forUpdate().execute();
}

export async function updateOrganisationSettings(
  tx: Executor,
  settings: { name: string; defaultLanguage: "fr" | "en"; defaultTimezone: string },
): Promise<void> {
  await tx
    .updateTable("organisation")
    .set({
      name: settings.name,
      default_language: settings.defaultLanguage,
      default_timezone: settings.defaultTimezone,
      updated_at: new Date(),
    })
    .execute();
}

export type LoginCandidate = Pick<UserRow, "id" | "password_hash" | "status" | "email_verified_at">;

export async function findLoginCandidate(db: Executor, email: string): Promise<LoginCandidate | undefined> {
  return db
    .selectFrom("users")
    .select(["id", "password_hash", "status", "email_verified_at"])
    .where("email", "=", email)
    .executeTakeFirst();
}

export async function findPasswordHash(db: Executor, userId: string): Promise<string | null> {
  const row = await db.selectFrom("users").select("password_hash").where("id", "=", userId).executeTakeFirst();
  return row?.password_hash ?? null;
}

export async function updatePasswordHash(tx: Executor, userId: string, passwordHash: string): Promise<void> {
  await tx.updateTable("users").set({ password_hash: passwordHash, updated_at: new Date() }).where("id", "=", userId).execute();
}

/**
 * Failed logins of an account within `windowSeconds`, and how long until the oldest leaves the
 * window. Times come from the database's clock so that every node agrees.
 */
export async function recentLoginFailures(
  db: Executor,
  input: { userId: string; windowSeconds: number },
): Promise<{ count: number; secondsUntilOldestExpires: number }> {
  const window = sql`make_interval(secs => ${input.windowSeconds})`;
  const row = await db
    .selectFrom("login_failures")
    .select([
      sql<number>`count(*)::int`.as("count"),
      sql<number | null>`ceil(extract(epoch from min(created_at) + ${window} - now()))::int`.as("seconds_left"),
    ])
    .where("user_id", "=", input.userId)
    .where("created_at", ">", sql<Date>`now() - ${window}`)
    .executeTakeFirstOrThrow();
  return { count: row.count, secondsUntilOldestExpires: row.seconds_left ?? 0 };
}

/** Records one failed login and forgets this account's failures that have left the window. */
export async function recordLoginFailure(db: Executor, input: { userId: string; windowSeconds: number }): Promise<void> {
  await db.insertInto("login_failures").values({ user_id: input.userId }).execute();
  await db
    .deleteFrom("login_failures")
    .where("user_id", "=", input.userId)
    .where("created_at", "<=", sql<Date>`now() - make_interval(secs => ${input.windowSeconds})`)
    .execute();
}

/** Deletes the session a cookie names, whoever it belongs to (the cookie holder can use it anyway). */
export async function deleteSessionByToken(tx: Executor, token: string): Promise<void> {
  await tx.deleteFrom("sessions").where("id_hash", "=", hashSecret(token)).execute();
}

export async function deleteSessionByHash(tx: Executor, idHash: string): Promise<void> {
  await tx.deleteFrom("sessions").where("id_hash", "=", idHash).execute();
}

/** Serialises token creation per user, so concurrent requests cannot overshoot the cap. */
export async function lockUser(tx: Executor, userId: string): Promise<void> {
  await tx.selectFrom("users").select("id").where("id", "=", userId).forUpdate().execute();
}

export async function countUsableAccessTokens(tx: Executor, userId: string): Promise<number> {
  const row = await tx
    .selectFrom("access_tokens")
    .select(sql<number>`count(*)::int`.as("count"))
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .where((eb) => eb.or([eb("expires_at", "is", null), eb("expires_at", ">", new Date())]))
    .executeTakeFirstOrThrow();
  return row.count;
}

export async function insertAccessToken(
  tx: Executor,
  token: Pick<AccessTokenRow, "id" | "user_id" | "name" | "prefix" | "token_hash" | "expires_at">,
): Promise<AccessTokenRow> {
  return tx.insertInto("access_tokens").values(token).returningAll().executeTakeFirstOrThrow();
}

export type ListedAccessToken = AccessTokenRow & { cursor_key: string };

/** A user's tokens that are not revoked (expired ones included), newest first, after `after`. */
export async function listAccessTokens(
  db: Executor,
  input: { userId: string; after: Cursor | undefined; limit: number },
): Promise<ListedAccessToken[]> {
  let query = db
    .selectFrom("access_tokens")
    .selectAll()
    .select(cursorTimestamp("access_tokens.created_at").as("cursor_key"))
    .where("user_id", "=", input.userId)
    .where("revoked_at", "is", null);
  const after = input.after;
  if (after) {
    query = query.where(
      sql<boolean>`(created_at, id) < (${after.key}::timestamptz, ${after.id}::uuid)`,
    );
  }
  return query.orderBy("created_at", "desc").orderBy("id", "desc").limit(input.limit).execute();
}

/** Revokes one of a user's live tokens; false when there is none with this id for this user. */
export async function revokeAccessToken(tx: Executor, input: { id: string; userId: string }): Promise<boolean> {
  const result = await tx
    .updateTable("access_tokens")
    .set({ revoked_at: new Date() })
    .where("id", "=", input.id)
    .where("user_id", "=", input.userId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
