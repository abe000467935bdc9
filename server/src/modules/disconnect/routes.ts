import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { UpdateWorkingTimeBody, WorkingTime } from "@ruche/contracts";
import { requireActor, requireAdmin } from "../../platform/auth.ts";
import { failures } from "../../platform/http.ts";
import type { Runtime } from "../../runtime.ts";
import { getWorkingTime, updateWorkingTime } from "./service.ts";

/** HTTP routes of the right to disconnect: the organisation's working time. */
export function disconnectRoutes(runtime: Runtime): FastifyPluginAsyncTypebox {
  const { db } = runtime;
  return async (app) => {
    app.get(
      "/api/v1/organisation/working-time",
      {
        schema: {
          tags: ["organisation"],
          summary: "The organisation's working days and hours, outside which email and push are held",
          response: { 200: WorkingTime, ...failures(401) },
        },
      },
      async (request) => {
        requireActor(request);
        return getWorkingTime(db);
      },
    );

    app.patch(
      "/api/v1/organisation/working-time",
      {
        schema: {
          tags: ["organisation", "admin"],
          summary: "Change the organisation's working time and who may mark announcements urgent (admins)",
          body: UpdateWorkingTimeBody,
          response: { 200: WorkingTime, ...failures(400, 401, 403) },
        },
      },
      async (request) => updateWorkingTime(db, { actor: requireAdmin(request), body: request.body }),
    );
  };
}
