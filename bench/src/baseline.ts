/**
 * The baseline: the least a server can do to answer a home-feed request. One Fastify route runs
 * the very SQL Ruche's home feed runs (its sources query, then its page query, imported from the
 * server so they never drift apart) for the viewer named in the query string, and returns the
 * rows as they come: no session, no policy check beyond what the SQL does, no presentation, no
 * hooks, schemas or plugins. Ruche's throughput over this one is the cost of everything it adds.
 *
 *   PORT=4000 DATABASE_URL=postgres://... node --import tsx bench/src/baseline.ts
 *   curl 'http://127.0.0.1:4000/feed?viewer=<user id>&role=member'
 */
import Fastify from "fastify";
import { homeFeed } from "../../server/src/modules/feeds/home-feed.ts";
import { openDb } from "../../server/src/platform/db.ts";
import type { NetworkRole } from "../../server/src/platform/schema.ts";

/** Ruche's page size when the client names none. */
const PAGE = 20;
/** Ruche's own pool size, so both wait on the database alike. */
const POOL = 20;

const { db } = openDb({ connectionString: process.env.DATABASE_URL }, POOL);
const app = Fastify();

app.get<{ Querystring: { viewer: string; role: NetworkRole } }>("/feed", async (request) =>
  homeFeed(db, { id: request.query.viewer, role: request.query.role }, { limit: PAGE }),
);

await app.listen({ port: Number(process.env.PORT ?? 4000), host: "127.0.0.1" });
