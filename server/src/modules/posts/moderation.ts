import type { Post } from "@ruche/contracts";
import type { Db } from "../../platform/db.ts";
import { AppError, errors } from "../../platform/errors.ts";
import { appendEvent } from "../../platform/outbox.ts";
import type { Viewer } from "../people/policy.ts";
import { postAccessOrThrow } from "./access.ts";
import { can } from "./policy.ts";
import { loadPost } from "./present.ts";

/**
 * Deletes a post (its author, the community's managers, administrators). It is soft: the post
 * disappears for everyone but administrators, who may restore it. Deleting it again changes nothing.
 */
export async function deletePost(db: Db, viewer: Viewer, id: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const post = await postAccessOrThrow(tx, viewer, id, { lock: true, deleted: true });
    if (post.row.deleted_at) return;
    if (!can(viewer, "delete", post.facts)) throw errors.forbidden("Only its author and the community's managers can delete a post");
    await tx.updateTable("posts").set({ deleted_at: new Date(), deleted_by: viewer.id }).where("id", "=", id).execute();
    await appendEvent(tx, { type: "post.deleted", actorId: viewer.id, subjectId: id, payload: { communityId: post.row.community_id } });
  });
}

/** Brings a deleted post back (administrators); a post that is not deleted is returned as it is. */
export async function restorePost(db: Db, viewer: Viewer, id: string): Promise<Post> {
  return db.transaction().execute(async (tx) => {
    const post = await postAccessOrThrow(tx, viewer, id, { lock: true, deleted: true });
    if (viewer.role !== "admin") throw errors.forbidden("Only administrators can restore a post");
    if (post.row.deleted_at) {
      await tx.updateTable("posts").set({ deleted_at: null, deleted_by: null }).where("id", "=", id).execute();
      await appendEvent(tx, { type: "post.restored", actorId: viewer.id, subjectId: id, payload: { communityId: post.row.community_id } });
    }
    return loadPost(tx, viewer, id);
  });
}

/** Pins a post at the top of its community, or unpins it (managers, administrators); asking for the current state changes nothing. */
export async function setPinned(db: Db, viewer: Viewer, input: { id: string; pinned: boolean }): Promise<Post> {
  return db.transaction().execute(async (tx) => {
    const post = await postAccessOrThrow(tx, viewer, input.id, { lock: true });
    if (post.community.facts.archived) throw new AppError("community_archived");
    if (!can(viewer, "pin", post.facts)) throw errors.forbidden("Only the community's managers can pin posts");
    if ((post.row.pinned_at !== null) !== input.pinned) {
      await tx
        .updateTable("posts")
        .set(input.pinned ? { pinned_at: new Date(), pinned_by: viewer.id } : { pinned_at: null, pinned_by: null })
        .where("id", "=", input.id)
        .execute();
      const type = input.pinned ? "post.pinned" : "post.unpinned";
      await appendEvent(tx, { type, actorId: viewer.id, subjectId: input.id, payload: { communityId: post.row.community_id } });
    }
    return loadPost(tx, viewer, input.id);
  });
}
