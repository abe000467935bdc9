import type { Post, SharePostBody } from "@ruche/contracts";
import type { Db } from "../../platform/db.ts";
import { errors } from "../../platform/errors.ts";
import { appendEvent } from "../../platform/outbox.ts";
import type { Viewer } from "../people/policy.ts";
import { findPostAccess, postAccessOrThrow, readableCommunityOrThrow, requirePosting } from "./access.ts";
import { loadPost } from "./present.ts";
import { writeNewPost } from "./service.ts";

/**
 * Shares a post the viewer may read into another community they may post in, with an optional
 * comment. The copy always links the first original (sharing a share shares what it shared, so
 * only by someone who may read it), and shows it only to those who may read it, so sharing never
 * widens who reads a post.
 */
export async function sharePost(db: Db, viewer: Viewer, id: string, body: SharePostBody): Promise<Post> {
  return db.transaction().execute(async (tx) => {
    const shared = await postAccessOrThrow(tx, viewer, id);
    const original = shared.row.shared_post_id ? await findPostAccess(tx, viewer, shared.row.shared_post_id) : shared;
    if (!original) throw errors.forbidden("The original of this shared post is not available to you");
    const community = await readableCommunityOrThrow(tx, viewer, body.communityId);
    if (community.row.id === original.row.community_id) throw errors.invalidField("communityId", "is the community the post is already in");
    requirePosting(viewer, community.facts);
    const copyId = await writeNewPost(tx, { viewer, community, body: body.body?.trim() ?? "", sharedPostId: original.row.id });
    await appendEvent(tx, {
      type: "post.shared",
      actorId: viewer.id,
      subjectId: original.row.id,
      payload: { shareId: copyId, communityId: community.row.id, originalAuthorId: original.row.author_id },
    });
    return loadPost(tx, viewer, copyId);
  });
}
