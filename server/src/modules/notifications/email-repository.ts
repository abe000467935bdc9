import { sql } from "kysely";
import type { Executor } from "../../platform/db.ts";
import type { NetworkRole } from "../../platform/schema.ts";
import type { Viewer } from "../people/policy.ts";
import { stillReadable } from "./repository.ts";

export type EmailFrequencyValue = "immediate" | "daily" | "weekly" | "none";

/** Who a notification mail goes to; only active people are found. */
export interface EmailRecipient {
  id: string;
  role: NetworkRole;
  email: string;
  frequency: EmailFrequencyValue;
}

/** An active person and the email frequency they chose ('daily' when they never chose). */
export async function findEmailRecipient(db: Executor, userId: string): Promise<EmailRecipient | undefined> {
  return db
    .selectFrom("users")
    .leftJoin("notification_settings", "notification_settings.user_id", "users.id")
    .select(["users.id", "users.role", "users.email", sql<EmailFrequencyValue>`coalesce(notification_settings.email, 'daily')`.as("frequency")])
    .where("users.id", "=", userId)
    .where("users.status", "=", "active")
    .executeTakeFirst();
}

/** A notification as a mail line needs it. */
export interface MailableNotification {
  id: string;
  kind: string;
  actor_ids: string[];
  actor_count: number;
  community_id: string | null;
  community_name: string | null;
  post_id: string | null;
  post_html: string | null;
  comment_html: string | null;
}

/** At most this many lines in one mail; the rest is counted. */
export const MAIL_LINES = 50;

/**
 * The viewer's notifications still worth mailing: unread, about content they may still read (the
 * in-app list's filter), either among `ids` or changed in (`after`, `until`], most recent first.
 */
export async function listMailableNotifications(
  db: Executor,
  input: { viewer: Viewer; ids?: string[]; after?: Date; until?: Date },
): Promise<{ rows: MailableNotification[]; total: number }> {
  if (input.ids?.length === 0) return { rows: [], total: 0 };
  let query = db
    .selectFrom("notifications")
    .leftJoin("communities", "communities.id", "notifications.community_id")
    .leftJoin("posts", "posts.id", "notifications.post_id")
    .leftJoin("comments", "comments.id", "notifications.comment_id")
    .where(stillReadable(input.viewer))
    .where("notifications.read_at", "is", null);
  if (input.ids) query = query.where("notifications.id", "in", input.ids);
  if (input.after) query = query.where("notifications.updated_at", ">", input.after);
  if (input.until) query = query.where("notifications.updated_at", "<=", input.until);
  const rows = await query
    .select([
      "notifications.id",
      "notifications.kind",
      "notifications.actor_ids",
      "notifications.actor_count",
      "notifications.community_id",
      "communities.name as community_name",
      "notifications.post_id",
      "posts.body_html as post_html",
      "comments.body_html as comment_html",
      sql<string>`count(*) over ()`.as("total"),
    ])
    .orderBy("notifications.updated_at", "desc")
    .orderBy("notifications.id", "desc")
    .limit(MAIL_LINES)
    .execute();
  return { rows, total: Number(rows[0]?.total ?? 0) };
}

/** When the person last used the app, through a session or an access token. */
export async function lastActivity(db: Executor, userId: string): Promise<Date | null> {
  const row = await db
    .selectNoFrom((eb) => [
      eb.selectFrom("sessions").select((inner) => inner.fn.max("last_used_at").as("at")).where("user_id", "=", userId).as("session_at"),
      eb.selectFrom("access_tokens").select((inner) => inner.fn.max("last_used_at").as("at")).where("user_id", "=", userId).as("token_at"),
    ])
    .executeTakeFirstOrThrow();
  const times = [row.session_at, row.token_at].filter((at): at is Date => at instanceof Date);
  return times.length === 0 ? null : new Date(Math.max(...times.map((at) => at.getTime())));
}
