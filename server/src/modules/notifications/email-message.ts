import type { Executor } from "../../platform/db.ts";
import { loadMailContext, renderEmail } from "../../platform/email-layout.ts";
import type { MailMessage } from "../../platform/mailer.ts";
import { actorsById } from "./repository.ts";
import type { EmailRecipient, MailableNotification } from "./email-repository.ts";
import { digestEmail, immediateEmail, lineText, type MailLine } from "./email-templates.ts";
import { unsubscribeUrl } from "./email-unsubscribe.ts";
import { excerptOf } from "./present.ts";

/** Which notification mail to write. */
export type MailKind = { type: "immediate" } | { type: "digest"; frequency: "daily" | "weekly" };

/** Where a notification leads in the web app: its post, else its community, else the list. */
function urlOf(row: MailableNotification, base: string): string {
  if (row.post_id) return `${base}/posts/${row.post_id}`;
  if (row.community_id) return `${base}/communities/${row.community_id}`;
  return `${base}/notifications`;
}

/**
 * A notification mail to `recipient`, in their language, HTML and text, carrying the signed
 * one-click unsubscribe link both in its body and as `List-Unsubscribe` (RFC 8058).
 */
export async function composeNotificationMail(
  db: Executor,
  input: { recipient: EmailRecipient; publicUrl: string; rows: MailableNotification[]; total: number; kind: MailKind },
): Promise<MailMessage> {
  const base = input.publicUrl.replace(/\/$/, "");
  const context = await loadMailContext(db, input.recipient.id);
  // Only people the recipient may see are named, as in the app's list.
  const actors = await actorsById(db, input.recipient, [...new Set(input.rows.flatMap((row) => row.actor_ids))]);
  const lines: MailLine[] = input.rows.map((row) => {
    const actorId = row.actor_ids.find((id) => actors.has(id));
    const actor = actorId ? (actors.get(actorId)?.display_name ?? null) : null;
    const text = lineText({ kind: row.kind, actor, others: Math.max(0, row.actor_count - 1), community: row.community_name }, context.language);
    const html = row.comment_html ?? row.post_html;
    return { text, excerpt: html ? excerptOf(html) || null : null, url: urlOf(row, base) };
  });
  const unsubscribe = await unsubscribeUrl(db, { publicUrl: base, userId: input.recipient.id });
  const common = { lines, total: input.total, notificationsUrl: `${base}/notifications`, unsubscribeUrl: unsubscribe, context };
  const content = input.kind.type === "immediate" ? immediateEmail(common) : digestEmail({ ...common, frequency: input.kind.frequency });
  return {
    ...renderEmail(input.recipient.email, content, context),
    headers: { "List-Unsubscribe": `<${unsubscribe}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  };
}
