import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { ListPeopleQuery, Me, PeoplePage, Person, PersonParams, UpdateProfileBody } from "@ruche/contracts";
import { requireActor } from "../../platform/auth.ts";
import { imageResponse, imageUploadRateLimit, processImage, readUploadedFile, sendImage } from "../../platform/images.ts";
import { createStorage } from "../../platform/storage.ts";
import type { Runtime } from "../../runtime.ts";
import { failures } from "../../platform/http.ts";
import { adminRoutes } from "./admin-routes.ts";
import { AVATAR_MAX_DIMENSION, readAvatar, removeAvatar, setAvatar } from "./avatars.ts";
import { listPeople } from "./directory.ts";
import { getMe, getPerson, updateProfile } from "./service.ts";

/** HTTP routes of the people module: one's own profile and avatar, the directory, profiles, admin. */
export function peopleRoutes(runtime: Runtime): FastifyPluginAsyncTypebox {
  const { db, config } = runtime;
  const storage = createStorage(config);

  return async (app) => {
    app.get(
      "/api/v1/me",
      { schema: { tags: ["people"], summary: "The signed-in person's profile", response: { 200: Me, ...failures(401) } } },
      async (request) => getMe(db, requireActor(request).id),
    );

    app.patch(
      "/api/v1/me",
      {
        schema: {
          tags: ["people"],
          summary: "Edit one's own profile (absent fields stay unchanged; empty text clears a field)",
          body: UpdateProfileBody,
          response: { 200: Me, ...failures(400, 401, 403) },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        await updateProfile(db, { viewer: actor, personId: actor.id, body: request.body });
        return getMe(db, actor.id);
      },
    );

    app.put(
      "/api/v1/me/avatar",
      {
        config: { rateLimit: imageUploadRateLimit },
        schema: {
          tags: ["people"],
          summary: "Upload one's avatar (multipart field `file`: JPEG, PNG, WebP or GIF)",
          consumes: ["multipart/form-data"],
          response: { 200: Me, ...failures(400, 401, 403, 413, 415, 429) },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const upload = await readUploadedFile(request, config.avatarMaxBytes);
        await setAvatar({ db, storage }, actor.id, await processImage(upload, { maxDimension: AVATAR_MAX_DIMENSION }));
        return getMe(db, actor.id);
      },
    );

    app.delete(
      "/api/v1/me/avatar",
      { schema: { tags: ["people"], summary: "Remove one's avatar", response: { 200: Me, ...failures(401, 403) } } },
      async (request) => {
        const actor = requireActor(request);
        await removeAvatar({ db, storage }, actor.id);
        return getMe(db, actor.id);
      },
    );

    app.get(
      "/api/v1/people",
      {
        schema: {
          tags: ["people"],
          summary: "The people directory: search, filters, name order, keyset pagination",
          querystring: ListPeopleQuery,
          response: { 200: PeoplePage, ...failures(400, 401) },
        },
      },
      async (request) => listPeople(db, requireActor(request), request.query),
    );

    app.get(
      "/api/v1/people/:id",
      {
        schema: {
          tags: ["people"],
          summary: "A person's profile, with their manager and direct reports",
          params: PersonParams,
          response: { 200: Person, ...failures(400, 401, 404) },
        },
      },
      async (request) => getPerson(db, requireActor(request), request.params.id),
    );

    app.get(
      "/api/v1/people/:id/avatar",
      {
        schema: {
          tags: ["people"],
          summary: "A person's avatar image",
          params: PersonParams,
          response: { 200: imageResponse("The avatar, re-encoded as WebP"), ...failures(400, 401, 404) },
        },
      },
      async (request, reply) => {
        const avatar = await readAvatar({ db, storage }, requireActor(request), request.params.id);
        // Private: only signed-in viewers who may see the person get it.
        return sendImage(reply, avatar, { cache: "private", name: "avatar" });
      },
    );

    await app.register(adminRoutes(runtime));
  };
}
