// Global routes of people, the organisation and the communities directory: how each actor calls them, and what they must get.
import { buildUser } from "../factories.ts";
import { adminsOnly, everyone, seesSecret, signedIn, signedOut, uploadAs, type GlobalContext, type GlobalRoute } from "./global-kit.ts";
import { forbidden, success, unauthenticated, type ActorKind, type Expected } from "./grid.ts";

/** A guest sees only the people they share a community with: anyone else is, to them, an unknown id. */
const coMemberProfile = (actor: ActorKind): Expected => {
  if (signedOut(actor)) return unauthenticated;
  return actor === "guestOfOther" ? { status: 404, code: "user_not_found", sameAsUnknown: "id" } : success(200);
};

/** The owner of the secret community: a co-member of its guest, a stranger to the other guest. */
const ownerOf = (context: GlobalContext) => context.people.ids.owner;

const peopleRoutes: Record<string, GlobalRoute> = {
  "GET /api/v1/people": { request: () => ({ query: "limit=100" }), expect: signedIn(200) },
  "GET /api/v1/people/{id}": { request: (context) => ({ params: { id: ownerOf(context) } }), expect: coMemberProfile },
  "GET /api/v1/people/{id}/avatar": {
    prepare: (context) => uploadAs(context, "/api/v1/me/avatar", context.people.credentials.owner),
    request: (context) => ({ params: { id: ownerOf(context) } }),
    expect: coMemberProfile,
  },
  "PATCH /api/v1/people/{id}": { request: (context) => ({ params: { id: context.people.ids.member }, json: { jobTitle: "Surveyor" } }), expect: adminsOnly(200) },
  "PUT /api/v1/people/{id}/role": { request: async (context) => ({ params: { id: (await buildUser(context.db)).id }, json: { role: "member" } }), expect: adminsOnly(200) },
  "POST /api/v1/people/{id}/deactivate": { request: async (context) => ({ params: { id: (await buildUser(context.db)).id } }), expect: adminsOnly(200) },
  "POST /api/v1/people/{id}/reactivate": {
    request: async (context) => ({ params: { id: (await buildUser(context.db, { status: "deactivated", deactivated_at: new Date() })).id } }),
    expect: adminsOnly(200),
  },
};

const organisationRoutes: Record<string, GlobalRoute> = {
  "GET /api/v1/organisation": { request: () => ({}), expect: everyone(200) },
  "PATCH /api/v1/organisation": { request: () => ({ json: { name: "Ruche Matrix" } }), expect: adminsOnly(200) },
  "PUT /api/v1/organisation/logo": { request: () => ({ file: true }), expect: adminsOnly(200) },
  "DELETE /api/v1/organisation/logo": { request: () => ({}), expect: adminsOnly(200) },
  "GET /api/v1/organisation/logo": {
    prepare: (context) => uploadAs(context, "/api/v1/organisation/logo", context.people.setup),
    request: () => ({}),
    expect: everyone(200),
  },
};

/** The directory lists the secret community to its members and to admins (who belong to nothing: not under `mine`). */
function directoryListsSecret(actor: ActorKind, query: string): boolean {
  if (!seesSecret(actor) || query.includes("invited=true")) return false;
  return !(query.includes("mine=true") && actor === "admin");
}

const communityRoutes: Record<string, GlobalRoute> = {
  "POST /api/v1/communities": {
    request: () => ({ json: { kind: "interest", visibility: "public", name: "Matrix club" } }),
    expect: (actor) => (signedOut(actor) ? unauthenticated : actor.startsWith("guest") ? forbidden() : success(201)),
  },
  "GET /api/v1/communities": {
    request: () => ({}),
    queries: ["limit=100", "limit=100&mine=true", "limit=100&invited=true", "limit=100&kind=external", `q=${encodeURIComponent("zèbre")}`, "limit=1"],
    // One item a page: whatever comes first, the secret community never shows to those who may not see it.
    listsSecret: (actor, query) => (query === "limit=1" ? undefined : directoryListsSecret(actor, query)),
    expect: signedIn(200),
  },
  // Suggestions are communities one may still join: never a secret one.
  "GET /api/v1/communities/suggested": { request: () => ({ query: "limit=20" }), listsSecret: () => false, expect: signedIn(200) },
};

/** People, the organisation, and the communities directory. */
export const directoryRoutes: Record<string, GlobalRoute> = { ...peopleRoutes, ...organisationRoutes, ...communityRoutes };
