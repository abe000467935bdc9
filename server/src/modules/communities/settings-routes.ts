import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { AcceptCharterBody, Community, CommunityParams, SetCharterBody, SuggestedCommunities, SuggestedCommunitiesQuery } from "@ruche/contracts";
import { requireActor } from "../../platform/auth.ts";
import { failures } from "../../platform/http.ts";
import { imageResponse, imageUploadRateLimit, processImage, readUploadedFile, sendImage } from "../../platform/images.ts";
import { createStorage } from "../../platform/storage.ts";
import type { Runtime } from "../../runtime.ts";
import { acceptCharter, removeCharter, setCharter } from "./charter.ts";
import { COVER_MAX_DIMENSION, readCover, removeCover, requireCoverEditable, setCover } from "./cover.ts";
import { getCommunity } from "./service.ts";
import { suggestCommunities } from "./suggestions.ts";

const tags = ["communities"];
const byId = { params: CommunityParams };

/** HTTP routes for a community's charter, cover image and suggestions. */
export function communitySettingsRoutes(runtime: Runtime): FastifyPluginAsyncTypebox {
  const { db, config } = runtime;
  const storage = createStorage(config);

  return async (app) => {
    app.get(
      "/api/v1/communities/suggested",
      {
        schema: {
          tags,
          summary: "Communities one could join, those of one's department and profession first",
          querystring: SuggestedCommunitiesQuery,
          response: { 200: SuggestedCommunities, ...failures(400, 401) },
        },
      },
      async (request) => suggestCommunities(db, requireActor(request), request.query),
    );

    app.put(
      "/api/v1/communities/:id/charter",
      {
        schema: {
          tags,
          summary: "Publish a new charter version (owners, managers, admins; not while archived)",
          ...byId,
          body: SetCharterBody,
          response: { 200: Community, ...failures(400, 401, 403, 404, 409) },
        },
      },
      async (request) => setCharter(db, requireActor(request), request.params.id, request.body),
    );

    app.delete(
      "/api/v1/communities/:id/charter",
      {
        schema: { tags, summary: "Take the charter out of force; its versions stay on record", ...byId, response: { 200: Community, ...failures(400, 401, 403, 404, 409) } },
      },
      async (request) => removeCharter(db, requireActor(request), request.params.id),
    );

    app.post(
      "/api/v1/communities/:id/charter/accept",
      {
        schema: {
          tags,
          summary: "Accept the charter version in force (members)",
          ...byId,
          body: AcceptCharterBody,
          response: { 200: Community, ...failures(400, 401, 403, 404, 409) },
        },
      },
      async (request) => acceptCharter(db, requireActor(request), request.params.id, request.body),
    );

    app.put(
      "/api/v1/communities/:id/cover",
      {
        config: { rateLimit: imageUploadRateLimit },
        schema: {
          tags,
          summary: "Upload a community's cover image (owners, managers, admins; multipart field `file`: JPEG, PNG, WebP or GIF)",
          consumes: ["multipart/form-data"],
          ...byId,
          response: { 200: Community, ...failures(400, 401, 403, 404, 409, 413, 415, 429) },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const { id } = request.params;
        await requireCoverEditable(db, actor, id);
        const upload = await readUploadedFile(request, config.avatarMaxBytes);
        await setCover({ db, storage }, actor, id, await processImage(upload, { maxDimension: COVER_MAX_DIMENSION }));
        return getCommunity(db, actor, id);
      },
    );

    app.delete(
      "/api/v1/communities/:id/cover",
      { schema: { tags, summary: "Remove a community's cover image", ...byId, response: { 200: Community, ...failures(400, 401, 403, 404, 409) } } },
      async (request) => {
        const actor = requireActor(request);
        await removeCover({ db, storage }, actor, request.params.id);
        return getCommunity(db, actor, request.params.id);
      },
    );

    app.get(
      "/api/v1/communities/:id/cover",
      {
        schema: {
          tags,
          summary: "A community's cover image, for those who may see the community",
          ...byId,
          response: { 200: imageResponse("The cover, re-encoded as WebP"), ...failures(400, 401, 404) },
        },
      },
      async (request, reply) => {
        const cover = await readCover({ db, storage }, requireActor(request), request.params.id);
        // Private: only signed-in viewers who may see the community get it.
        return sendImage(reply, cover, { cache: "private", name: "cover" });
      },
    );
  };
}
