import type { Notification, NotificationKind } from "@ruche/contracts";
import { presentSummary, type SummaryRow } from "../people/present.ts";
import type { NotificationRow } from "./repository.ts";

const EXCERPT_LENGTH = 140;

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", apos: "'", nbsp: " " };

/** The first ~140 characters of rendered HTML as plain text, cut at a word when one ends near. */
export function excerptOf(html: string): string {
  const plain = html
    // Blocks end a word; inline tags (a mention's link, emphasis) do not.
    .replace(/<\/(p|div|li|h[1-6]|blockquote|pre|td|th)>|<br\s*\/?>/gi, " ")
    .replace(/<[^>]*>/g, "")
    .replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_, name: string) => ENTITIES[name] ?? "")
    .replace(/\s+/g, " ")
    .trim();
  if (plain.length <= EXCERPT_LENGTH) return plain;
  const cut = plain.slice(0, EXCERPT_LENGTH);
  const space = cut.lastIndexOf(" ");
  return `${(space > EXCERPT_LENGTH - 30 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** A notification row as the API shows it; actors the viewer may not see are left out, not counted out. */
export function presentNotification(row: NotificationRow, actors: Map<string, SummaryRow>): Notification {
  const visibleActors = row.actor_ids.flatMap((id) => {
    const actor = actors.get(id);
    return actor ? [presentSummary(actor)] : [];
  });
  return {
    id: row.id,
    kind: row.kind as NotificationKind,
    read: row.read_at !== null,
    updatedAt: row.updated_at.toISOString(),
    actors: visibleActors,
    actorCount: row.actor_count,
    community: row.community_id && row.community_name !== null ? { id: row.community_id, name: row.community_name } : null,
    post: row.post_id ? { id: row.post_id, excerpt: excerptOf(row.post_html ?? "") } : null,
    comment: row.comment_id ? { id: row.comment_id, excerpt: excerptOf(row.comment_html ?? "") } : null,
    reason: row.reason,
  };
}
