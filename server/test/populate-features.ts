import type { Db } from "../src/platform/db.ts";
import { newId } from "../src/platform/ids.ts";

/** Who and where the feature tables below are filled for (see populateEveryTable). */
export interface PopulatedPeople {
  adminId: string;
  memberId: string;
  communityId: string;
}

// Each function fills its feature's tables with at least one row each, with awkward text (tabs,
// quotes, backslashes, accents) where a column holds text, for the backup round trip.

/** Tables of migration 0010_disconnect. */
export async function populateDisconnect(db: Db, people: PopulatedPeople): Promise<void> {
  await db.updateTable("organisation").set({ working_days: [1, 2, 3, 4], work_starts: "08:30", work_ends: "18:00", managers_may_urge: true }).execute();
  await db.updateTable("users").set({ away_until: new Date("2026-12-01T07:00:00Z") }).where("id", "=", people.memberId).execute();
  const postId = "01900000-0000-7000-8000-00000000a010";
  const notificationId = "01900000-0000-7000-8000-00000000a110";
  await db
    .insertInto("posts")
    .values({ id: postId, community_id: people.communityId, author_id: people.adminId, body: "Alerte\t\"urgente\"", body_html: "<p>Alerte</p>", announcement: true })
    .execute();
  await db
    .insertInto("notifications")
    .values({ id: notificationId, user_id: people.memberId, kind: "announcement", community_id: people.communityId, post_id: postId, actor_ids: [people.adminId], grouped_actor_ids: [people.adminId], actor_count: 1 })
    .execute();
  await db
    .insertInto("notification_deliveries")
    .values([
      { id: "01900000-0000-7000-8000-00000000a210", user_id: people.memberId, notification_id: notificationId, due_at: new Date("2026-12-01T07:30:00Z"), urgent: true, released_at: null },
    ])
    .execute();
  await db
    .insertInto("urgent_overrides")
    .values({ id: "01900000-0000-7000-8000-00000000a310", post_id: postId, actor_id: people.adminId, reason: "Coupure d'électricité\t\"bâtiment B\"\\ ce soir" })
    .execute();
}

/** Tables of migration 0011_push. */
export async function populatePush(db: Db, people: PopulatedPeople): Promise<void> {
  await db
    .insertInto("push_subscriptions")
    .values({
      id: "01900000-0000-7000-8000-00000000a011",
      user_id: people.memberId,
      endpoint: "https://push.example.org/send/é\t\"quoted\"\\back",
      p256dh: "BOr-p256dh-key",
      auth: "auth-secret",
      user_agent: "Navigateur \"à\"\tonglet\\",
      last_success_at: new Date("2026-11-02T08:00:00Z"),
      failures: 2,
    })
    .execute();
}

/** Tables of migration 0012_email. */
export async function populateEmail(db: Db, people: PopulatedPeople): Promise<void> {
  await db
    .insertInto("email_digests")
    .values([
      { user_id: people.memberId, last_round_at: new Date("2026-03-29T06:05:00Z"), covered_until: new Date("2026-03-29T05:59:59.123456Z"), last_sent_at: new Date("2026-03-29T06:05:00Z") },
      { user_id: people.adminId, last_round_at: null, covered_until: null, last_sent_at: null },
    ])
    .execute();
}

/** Tables of migration 0013_scheduled_posts. */
export async function populateScheduledPosts(db: Db, people: PopulatedPeople): Promise<void> {
  const base = { author_id: people.memberId, community_id: people.communityId, send_at: new Date("2031-01-02T08:00:00Z") };
  await db
    .insertInto("scheduled_posts")
    .values([
      { ...base, id: newId(), body: "Réunion\tdemain \"à 8 h\" C:\\dossier", announcement: false },
      { ...base, id: newId(), body: "Trop tard", status: "failed", failure_code: "post_not_allowed", failure_reason: "L'auteur\test parti \"hier\"" },
    ])
    .execute();
  // The comment waits on a post of its own: the rows populateEveryTable writes next do not exist yet.
  const postId = newId();
  await db.insertInto("posts").values({ id: postId, community_id: people.communityId, author_id: people.adminId, body: "Ordre du jour", body_html: "<p>Ordre du jour</p>" }).execute();
  await db
    .insertInto("scheduled_comments")
    .values({ id: newId(), author_id: people.memberId, post_id: postId, body: "D'accord\t\"demain\" \\o/", send_at: new Date("2031-01-02T08:00:00Z") })
    .execute();
}
