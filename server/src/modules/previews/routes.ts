import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { PostParams } from "@ruche/contracts";
import { requireActor } from "../../platform/auth.ts";
import { failures } from "../../platform/http.ts";
import { imageResponse, sendImage } from "../../platform/images.ts";
import { createStorage } from "../../platform/storage.ts";
import type { Runtime } from "../../runtime.ts";
import { readPreviewImage } from "./service.ts";

/** HTTP routes of the link previews module: the re-hosted preview image. */
export function previewsRoutes(runtime: Runtime): FastifyPluginAsyncTypebox {
  const { db, config } = runtime;
  const storage = createStorage(config);

  return async (app) => {
    app.get(
      "/api/v1/posts/:id/preview-image",
      {
        schema: {
          tags: ["posts"],
          summary: "The image of a post's link preview, re-hosted (never hot-linked)",
          params: PostParams,
          response: { 200: imageResponse("The preview image, re-encoded as WebP"), ...failures(400, 401, 404) },
        },
      },
      async (request, reply) => {
        const image = await readPreviewImage({ db, storage }, requireActor(request), request.params.id);
        return sendImage(reply, image, { cache: "private", name: "preview" });
      },
    );
  };
}
