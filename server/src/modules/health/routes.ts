import { Type } from "@sinclair/typebox";
import type { FastifyPluginAsync } from "fastify";
import { sql } from "kysely";
import { AppError } from "../../platform/errors.ts";
import { metricsText, metricsContentType } from "../../platform/metrics.ts";
import { pendingMigrations } from "../../platform/migrate.ts";
import type { Runtime } from "../../runtime.ts";

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

/** Liveness, readiness and Prometheus metrics. */
export function healthRoutes(runtime: Runtime): FastifyPluginAsync {
  return async (app) => {
    app.get("/healthz", { schema: { hide: true } }, async () => ({ status: "ok" }));

    app.get(
      "/readyz",
      { schema: { tags: ["health"], response: { 200: Type.Object({ status: Type.Literal("ready") }) } } },
      async () => {
        try {
          await sql`select 1`.execute(runtime.db);
          const pending = await pendingMigrations(runtime.db);
          if (pending.length > 0) throw new Error(`pending migrations: ${pending.join(", ")}`);
        } catch (error) {
          throw new AppError("service_unavailable", `Not ready: ${error instanceof Error ? error.message : String(error)}`);
        }
        return { status: "ready" as const };
      },
    );

    // Metrics reveal traffic shape: only to the machine itself or to an admin's token.
    app.get("/metrics", { schema: { hide: true } }, async (request, reply) => {
      const fromLoopback = LOOPBACK.has(request.ip);
      const adminToken = request.actor?.via === "token" && request.actor.role === "admin";
      if (!fromLoopback && !adminToken) throw new AppError("forbidden", "Metrics are served to localhost or an admin token only");
      reply.type(metricsContentType());
      return metricsText();
    });
  };
}
