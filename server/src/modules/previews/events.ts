import type { EventHandler } from "../../platform/outbox.ts";
import type { Runtime } from "../../runtime.ts";
import type { PreviewJob } from "./jobs.ts";
import { retargetPreview } from "./repository.ts";

/**
 * The URL a post's preview shows: the first http(s) link of its body, as the posts module
 * found it when rendering (`link` in the event), unless it points back into Ruche itself.
 */
function previewedLink(payload: Record<string, unknown>, publicUrl: string): string | null {
  const link = typeof payload.link === "string" ? payload.link : null;
  if (!link) return null;
  try {
    return new URL(link).origin === new URL(publicUrl).origin ? null : link;
  } catch {
    return null;
  }
}

/**
 * After a post is written or edited: points its preview at its first link and queues the fetch
 * in the same transaction, so posting never waits on a remote site. An edit that keeps the link
 * keeps the preview; one that drops it removes it.
 */
function queueLinkPreview(runtime: Runtime): EventHandler {
  return async (event, tx) => {
    const postId = event.subject_id;
    if (!postId) return;
    const url = previewedLink(event.payload, runtime.config.publicUrl);
    const discardKeys = await retargetPreview(tx, postId, url);
    if (discardKeys === null || (!url && discardKeys.length === 0)) return;
    const job: PreviewJob = { postId, url, discardKeys };
    await runtime.jobs.send("previews.fetch", job, {}, tx);
  };
}

/** Outbox handlers of the link previews module, by event type. */
export function previewsEventHandlers(runtime: Runtime): Record<string, EventHandler[]> {
  return { "post.created": [queueLinkPreview(runtime)], "post.updated": [queueLinkPreview(runtime)] };
}
