import type { Attachment } from "@ruche/contracts";
import type { Executor, Tx } from "../../platform/db.ts";
import type { Viewer } from "../people/policy.ts";

/** The attachments of each post (or comment), in position order, in one query. TO BE WRITTEN. */
export async function attachmentsFor(_db: Executor, _owner: { postIds: string[] } | { commentIds: string[] }): Promise<Map<string, Attachment[]>> {
  return new Map();
}

/**
 * Gives a post (or comment) the attachments `viewer` uploaded, in the given order, replacing the
 * ones it had (editing). Unknown ids, someone else's uploads and ones already used answer 400
 * naming `attachmentIds`. TO BE WRITTEN.
 */
export async function claimAttachments(_tx: Tx, _viewer: Viewer, _ids: string[], _owner: { postId: string } | { commentId: string }): Promise<void> {}
