import type { EventHandler } from "../../platform/outbox.ts";
import type { Runtime } from "../../runtime.ts";
import type { ExtractionJob } from "./jobs.ts";
import { isExtractionPending, pendingExtractions } from "./repository.ts";

/**
 * After a post or comment is written (or a post edited) with PDF or DOCX attachments: queues the
 * reading of their text in the dispatcher's transaction, so that the job exists exactly when the
 * event is marked handled and a process dying in between loses neither. Posting never waits on it.
 */
function queueTextExtraction(runtime: Runtime, owner: "post" | "comment"): EventHandler {
  return async (event, tx) => {
    const ownerId = event.subject_id;
    if (!ownerId) return;
    const ids = await pendingExtractions(tx, owner === "post" ? { postId: ownerId } : { commentId: ownerId });
    for (const attachmentId of ids) {
      const job: ExtractionJob = { attachmentId };
      await runtime.jobs.send("attachments.extract_text", job, {}, tx);
    }
  };
}

/**
 * A file attached before Ruche read attached files' text (migration 0016 writes one event each):
 * its reading is queued like a new file's, unless it was read meanwhile.
 */
function queueBacklogExtraction(runtime: Runtime): EventHandler {
  return async (event, tx) => {
    const attachmentId = event.subject_id;
    if (!attachmentId || !(await isExtractionPending(tx, attachmentId))) return;
    const job: ExtractionJob = { attachmentId };
    await runtime.jobs.send("attachments.extract_text", job, {}, tx);
  };
}

/** Outbox handlers of the attachments module, by event type. */
export function attachmentsEventHandlers(runtime: Runtime): Record<string, EventHandler[]> {
  return {
    "post.created": [queueTextExtraction(runtime, "post")],
    "post.updated": [queueTextExtraction(runtime, "post")],
    "comment.created": [queueTextExtraction(runtime, "comment")],
    "attachment.extraction_requested": [queueBacklogExtraction(runtime)],
  };
}
