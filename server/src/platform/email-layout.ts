import { sql } from "kysely";
import { v5 as uuidV5 } from "uuid";
import type { Executor, Tx } from "./db.ts";
import type { Jobs } from "./jobs.ts";
import { escapeHtml, type MailMessage } from "./mailer.ts";
import type { EventRow } from "./schema.ts";

export type MailLanguage = "fr" | "en";

/** Who a transactional mail speaks for, and in which language. */
export interface MailContext {
  language: MailLanguage;
  organisationName: string;
}

/** The words of one transactional mail, already in the recipient's language. */
export interface EmailContent {
  subject: string;
  heading: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  /** A closing remark in small print (expiry, "ignore this if it was not you"). */
  footnote?: string;
  /** A list of lines, each a link (a summary of notifications). */
  links?: { label: string; url: string }[];
  /** A small link at the very end that stops such mails (notification mails). */
  unsubscribe?: { label: string; url: string };
}

const signature: Record<MailLanguage, (organisation: string) => string> = {
  en: (organisation) => `${organisation}, on Ruche`,
  fr: (organisation) => `${organisation}, sur Ruche`,
};

/** The recipient's language when they chose one, else the organisation's. */
export function pickLanguage(userLanguage: MailLanguage | null | undefined, organisationLanguage: MailLanguage): MailLanguage {
  return userLanguage ?? organisationLanguage;
}

/** Loads the organisation's name and the language to write to `userId` in (the organisation's for a newcomer). */
export async function loadMailContext(db: Executor, userId?: string | null): Promise<MailContext> {
  const organisation = await db.selectFrom("organisation").select(["name", "default_language"]).executeTakeFirstOrThrow();
  const user = userId
    ? await db.selectFrom("users").select("language").where("id", "=", userId).executeTakeFirst()
    : undefined;
  return { language: pickLanguage(user?.language, organisation.default_language), organisationName: organisation.name };
}

function renderText(content: EmailContent, context: MailContext): string {
  const lines = [content.heading, "", ...content.paragraphs.flatMap((p) => [p, ""])];
  for (const link of content.links ?? []) lines.push(`- ${link.label}`, `  ${link.url}`, "");
  if (content.action) lines.push(`${content.action.label}:`, content.action.url, "");
  if (content.footnote) lines.push(content.footnote, "");
  lines.push("--", signature[context.language](context.organisationName));
  if (content.unsubscribe) lines.push("", `${content.unsubscribe.label}: ${content.unsubscribe.url}`);
  return `${lines.join("\n")}\n`;
}

function renderHtml(content: EmailContent, context: MailContext): string {
  const paragraphs = content.paragraphs.map((p) => `<p style="margin:0 0 16px">${escapeHtml(p)}</p>`).join("\n");
  const action = content.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(content.action.url)}" style="background:#b45309;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;display:inline-block">${escapeHtml(content.action.label)}</a></p>
<p style="margin:0 0 16px;font-size:13px;color:#555555;word-break:break-all">${escapeHtml(content.action.url)}</p>`
    : "";
  const links = content.links?.length
    ? `<ul style="margin:0 0 16px;padding-left:20px">${content.links.map((link) => `<li style="margin:0 0 8px"><a href="${escapeHtml(link.url)}" style="color:#b45309">${escapeHtml(link.label)}</a></li>`).join("\n")}</ul>`
    : "";
  const unsubscribe = content.unsubscribe
    ? `<p style="margin:16px 0 0;font-size:12px;color:#555555"><a href="${escapeHtml(content.unsubscribe.url)}" style="color:#555555">${escapeHtml(content.unsubscribe.label)}</a></p>`
    : "";
  const footnote = content.footnote ? `<p style="margin:0 0 16px;font-size:13px;color:#555555">${escapeHtml(content.footnote)}</p>` : "";
  return `<!doctype html>
<html lang="${context.language}">
<head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head>
<body style="margin:0;padding:24px;background:#f6f6f6;font-family:Arial,Helvetica,sans-serif;color:#1f1f1f">
<div style="max-width:560px;margin:0 auto;background:#ffffff;padding:32px;border-radius:8px">
<h1 style="font-size:20px;margin:0 0 24px">${escapeHtml(content.heading)}</h1>
${paragraphs}
${links}
${action}
${footnote}
<p style="margin:32px 0 0;font-size:13px;color:#555555">${escapeHtml(signature[context.language](context.organisationName))}</p>
${unsubscribe}
</div>
</body>
</html>
`;
}

/** Lays out a transactional mail as HTML and plain text, in the context's language, signed with the organisation's name. */
export function renderEmail(to: string, content: EmailContent, context: MailContext): MailMessage {
  return { to, subject: content.subject, text: renderText(content, context), html: renderHtml(content, context) };
}

// Fixed namespace for mail job ids: the same event and purpose always give the same id.
const MAIL_JOB_NAMESPACE = "6f1d7c52-3b8e-4f4a-9d0e-2a7c1b5e8f30";

/** The mail job id for one message of one outbox event: a re-dispatched event enqueues nothing new. */
export function mailJobId(eventId: string, purpose = "mail"): string {
  return uuidV5(`${eventId}:${purpose}`, MAIL_JOB_NAMESPACE);
}

/**
 * Enqueues the mail an outbox event asks for, in the dispatcher's transaction, then removes the
 * raw link token from the stored event so no usable secret stays at rest.
 */
export async function enqueueEventMail(
  jobs: Jobs,
  tx: Tx,
  input: { event: EventRow; message: MailMessage; purpose?: string },
): Promise<void> {
  await jobs.send("mail.send", input.message, { id: mailJobId(input.event.id, input.purpose) }, tx);
  await scrubEventToken(tx, input.event.id);
}

/** Removes the raw link token from a stored event's payload. */
export async function scrubEventToken(tx: Executor, eventId: string): Promise<void> {
  await tx
    .updateTable("events")
    .set({ payload: sql<string>`payload - 'token'` })
    .where("id", "=", eventId)
    .execute();
}

/** A text field of an event's payload, or undefined when absent (e.g. a token already scrubbed). */
export function payloadText(event: EventRow, field: string): string | undefined {
  const value = event.payload[field];
  return typeof value === "string" ? value : undefined;
}
