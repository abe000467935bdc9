import type { SessionResponse } from "@ruche/contracts";
import { createSession, revokeSessions, type Actor } from "../../platform/auth.ts";
import type { Db, Executor } from "../../platform/db.ts";
import { AppError } from "../../platform/errors.ts";
import { newSecret } from "../../platform/ids.ts";
import { appendEvent } from "../../platform/outbox.ts";
import { checkPasswordStrength, hashPassword, verifyPassword } from "../../platform/passwords.ts";
import { getMe } from "../people/service.ts";
import { assertMayLogOut } from "./policy.ts";
import {
  deleteSessionByHash,
  deleteSessionByToken,
  findLoginCandidate,
  findPasswordHash,
  recentLoginFailures,
  recordLoginFailure,
  updatePasswordHash,
  type LoginCandidate,
} from "./repository.ts";

/** Where a request came from, kept on the session it opens. */
export interface Client {
  userAgent: string | undefined;
  ip: string;
}

/** A session just opened: the cookie's value and the CSRF token the browser must echo. */
export interface OpenedSession {
  userId: string;
  token: string;
  csrfToken: string;
}

// Per-account brake on password guessing, shared by every node through the database.
const FAILURE_LIMIT = 100;
const FAILURE_WINDOW_SECONDS = 3600;

// Unknown emails still pay for one argon2 verification, so response time does not tell which exist.
let dummyHash: Promise<string> | undefined;
function passwordHashFor(candidate: LoginCandidate | undefined): Promise<string> {
  if (candidate?.password_hash) return Promise.resolve(candidate.password_hash);
  dummyHash ??= hashPassword(newSecret());
  return dummyHash;
}

async function refuseWhileLockedOut(db: Db, userId: string): Promise<void> {
  const failures = await recentLoginFailures(db, { userId, windowSeconds: FAILURE_WINDOW_SECONDS });
  if (failures.count < FAILURE_LIMIT) return;
  const seconds = Math.max(1, failures.secondsUntilOldestExpires);
  throw new AppError("rate_limited", `Too many failed sign-ins for this account; try again in ${seconds} seconds`, undefined, {
    "retry-after": String(seconds),
  });
}

/**
 * Checks an email and password and opens a fresh session. The session id is always new, and a
 * session the browser already carried is deleted, so nobody can plant one (session fixation).
 */
export async function logIn(
  db: Db,
  input: { email: string; password: string; presentedSessionToken: string | undefined; client: Client },
): Promise<OpenedSession> {
  const candidate = await findLoginCandidate(db, input.email.trim().toLowerCase());
  if (candidate) await refuseWhileLockedOut(db, candidate.id);
  const passwordMatches = await verifyPassword(await passwordHashFor(candidate), input.password);
  if (!candidate || !candidate.password_hash || !passwordMatches) {
    if (candidate) await recordLoginFailure(db, { userId: candidate.id, windowSeconds: FAILURE_WINDOW_SECONDS });
    throw new AppError("invalid_credentials");
  }
  // Told only to whoever knows the password: otherwise these would reveal that the account exists.
  if (candidate.status !== "active") throw new AppError("account_deactivated");
  if (!candidate.email_verified_at) throw new AppError("email_not_verified");
  const presented = input.presentedSessionToken;
  const session = await db.transaction().execute(async (tx) => {
    if (presented) await deleteSessionByToken(tx, presented);
    return createSession(tx, { userId: candidate.id, userAgent: input.client.userAgent, ip: input.client.ip });
  });
  return { userId: candidate.id, ...session };
}

/** Ends the browser session that made the request. */
export async function logOut(db: Db, actor: Actor): Promise<void> {
  assertMayLogOut(actor);
  if (actor.sessionHash) await deleteSessionByHash(db, actor.sessionHash);
}

/** The signed-in person and their CSRF token ("" for a token caller, who needs none). */
export async function sessionResponse(db: Executor, userId: string, csrfToken: string): Promise<SessionResponse> {
  return { user: await getMe(db, userId), csrfToken };
}

/**
 * Replaces the password after checking the current one, then ends every session of the person,
 * this one included: a browser signed in by someone who knew the old password is shut out. A
 * browser caller gets a fresh session back; a token caller keeps using its token.
 */
export async function changePassword(
  db: Db,
  input: { actor: Actor; currentPassword: string; newPassword: string; client: Client },
): Promise<OpenedSession | undefined> {
  const { actor } = input;
  const currentHash = await findPasswordHash(db, actor.id);
  if (!(await verifyPassword(currentHash, input.currentPassword))) {
    throw new AppError("password_incorrect", "currentPassword: is not correct", [{ field: "currentPassword", message: "is not correct" }]);
  }
  checkPasswordStrength(input.newPassword, "newPassword");
  const newHash = await hashPassword(input.newPassword);
  return db.transaction().execute(async (tx) => {
    await updatePasswordHash(tx, actor.id, newHash);
    await revokeSessions(tx, actor.id);
    await appendEvent(tx, { type: "user.password_changed", actorId: actor.id, subjectId: actor.id, payload: { via: actor.via } });
    if (actor.via !== "session") return undefined;
    const session = await createSession(tx, { userId: actor.id, userAgent: input.client.userAgent, ip: input.client.ip });
    return { userId: actor.id, ...session };
  });
}
