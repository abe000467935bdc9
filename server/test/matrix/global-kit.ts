// What the entries of global routes (outside /api/v1/communities/{id}) are made of, and the rules they share.
import type { FastifyInstance } from "fastify";
import type { Db } from "../../src/platform/db.ts";
import { hashSecret, newId, newSecret } from "../../src/platform/ids.ts";
import { insertInvitation } from "../../src/modules/invitations/repository.ts";
import { buildUser } from "../factories.ts";
import { forbidden, success, unauthenticated, type ActorKind, type Expected } from "./grid.ts";
import type { RouteRequest } from "./route-kit.ts";
import { buildPeople, expectStatus, removeThroughApi, send, type People } from "./world.ts";
import { multipartFile } from "../uploads.ts";

/** What a global route's request is built from: this route's actors and the secret community they must not find. */
export interface GlobalContext {
  app: FastifyInstance;
  db: Db;
  people: People;
  secret: { id: string; name: string };
  image: Buffer;
}

export interface GlobalRoute {
  /** Once per route, before its cells: what every actor's request relies on (a logo to read). */
  prepare?(context: GlobalContext): Promise<void>;
  /** The request `actor` sends, with what it needs made first (their own token, a fresh link). */
  request(context: GlobalContext, actor: ActorKind): Promise<RouteRequest> | RouteRequest;
  expect(actor: ActorKind): Expected;
  /** Query strings to send instead of the request's own, one cell each (a list's filters). */
  queries?: string[];
  /**
   * For lists: true when the secret community must be listed, false when it must not be. Beyond
   * that, it never shows in any answer to someone who may not see it.
   */
  listsSecret?(actor: ActorKind, query: string): boolean | undefined;
}

/** Whether the actor's requests carry no valid session. */
export const signedOut = (actor: ActorKind) => actor === "anonymous" || actor === "deactivated";
/** Whether the actor belongs to the secret community (or, as an admin, sees every community). */
export const seesSecret = (actor: ActorKind) => ["member", "manager", "owner", "admin", "guestOfThis"].includes(actor);

/** Public routes: a dead or missing session makes no difference. */
export const everyone = (status: number) => () => success(status);
/** Routes for anyone signed in, guests included. */
export const signedIn = (status: number) => (actor: ActorKind) => (signedOut(actor) ? unauthenticated : success(status));
/** Administration: 403 to the signed-in who are not admins. */
export const adminsOnly = (status: number) => (actor: ActorKind) => (signedOut(actor) ? unauthenticated : actor === "admin" ? success(status) : forbidden());
/** Someone else's invitation is, to anyone but an admin, exactly an unknown one. */
export const adminsOrUnknownInvitation = (status: number) => (actor: ActorKind) =>
  signedOut(actor) ? unauthenticated : actor === "admin" ? success(status) : ({ status: 404, code: "invitation_not_found", sameAsUnknown: "id" } as const);

export const freshAddress = (domain = "example.com") => `matrix-${newId().slice(-12)}@${domain}`;
export const NEW_PASSWORD = "a brand new passphrase 42";

/** A pending network invitation and the raw token of its link. */
export async function invitationLink(context: GlobalContext): Promise<{ id: string; token: string }> {
  const id = newId();
  const token = newSecret();
  const expiresAt = new Date(Date.now() + 86_400_000);
  await insertInvitation(context.db, { id, email: freshAddress(), role: "member", invitedBy: context.people.setupId, tokenHash: hashSecret(token), expiresAt });
  return { id, token };
}

/** A fresh account and the raw token of an emailed link for it. */
export async function emailLink(context: GlobalContext, purpose: "verify_email" | "reset_password"): Promise<string> {
  const user = await buildUser(context.db, { email_verified_at: purpose === "verify_email" ? null : new Date() });
  const token = newSecret();
  await context.db
    .insertInto("email_tokens")
    .values({ token_hash: hashSecret(token), purpose, user_id: user.id, email: user.email, expires_at: new Date(Date.now() + 3_600_000) })
    .execute();
  return token;
}

/** The actor's id; anonymous requests act on the setup admin's things, which they never reach. */
export const idOf = (context: GlobalContext, actor: ActorKind) => (actor === "anonymous" ? context.people.setupId : context.people.ids[actor]);

export async function uploadAs(context: GlobalContext, url: string, credentials: Record<string, string>): Promise<void> {
  const upload = multipartFile(context.image);
  const response = await send(context.app, { method: "PUT", url, headers: { ...credentials, ...upload.headers }, payload: upload.payload });
  expectStatus(response, 200, `uploading ${url}`);
}


/**
 * A fresh set of actors for one global route (its requests may sign them out or change their
 * password), placed around the secret community: its owner, manager, members and guest, the
 * removed member taken out through the API, the deactivated member still on its rolls.
 */
export async function actorsAround(app: FastifyInstance, db: Db, input: { secret: { id: string; name: string }; label: string }): Promise<People> {
  const people = await buildPeople(app, db, input.label);
  const { ids } = people;
  const roles = [
    [ids.owner, "owner"],
    [ids.manager, "manager"],
    [ids.member, "member"],
    [ids.guestOfThis, "member"],
    [ids.removedMember, "member"],
    [ids.deactivated, "member"],
  ] as const;
  await db
    .insertInto("community_members")
    .values(roles.map(([user_id, role]) => ({ community_id: input.secret.id, user_id, role })))
    .execute();
  await removeThroughApi(app, people, [input.secret]);
  return people;
}
