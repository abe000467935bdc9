import type { Db } from "../../platform/db.ts";
import { appendEvent } from "../../platform/outbox.ts";
import type { Viewer } from "../people/policy.ts";
import { postAccessOrThrow } from "./access.ts";
import { setBookmark, setFollowing } from "./repository.ts";

/** Bookmarks a post the viewer may read, or removes the bookmark; repeating either changes nothing. */
export async function setPostBookmark(db: Db, viewer: Viewer, input: { id: string; bookmarked: boolean }): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await postAccessOrThrow(tx, viewer, input.id);
    if (!(await setBookmark(tx, { userId: viewer.id, postId: input.id, on: input.bookmarked }))) return;
    await appendEvent(tx, { type: input.bookmarked ? "post.bookmarked" : "post.unbookmarked", actorId: viewer.id, subjectId: input.id });
  });
}

/** Follows a post the viewer may read (new comments notify them), or stops; repeating either changes nothing. */
export async function setPostFollowing(db: Db, viewer: Viewer, input: { id: string; following: boolean }): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await postAccessOrThrow(tx, viewer, input.id);
    if (!(await setFollowing(tx, { userId: viewer.id, postId: input.id, following: input.following }))) return;
    await appendEvent(tx, { type: input.following ? "post.followed" : "post.unfollowed", actorId: viewer.id, subjectId: input.id });
  });
}
