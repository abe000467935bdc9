import type { ParsedMail } from "mailparser";
import type { TestContext } from "../../../test/context.ts";
import type { MailCatcher } from "../../../test/smtp.ts";
import { newId } from "../../platform/ids.ts";

/** Test helper: a post written straight into the table (no event, so no other mail is set off). */
export async function postDirectly(t: TestContext, input: { communityId: string; authorId: string; text: string }): Promise<string> {
  const id = newId();
  await t.db.insertInto("posts").values({ id, community_id: input.communityId, author_id: input.authorId, body: input.text, body_html: `<p>${input.text}</p>` }).execute();
  return id;
}

/** Test helper: a notification written straight into the table, changed at `at` (default now). */
export async function notifyDirectly(
  t: TestContext,
  input: { userId: string; actorId: string; communityId: string; postId?: string; kind?: string; at?: Date; read?: boolean },
): Promise<string> {
  const id = newId();
  const at = input.at ?? new Date();
  await t.db
    .insertInto("notifications")
    .values({
      id,
      user_id: input.userId,
      kind: input.kind ?? (input.postId ? "mention" : "invitation"),
      community_id: input.communityId,
      post_id: input.postId ?? null,
      actor_ids: [input.actorId],
      grouped_actor_ids: [input.actorId],
      actor_count: 1,
      reason: null,
      created_at: at,
      updated_at: at,
      read_at: input.read ? at : null,
    })
    .execute();
  return id;
}

/** Test helper: sets a person's email frequency. */
export async function chooseEmail(t: TestContext, userId: string, email: "immediate" | "daily" | "weekly" | "none"): Promise<void> {
  await t.db
    .insertInto("notification_settings")
    .values({ user_id: userId, email })
    .onConflict((conflict) => conflict.column("user_id").doUpdateSet({ email }))
    .execute();
}

/** Test helper: the mails the catcher holds for `address`. */
export function mailsTo(catcher: MailCatcher, address: string): ParsedMail[] {
  return catcher.messages.filter((mail) => [mail.to].flat().some((to) => to?.value.some((value) => value.address?.toLowerCase() === address.toLowerCase())));
}

/** Test helper: a raw header of a parsed mail, as sent. */
export function rawHeader(mail: ParsedMail, name: string): string | undefined {
  const line = mail.headerLines.find((header) => header.key === name.toLowerCase())?.line;
  return line?.slice(line.indexOf(":") + 1).trim();
}

/** Test helper: the one-click link of a mail, from its List-Unsubscribe header, as a path for inject(). */
export function unsubscribePath(mail: ParsedMail): string {
  const header = rawHeader(mail, "List-Unsubscribe")?.replace(/\r?\n\s*/g, "");
  const url = header?.match(/^<(.+)>$/)?.[1];
  if (!url) throw new Error(`no List-Unsubscribe link in ${String(header)}`);
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}
