import type { FastifyInstance } from "fastify";
import client from "prom-client";

const registry = new client.Registry();
client.collectDefaultMetrics({ register: registry, prefix: "ruche_" });

const requestDuration = new client.Histogram({
  name: "ruche_http_request_duration_seconds",
  help: "HTTP request duration by route and status",
  labelNames: ["method", "route", "status"],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [registry],
});

/** Times every request, labelled by its route pattern (never the raw URL, to bound cardinality). */
export function registerMetrics(app: FastifyInstance): void {
  app.addHook("onResponse", async (request, reply) => {
    requestDuration
      .labels(request.method, request.routeOptions.url ?? "unmatched", String(reply.statusCode))
      .observe(reply.elapsedTime / 1000);
  });
}

/** The Prometheus exposition text of every metric. */
export function metricsText(): Promise<string> {
  return registry.metrics();
}

export function metricsContentType(): string {
  return registry.contentType;
}
