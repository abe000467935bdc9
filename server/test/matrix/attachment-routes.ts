// Global routes of attachments and link preview images: each reads as its post does, in the secret community.
import { multipartFile } from "../uploads.ts";
import { seesSecret, signedIn, signedOut, type GlobalContext, type GlobalRoute } from "./global-kit.ts";
import { success, unauthenticated, type ActorKind, type Expected } from "./grid.ts";
import { expectStatus, send } from "./world.ts";

/** What the owner of the secret community posted there: an image attachment, and a post with a ready link preview. */
interface Posted {
  attachmentId: string;
  postId: string;
}

const posted = new WeakMap<GlobalContext, Posted>();

/** The owner uploads an image and posts it in the secret community; the post's preview reuses its thumbnail as image. */
async function postInSecret(context: GlobalContext): Promise<void> {
  const owner = context.people.credentials.owner;
  const upload = multipartFile(context.image);
  const uploaded = await send(context.app, { method: "POST", url: "/api/v1/attachments", headers: { ...owner, ...upload.headers }, payload: upload.payload });
  expectStatus(uploaded, 201, "uploading an attachment");
  const attachmentId = uploaded.json<{ id: string }>().id;
  const body = JSON.stringify({ communityId: context.secret.id, body: "Plan du site", attachmentIds: [attachmentId] });
  const post = await send(context.app, { method: "POST", url: "/api/v1/posts", headers: { ...owner, "content-type": "application/json" }, payload: body });
  expectStatus(post, 201, "posting in the secret community");
  const postId = post.json<{ id: string }>().id;
  const { thumbnail_file_id } = await context.db.selectFrom("attachments").select("thumbnail_file_id").where("id", "=", attachmentId).executeTakeFirstOrThrow();
  await context.db
    .insertInto("link_previews")
    .values({ post_id: postId, url: "https://example.org/plan", status: "ready", title: "Plan", image_file_id: thumbnail_file_id, fetched_at: new Date() })
    .execute();
  posted.set(context, { attachmentId, postId });
}

function postedIn(context: GlobalContext): Posted {
  const found = posted.get(context);
  if (!found) throw new Error("nothing was posted for this route");
  return found;
}

/** Readers of the secret community's posts get the file; anyone else, exactly what an unknown id gets. */
const readersOnly = (code: "attachment_not_found" | "post_not_found") => (actor: ActorKind): Expected => {
  if (signedOut(actor)) return unauthenticated;
  return seesSecret(actor) ? success(200) : { status: 404, code, sameAsUnknown: "id" };
};

/** Uploads, downloads and thumbnails of attachments, and link preview images. */
export const attachmentRoutes: Record<string, GlobalRoute> = {
  "POST /api/v1/attachments": { request: () => ({ file: true }), expect: signedIn(201) },
  "GET /api/v1/attachments/{id}/download": {
    prepare: postInSecret,
    request: (context) => ({ params: { id: postedIn(context).attachmentId } }),
    expect: readersOnly("attachment_not_found"),
  },
  "GET /api/v1/attachments/{id}/thumbnail": {
    prepare: postInSecret,
    request: (context) => ({ params: { id: postedIn(context).attachmentId } }),
    expect: readersOnly("attachment_not_found"),
  },
  "GET /api/v1/posts/{id}/preview-image": {
    prepare: postInSecret,
    request: (context) => ({ params: { id: postedIn(context).postId } }),
    expect: readersOnly("post_not_found"),
  },
};
