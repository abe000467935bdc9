import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { createSession } from "../src/platform/auth.ts";
import type { Db } from "../src/platform/db.ts";
import { newId } from "../src/platform/ids.ts";
import { hashPassword } from "../src/platform/passwords.ts";
import type { NetworkRole, NewUser } from "../src/platform/schema.ts";

/** The password every factory-built user has. */
export const DEFAULT_PASSWORD = "correct horse battery staple";
let defaultHash: Promise<string> | undefined;

let counter = 0;

/** Inserts an active, verified user; override any column. */
export async function buildUser(db: Db, overrides: Partial<NewUser> = {}): Promise<{ id: string; email: string; role: NetworkRole }> {
  counter += 1;
  defaultHash ??= hashPassword(DEFAULT_PASSWORD);
  const id = newId();
  const row: NewUser = {
    id,
    email: `person${counter}-${id.slice(-6)}@example.com`,
    role: "member",
    display_name: `Person ${counter}`,
    password_hash: await defaultHash,
    email_verified_at: new Date(),
    ...overrides,
  };
  await db.insertInto("users").values(row).execute();
  return { id, email: row.email, role: row.role };
}

/** A signed-in browser: its cookie and CSRF token, and a helper that sends both. */
export interface Browser {
  userId: string;
  cookie: string;
  csrfToken: string;
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
}

/** Opens a session for a user directly (no login round trip) and returns a browser that uses it. */
export async function signIn(app: FastifyInstance, db: Db, userId: string): Promise<Browser> {
  const session = await createSession(db, { userId });
  const cookie = `ruche_session=${session.token}`;
  return browserFor(app, userId, cookie, session.csrfToken);
}

/** A browser for a cookie and CSRF token obtained some other way (e.g. a real login). */
export function browserFor(app: FastifyInstance, userId: string, cookie: string, csrfToken: string): Browser {
  return {
    userId,
    cookie,
    csrfToken,
    inject: (options) =>
      app.inject({
        ...options,
        headers: { cookie, "x-csrf-token": csrfToken, ...(options.headers ?? {}) },
      }),
  };
}

/** The `name=value` of the session cookie a response sets, if any. */
export function sessionCookieFrom(setCookie: string | string[] | undefined): string | undefined {
  const all = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const found = all.find((c) => c.startsWith("ruche_session=") || c.startsWith("__Host-ruche_session="));
  const pair = found?.split(";")[0];
  return pair && !pair.endsWith("=") ? pair : undefined;
}
