import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Attachment, AttachmentParams } from "@ruche/contracts";
import { Type } from "@sinclair/typebox";
import type { FastifyReply } from "fastify";
import { requireActor } from "../../platform/auth.ts";
import { failures } from "../../platform/http.ts";
import { imageResponse, imageUploadRateLimit, readUploadedPart, sendImage } from "../../platform/images.ts";
import { createStorage } from "../../platform/storage.ts";
import type { Runtime } from "../../runtime.ts";
import { previewsRoutes } from "../previews/routes.ts";
import { contentDisposition } from "./file-names.ts";
import { readAttachmentFile, uploadAttachment, type AttachmentFile } from "./service.ts";

/** Someone attaching ten files to a post uploads ten in a row: more room than for avatars. */
const attachmentUploadRateLimit = { ...imageUploadRateLimit, max: 60 };

const download = Type.Unsafe<Buffer>({
  description: "The file: re-encoded images inline, anything else as a download",
  content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } },
});

/**
 * Sends an attachment so that a browser never runs it: re-encoded images inline, every other
 * file as a download, never sniffed, and sandboxed should a browser render it anyway.
 */
function sendAttachment(reply: FastifyReply, file: AttachmentFile): FastifyReply {
  const image = file.kind === "image";
  if (!image) reply.header("content-security-policy", "default-src 'none'; sandbox");
  return reply
    .header("content-type", file.mimeType === "text/plain" ? "text/plain; charset=utf-8" : file.mimeType)
    .header("x-content-type-options", "nosniff")
    .header("content-disposition", contentDisposition(image ? "inline" : "attachment", file.name))
    .header("cache-control", "private, max-age=3600")
    .send(file.data);
}

/** HTTP routes of the attachments module: upload, download, thumbnail; and the link preview images. */
export function attachmentsRoutes(runtime: Runtime): FastifyPluginAsyncTypebox {
  const { db, config } = runtime;
  const storage = createStorage(config);

  return async (app) => {
    app.post(
      "/api/v1/attachments",
      {
        config: { rateLimit: attachmentUploadRateLimit },
        schema: {
          tags: ["attachments"],
          summary: "Upload a file to attach to a post or comment (multipart field `file`); it is yours alone until attached",
          consumes: ["multipart/form-data"],
          response: { 201: Attachment, ...failures(400, 401, 403, 413, 429) },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const upload = await readUploadedPart(request, config.attachmentMaxBytes);
        return reply.status(201).send(await uploadAttachment({ db, storage }, actor, upload));
      },
    );

    app.get(
      "/api/v1/attachments/:id/download",
      {
        schema: {
          tags: ["attachments"],
          summary: "An attachment's file, for those who may read its post (or its uploader, before it is attached)",
          params: AttachmentParams,
          response: { 200: download, ...failures(400, 401, 404) },
        },
      },
      async (request, reply) => {
        const file = await readAttachmentFile({ db, storage }, { viewer: requireActor(request), attachmentId: request.params.id, variant: "original" });
        return sendAttachment(reply, file);
      },
    );

    app.get(
      "/api/v1/attachments/:id/thumbnail",
      {
        schema: {
          tags: ["attachments"],
          summary: "An image attachment's thumbnail",
          params: AttachmentParams,
          response: { 200: imageResponse("The thumbnail, as WebP"), ...failures(400, 401, 404) },
        },
      },
      async (request, reply) => {
        const file = await readAttachmentFile({ db, storage }, { viewer: requireActor(request), attachmentId: request.params.id, variant: "thumbnail" });
        return sendImage(reply, file, { cache: "private", name: "thumbnail" });
      },
    );

    await app.register(previewsRoutes(runtime));
  };
}
