import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Organisation, UpdateOrganisationBody } from "@ruche/contracts";
import { requireAdmin } from "../../platform/auth.ts";
import { imageResponse, imageUploadRateLimit, processImage, readUploadedFile, sendImage } from "../../platform/images.ts";
import { createStorage } from "../../platform/storage.ts";
import type { Runtime } from "../../runtime.ts";
import { failures } from "../../platform/http.ts";
import { getOrganisation, LOGO_MAX_DIMENSION, readLogo, removeLogo, setLogo, updateOrganisation } from "./service.ts";

/** HTTP routes of the organisation module: its settings and logo. */
export function organisationRoutes(runtime: Runtime): FastifyPluginAsyncTypebox {
  const { db, config } = runtime;
  const storage = createStorage(config);

  return async (app) => {
    app.get(
      "/api/v1/organisation",
      {
        schema: {
          tags: ["organisation"],
          summary: "The organisation's name, languages and logo (public: the sign-in page shows them)",
          security: [],
          response: { 200: Organisation },
        },
      },
      async (request) => getOrganisation(db, request.actor),
    );

    app.patch(
      "/api/v1/organisation",
      {
        schema: {
          tags: ["organisation", "admin"],
          summary: "Change the organisation's settings (admins)",
          body: UpdateOrganisationBody,
          response: { 200: Organisation, ...failures(400, 401, 403) },
        },
      },
      async (request) => {
        const admin = requireAdmin(request);
        await updateOrganisation(db, { actor: admin, body: request.body });
        return getOrganisation(db, admin);
      },
    );

    app.put(
      "/api/v1/organisation/logo",
      {
        config: { rateLimit: imageUploadRateLimit },
        schema: {
          tags: ["organisation", "admin"],
          summary: "Upload the organisation's logo (admins; multipart field `file`: JPEG, PNG, WebP or GIF)",
          consumes: ["multipart/form-data"],
          response: { 200: Organisation, ...failures(400, 401, 403, 413, 415, 429) },
        },
      },
      async (request) => {
        const admin = requireAdmin(request);
        const upload = await readUploadedFile(request, config.avatarMaxBytes);
        await setLogo({ db, storage }, admin, await processImage(upload, { maxDimension: LOGO_MAX_DIMENSION }));
        return getOrganisation(db, admin);
      },
    );

    app.delete(
      "/api/v1/organisation/logo",
      {
        schema: {
          tags: ["organisation", "admin"],
          summary: "Remove the organisation's logo (admins)",
          response: { 200: Organisation, ...failures(401, 403) },
        },
      },
      async (request) => {
        const admin = requireAdmin(request);
        await removeLogo({ db, storage }, admin);
        return getOrganisation(db, admin);
      },
    );

    app.get(
      "/api/v1/organisation/logo",
      {
        schema: {
          tags: ["organisation"],
          summary: "The organisation's logo image (public)",
          security: [],
          response: { 200: imageResponse("The logo, re-encoded as WebP"), ...failures(404) },
        },
      },
      async (_request, reply) => {
        const logo = await readLogo({ db, storage });
        return sendImage(reply, logo, { cache: "public", name: "logo" });
      },
    );
  };
}
