// Helpers for the invitations and recovery tests (not loaded by the server).
import type { ParsedMail } from "mailparser";
import { eventually } from "../../../test/context.ts";
import type { MailCatcher } from "../../../test/smtp.ts";
import type { Db } from "../../platform/db.ts";

/** The link token in a received mail's plain text (the part after `token=`). */
export function tokenFromMail(mail: ParsedMail, page: string): string {
  const text = mail.text ?? "";
  const escaped = page.replace(/[/?]/g, (c) => `\\${c}`);
  const match = new RegExp(`${escaped}\\?token=([A-Za-z0-9_-]+)`).exec(text);
  if (!match?.[1]) throw new Error(`no ${page} link in: ${text}`);
  return match[1];
}

const joiningTables = ["users", "invitations", "email_tokens", "sessions", "events"] as const;

/** Row counts of the tables a joining flow writes, to prove that a refused request wrote nothing. */
export async function joiningRowCounts(db: Db): Promise<Record<(typeof joiningTables)[number], number>> {
  const counts = { users: 0, invitations: 0, email_tokens: 0, sessions: 0, events: 0 };
  for (const table of joiningTables) {
    const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as("count")).executeTakeFirstOrThrow();
    counts[table] = Number(row.count);
  }
  return counts;
}

/** Changes the organisation settings a test depends on. */
export async function setOrganisation(db: Db, settings: { defaultLanguage?: "fr" | "en"; membersCanInvite?: boolean; allowedSignupDomains?: string[]; name?: string }): Promise<void> {
  await db
    .updateTable("organisation")
    .set({
      ...(settings.defaultLanguage ? { default_language: settings.defaultLanguage } : {}),
      ...(settings.membersCanInvite !== undefined ? { members_can_invite: settings.membersCanInvite } : {}),
      ...(settings.allowedSignupDomains ? { allowed_signup_domains: settings.allowedSignupDomains } : {}),
      ...(settings.name ? { name: settings.name } : {}),
    })
    .execute();
}

/** Waits until `count` mails to `to` have arrived and returns them, oldest first. */
export async function mailsTo(catcher: MailCatcher, to: string, count: number): Promise<ParsedMail[]> {
  const isFor = (mail: ParsedMail) =>
    [mail.to].flat().some((address) => address?.value.some((v) => v.address?.toLowerCase() === to.toLowerCase()));
  return eventually(async () => {
    const found = catcher.messages.filter(isFor);
    return found.length >= count ? found : undefined;
  });
}
