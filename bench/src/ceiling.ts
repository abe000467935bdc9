/**
 * The machine's HTTP ceiling: a hello-world Fastify route, the most requests a second any
 * Fastify server can answer here while autocannon shares the same cores.
 *
 *   PORT=4001 node --import tsx bench/src/ceiling.ts
 */
import Fastify from "fastify";

const app = Fastify();

app.get("/", async () => ({ hello: "world" }));

await app.listen({ port: Number(process.env.PORT ?? 4001), host: "127.0.0.1" });
