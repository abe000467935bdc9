// Global routes of accounts and invitations: how each actor calls them, and what they must get.
import { hashSecret, newId, newSecret } from "../../src/platform/ids.ts";
import { buildUser, DEFAULT_PASSWORD } from "../factories.ts";
import {
  adminsOnly,
  adminsOrUnknownInvitation,
  emailLink,
  everyone,
  freshAddress,
  idOf,
  invitationLink,
  NEW_PASSWORD,
  signedIn,
  type GlobalRoute,
} from "./global-kit.ts";
import { refused, success } from "./grid.ts";

const sessionRoutes: Record<string, GlobalRoute> = {
  "GET /api/v1/setup": { request: () => ({}), expect: everyone(200) },
  "POST /api/v1/setup": {
    request: () => ({
      json: { organisationName: "Another", defaultLanguage: "fr", defaultTimezone: "Europe/Paris", admin: { email: freshAddress(), displayName: "Usurper", password: NEW_PASSWORD } },
    }),
    expect: () => refused(409, "setup_already_done"),
  },
  // Each actor signs in with their own account; anonymous with a spare one.
  "POST /api/v1/auth/login": {
    request: async (context, actor) => ({
      json: { email: actor === "anonymous" ? (await buildUser(context.db)).email : context.people.emails[actor], password: DEFAULT_PASSWORD },
    }),
    expect: (actor) => (actor === "deactivated" ? refused(403, "account_deactivated") : success(200)),
  },
  "POST /api/v1/auth/logout": { request: () => ({}), expect: signedIn(204) },
  "GET /api/v1/auth/session": { request: () => ({}), expect: signedIn(200) },
  "POST /api/v1/auth/password": { request: () => ({ json: { currentPassword: DEFAULT_PASSWORD, newPassword: NEW_PASSWORD } }), expect: signedIn(200) },
  "POST /api/v1/auth/signup": {
    prepare: async (context) => {
      await context.db.updateTable("organisation").set({ allowed_signup_domains: ["matrix.example"] }).execute();
    },
    request: () => ({ json: { email: freshAddress("matrix.example"), displayName: "Newcomer", password: NEW_PASSWORD } }),
    expect: everyone(202),
  },
  "POST /api/v1/auth/verify-email": { request: async (context) => ({ json: { token: await emailLink(context, "verify_email") } }), expect: everyone(204) },
  "POST /api/v1/auth/verify-email/resend": { request: () => ({ json: { email: freshAddress() } }), expect: everyone(202) },
  "POST /api/v1/auth/password-reset": { request: () => ({ json: { email: freshAddress() } }), expect: everyone(202) },
  "POST /api/v1/auth/password-reset/confirm": {
    request: async (context) => ({ json: { token: await emailLink(context, "reset_password"), password: NEW_PASSWORD } }),
    expect: everyone(204),
  },
  "GET /api/v1/me": { request: () => ({}), expect: signedIn(200) },
  "PATCH /api/v1/me": { request: () => ({ json: { jobTitle: "Cartographer" } }), expect: signedIn(200) },
  "PUT /api/v1/me/avatar": { request: () => ({ file: true }), expect: signedIn(200) },
  "DELETE /api/v1/me/avatar": { request: () => ({}), expect: signedIn(200) },
  "GET /api/v1/me/tokens": { request: () => ({}), expect: signedIn(200) },
  "POST /api/v1/me/tokens": { request: () => ({ json: { name: "Matrix script" } }), expect: signedIn(201) },
  // Each actor revokes a token of their own.
  "DELETE /api/v1/me/tokens/{id}": {
    request: async (context, actor) => {
      const id = newId();
      const secret = newSecret();
      await context.db.insertInto("access_tokens").values({ id, user_id: idOf(context, actor), name: "Matrix", prefix: secret.slice(0, 6), token_hash: hashSecret(secret) }).execute();
      return { params: { id } };
    },
    expect: signedIn(204),
  },
};

const invitationRoutes: Record<string, GlobalRoute> = {
  // Members may not invite unless the organisation lets them (it does not here); guests never.
  "POST /api/v1/invitations": { request: () => ({ json: { email: freshAddress() } }), expect: adminsOnly(201) },
  "GET /api/v1/invitations": { request: () => ({}), expect: signedIn(200) },
  "GET /api/v1/invitations/preview": { request: async (context) => ({ query: `token=${(await invitationLink(context)).token}` }), expect: everyone(200) },
  "POST /api/v1/invitations/accept": {
    request: async (context) => ({ json: { token: (await invitationLink(context)).token, displayName: "Invitee", password: NEW_PASSWORD } }),
    expect: everyone(201),
  },
  // The invitation was sent by another admin: only admins manage it.
  "DELETE /api/v1/invitations/{id}": { request: async (context) => ({ params: { id: (await invitationLink(context)).id } }), expect: adminsOrUnknownInvitation(204) },
  "POST /api/v1/invitations/{id}/resend": { request: async (context) => ({ params: { id: (await invitationLink(context)).id } }), expect: adminsOrUnknownInvitation(200) },
};

/** Signing in and out, one's account and tokens, network invitations. */
export const accountRoutes: Record<string, GlobalRoute> = { ...sessionRoutes, ...invitationRoutes };
