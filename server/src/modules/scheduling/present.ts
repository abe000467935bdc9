import type { Attachment, ScheduledPost } from "@ruche/contracts";
import type { ScheduledPostRow } from "./repository.ts";

/** A scheduled post row as its author sees it, with the uploads it holds while it waits. */
export function presentScheduledPost(row: ScheduledPostRow, attachments: Attachment[]): ScheduledPost {
  return {
    id: row.id,
    community: { id: row.community_id, name: row.community_name },
    body: row.body,
    announcement: row.announcement,
    mustRead: row.must_read,
    attachments,
    poll: row.poll,
    sendAt: row.send_at.toISOString(),
    status: row.status,
    postId: row.post_id,
    failureCode: row.failure_code,
    failureReason: row.failure_reason,
    createdAt: row.created_at.toISOString(),
  };
}
