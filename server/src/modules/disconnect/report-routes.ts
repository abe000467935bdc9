import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { DisconnectReport, DisconnectReportQuery } from "@ruche/contracts";
import { requireAdmin } from "../../platform/auth.ts";
import { failures } from "../../platform/http.ts";
import type { Runtime } from "../../runtime.ts";
import { disconnectReport, reportCsv } from "./report.ts";

const reportResponse = Type.Unsafe<DisconnectReport | string>({
  description: "The report as JSON, or as CSV with `format=csv`",
  content: { "application/json": { schema: DisconnectReport }, "text/csv": { schema: { type: "string" } } },
});

/** The HR and works council report on the right to disconnect (admins). */
export function disconnectReportRoutes(runtime: Runtime): FastifyPluginAsyncTypebox {
  const { db } = runtime;
  return async (app) => {
    app.get(
      "/api/v1/admin/reports/disconnect",
      {
        schema: {
          tags: ["administration"],
          summary: "Per month and department: notifications held, off-hours posts, urgent overrides (aggregated, groups of five or more)",
          querystring: DisconnectReportQuery,
          response: { 200: reportResponse, ...failures(400, 401, 403) },
        },
      },
      async (request, reply) => {
        const actor = requireAdmin(request);
        const report = await disconnectReport(db, request.query);
        if (request.query.format !== "csv") return reply.type("application/json").send(report);
        const other = actor.language === "en" ? "Other" : "Autres";
        return reply
          .type("text/csv; charset=utf-8")
          .header("content-disposition", `attachment; filename="disconnect-report-${request.query.from}-${request.query.to}.csv"`)
          .send(reportCsv(report, { other }));
      },
    );
  };
}
