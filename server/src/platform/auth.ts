import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Config } from "../config.ts";
import type { Db, Executor } from "./db.ts";
import { AppError } from "./errors.ts";
import { hashSecret, newSecret } from "./ids.ts";
import type { NetworkRole } from "./schema.ts";

/** Who is making a request, and how they proved it. */
export interface Actor {
  id: string;
  role: NetworkRole;
  email: string;
  displayName: string;
  language: "fr" | "en" | null;
  via: "session" | "token";
  /** The session's stored hash, when a cookie authenticated the request. */
  sessionHash?: string;
  csrfToken?: string;
  tokenId?: string;
}

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** Set to false on routes that need no CSRF token even with a session cookie (login, sign-up). */
    csrf?: boolean;
  }
}

const SESSION_DAYS = 30;
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The session cookie's name: `__Host-` prefixed when Ruche is served over HTTPS. */
export function sessionCookieName(config: Config): string {
  return config.publicUrl.startsWith("https:") ? "__Host-ruche_session" : "ruche_session";
}

/** Starts a session: a fresh random id (never one the browser offered) and a fresh CSRF token. */
export async function createSession(
  db: Executor,
  input: { userId: string; userAgent?: string | undefined; ip?: string | undefined },
): Promise<{ token: string; csrfToken: string }> {
  const token = newSecret();
  const csrfToken = newSecret();
  await db
    .insertInto("sessions")
    .values({
      id_hash: hashSecret(token),
      user_id: input.userId,
      csrf_token: csrfToken,
      expires_at: new Date(Date.now() + SESSION_DAYS * 86_400_000),
      user_agent: input.userAgent?.slice(0, 400) ?? null,
      ip: input.ip ?? null,
    })
    .execute();
  return { token, csrfToken };
}

export function setSessionCookie(reply: FastifyReply, config: Config, token: string): void {
  const secure = config.publicUrl.startsWith("https:");
  reply.setCookie(sessionCookieName(config), token, {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    maxAge: SESSION_DAYS * 86_400,
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(sessionCookieName(config), { path: "/", secure: config.publicUrl.startsWith("https:") });
}

/** Ends every session of a user (password change, deactivation), except optionally one. */
export async function revokeSessions(db: Executor, userId: string, exceptHash?: string): Promise<void> {
  let query = db.deleteFrom("sessions").where("user_id", "=", userId);
  if (exceptHash) query = query.where("id_hash", "!=", exceptHash);
  await query.execute();
}

const actorColumns = ["users.id", "users.role", "users.email", "users.display_name", "users.language"] as const;

async function actorFromToken(db: Db, secret: string): Promise<Actor | null> {
  const row = await db
    .selectFrom("access_tokens")
    .innerJoin("users", "users.id", "access_tokens.user_id")
    .select([...actorColumns, "access_tokens.id as token_id", "access_tokens.last_used_at"])
    .where("access_tokens.token_hash", "=", hashSecret(secret))
    .where("access_tokens.revoked_at", "is", null)
    .where((eb) => eb.or([eb("access_tokens.expires_at", "is", null), eb("access_tokens.expires_at", ">", new Date())]))
    .where("users.status", "=", "active")
    .executeTakeFirst();
  if (!row) return null;
  if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > 60_000) {
    await db.updateTable("access_tokens").set({ last_used_at: new Date() }).where("id", "=", row.token_id).execute();
  }
  return { id: row.id, role: row.role, email: row.email, displayName: row.display_name, language: row.language, via: "token", tokenId: row.token_id };
}

async function actorFromSession(db: Db, token: string): Promise<Actor | null> {
  const idHash = hashSecret(token);
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select([...actorColumns, "sessions.csrf_token", "sessions.last_used_at"])
    .where("sessions.id_hash", "=", idHash)
    .where("sessions.expires_at", ">", new Date())
    .where("users.status", "=", "active")
    .executeTakeFirst();
  if (!row) return null;
  if (Date.now() - row.last_used_at.getTime() > 60_000) {
    await db.updateTable("sessions").set({ last_used_at: new Date() }).where("id_hash", "=", idHash).execute();
  }
  return {
    id: row.id,
    role: row.role,
    email: row.email,
    displayName: row.display_name,
    language: row.language,
    via: "session",
    sessionHash: idHash,
    csrfToken: row.csrf_token,
  };
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Resolves `request.actor` from a bearer token or the session cookie, and refuses state-changing
 * requests that a cookie authenticates without the session's CSRF token.
 */
export function registerAuthentication(app: FastifyInstance, deps: { db: Db; config: Config }): void {
  const cookieName = sessionCookieName(deps.config);
  app.decorateRequest("actor", null);
  app.addHook("onRequest", async (request) => {
    const header = request.headers.authorization;
    if (header?.startsWith("Bearer ")) {
      request.actor = await actorFromToken(deps.db, header.slice(7).trim());
      if (!request.actor) throw new AppError("authentication_required", "The access token is not valid");
      return;
    }
    const token = request.cookies[cookieName];
    if (token) request.actor = await actorFromSession(deps.db, token);
  });
  app.addHook("preHandler", async (request) => {
    const actor = request.actor;
    if (!actor || actor.via !== "session" || SAFE_METHODS.has(request.method)) return;
    if (request.routeOptions.config.csrf === false) return;
    const sent = request.headers["x-csrf-token"];
    if (typeof sent !== "string" || !actor.csrfToken || !sameSecret(sent, actor.csrfToken)) {
      throw new AppError("csrf_token_invalid");
    }
  });
}

/** The signed-in actor, or a 401. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError("authentication_required");
  return request.actor;
}

/** The signed-in admin, or a 401/403. */
export function requireAdmin(request: FastifyRequest): Actor {
  const actor = requireActor(request);
  if (actor.role !== "admin") throw new AppError("forbidden", "Only administrators may do this");
  return actor;
}
