// Routes of search: the owner of the secret community has posted there about #Zèbre, a word that
// nothing else those who may not see the community could read holds. Whatever the query, they
// find nothing at all; those who see the community find it.
import type { LightMyRequestResponse } from "fastify";
import { sql } from "kysely";
import { newId } from "../../src/platform/ids.ts";
import { success, unauthenticated, type ActorKind, type Expected } from "./grid.ts";
import { seesSecret, signedOut, type GlobalContext, type GlobalRoute } from "./global-kit.ts";
import { field } from "./route-kit.ts";

/** The owner posts in the secret community about #Zèbre. */
async function postAboutTheZebra(context: GlobalContext): Promise<void> {
  const id = newId();
  const body = "Zèbre : le plan secret du #Zèbre";
  await context.db
    .insertInto("posts")
    .values({ id, community_id: context.secret.id, author_id: context.people.ids.owner, body, body_html: `<p>${body}</p>` })
    .execute();
  await sql`insert into topics (id, slug, name) values (${newId()}, 'zebre', 'Zèbre') on conflict (slug) do nothing`.execute(context.db);
  const topic = await context.db.selectFrom("topics").select("id").where("slug", "=", "zebre").executeTakeFirstOrThrow();
  await context.db.insertInto("post_topics").values({ topic_id: topic.id, post_id: id, community_id: context.secret.id, created_at: new Date() }).execute();
}

/** How many things an answer lists: a page's items, or every kind of suggestion. */
function listed(response: LightMyRequestResponse): number {
  const counts = field(response, (body) => ["items", "people", "communities", "topics"].map((key) => (Array.isArray(body[key]) ? body[key].length : 0)));
  return Array.isArray(counts) ? counts.reduce((sum: number, count: number) => sum + count, 0) : -1;
}

/** Something found by those who see the secret community, nothing (not even a count) by anyone else. */
const onlyForThoseWhoSeeIt = (actor: ActorKind): Expected => {
  if (signedOut(actor)) return unauthenticated;
  return success(200, (response) => {
    const count = listed(response);
    if (seesSecret(actor)) return count > 0 ? undefined : "finds nothing, yet may see the secret community";
    return count === 0 ? undefined : `finds ${count} things about a community it may not see: ${response.body.slice(0, 200)}`;
  });
};

/** Queries whose answers must list the secret community itself, or a post in it (a topic names neither; one result may be the topic). */
const listsTheCommunity = (query: string) => !query.includes("kind=topic") && !query.includes("limit=1");

export const searchGlobalRoutes: Record<string, GlobalRoute> = {
  "GET /api/v1/search": {
    prepare: postAboutTheZebra,
    request: () => ({ query: "q=z%C3%A8bre" }),
    queries: ["q=z%C3%A8bre", "q=ZEBRE&kind=community", "q=z%C3%A8b&prefix=true", "q=zebre&kind=topic", "q=%22plan%20secret%22&kind=post", "q=zebre&limit=1"],
    listsSecret: (actor, query) => (listsTheCommunity(query) ? seesSecret(actor) : undefined),
    expect: onlyForThoseWhoSeeIt,
  },
  "GET /api/v1/search/suggestions": {
    prepare: postAboutTheZebra,
    request: () => ({ query: "q=z%C3%A8b" }),
    queries: ["q=z%C3%A8b", "q=ZEB&limit=1", "q=projet%20z"],
    listsSecret: (actor, query) => (query.includes("limit=1") ? undefined : seesSecret(actor)),
    expect: onlyForThoseWhoSeeIt,
  },
};
