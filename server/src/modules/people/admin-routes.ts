import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { ChangeRoleBody, Person, PersonParams, UpdateProfileBody } from "@ruche/contracts";
import { requireAdmin } from "../../platform/auth.ts";
import type { Runtime } from "../../runtime.ts";
import { failures } from "../../platform/http.ts";
import { changeRole, deactivatePerson, reactivatePerson } from "./admin.ts";
import { getPerson, updateProfile } from "./service.ts";

/** Admin user management: provisioning profiles, roles, deactivation. */
export function adminRoutes(runtime: Runtime): FastifyPluginAsyncTypebox {
  const { db } = runtime;

  return async (app) => {
    // Before validation, so a non-admin learns nothing about what these routes accept.
    app.addHook("preValidation", async (request) => {
      requireAdmin(request);
    });

    app.patch(
      "/api/v1/people/:id",
      {
        schema: {
          tags: ["admin"],
          summary: "Edit anyone's profile, e.g. to provision managers and departments (admins)",
          params: PersonParams,
          body: UpdateProfileBody,
          response: { 200: Person, ...failures(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const admin = requireAdmin(request);
        await updateProfile(db, { viewer: admin, personId: request.params.id, body: request.body });
        return getPerson(db, admin, request.params.id);
      },
    );

    app.put(
      "/api/v1/people/:id/role",
      {
        schema: {
          tags: ["admin"],
          summary: "Change a person's network role (admins); the last active admin cannot be demoted",
          params: PersonParams,
          body: ChangeRoleBody,
          response: { 200: Person, ...failures(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const admin = requireAdmin(request);
        await changeRole(db, { actor: admin, personId: request.params.id, role: request.body.role });
        return getPerson(db, admin, request.params.id);
      },
    );

    app.post(
      "/api/v1/people/:id/deactivate",
      {
        schema: {
          tags: ["admin"],
          summary: "Deactivate an account and end its sessions (admins); the last active admin cannot be",
          params: PersonParams,
          response: { 200: Person, ...failures(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const admin = requireAdmin(request);
        await deactivatePerson(db, { actor: admin, personId: request.params.id });
        return getPerson(db, admin, request.params.id);
      },
    );

    app.post(
      "/api/v1/people/:id/reactivate",
      {
        schema: {
          tags: ["admin"],
          summary: "Reactivate a deactivated account (admins)",
          params: PersonParams,
          response: { 200: Person, ...failures(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const admin = requireAdmin(request);
        await reactivatePerson(db, { actor: admin, personId: request.params.id });
        return getPerson(db, admin, request.params.id);
      },
    );
  };
}
