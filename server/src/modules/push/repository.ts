import { sql } from "kysely";
import type { Executor } from "../../platform/db.ts";

/** One browser a person subscribed, as the channel needs it. */
export interface SubscriptionRow {
  id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
}

/**
 * Records a subscription for `userId`. The endpoint is one browser: subscribed again (by someone
 * else on a shared computer, or with new keys), it becomes a fresh subscription of that person,
 * newest of theirs. One statement, so that two tabs subscribing at once cannot collide.
 */
export async function upsertSubscription(
  db: Executor,
  input: { id: string; userId: string; endpoint: string; p256dh: string; auth: string; userAgent: string | null },
): Promise<void> {
  await sql`
    insert into push_subscriptions (id, user_id, endpoint, p256dh, auth, user_agent)
    values (${input.id}, ${input.userId}, ${input.endpoint}, ${input.p256dh}, ${input.auth}, ${input.userAgent})
    on conflict (endpoint) do update set
      id = excluded.id, user_id = excluded.user_id, p256dh = excluded.p256dh, auth = excluded.auth,
      user_agent = excluded.user_agent, created_at = now(), last_success_at = null, failures = 0
  `.execute(db);
}

/** Keeps only the person's `keep` most recent subscriptions: each delivery posts to all of them. */
export async function trimSubscriptions(db: Executor, input: { userId: string; keep: number }): Promise<void> {
  const recent = db.selectFrom("push_subscriptions").select("id").where("user_id", "=", input.userId).orderBy("created_at", "desc").orderBy("id", "desc").limit(input.keep);
  await db.deleteFrom("push_subscriptions").where("user_id", "=", input.userId).where("id", "not in", recent).execute();
}

/** Forgets one of the person's subscriptions; returns whether there was one. */
export async function deleteOwnSubscription(db: Executor, input: { userId: string; endpoint: string }): Promise<boolean> {
  const result = await db.deleteFrom("push_subscriptions").where("user_id", "=", input.userId).where("endpoint", "=", input.endpoint).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Every browser the person subscribed. */
export async function listSubscriptions(db: Executor, userId: string): Promise<SubscriptionRow[]> {
  return db.selectFrom("push_subscriptions").select(["id", "endpoint", "p256dh", "auth"]).where("user_id", "=", userId).orderBy("created_at").execute();
}

/** Notes the outcome of one send: a success resets the failure count, a failure adds one. */
export async function recordOutcome(db: Executor, input: { id: string; success: boolean; at: Date }): Promise<void> {
  const changes = input.success ? { last_success_at: input.at, failures: 0 } : { failures: sql<number>`failures + 1` };
  await db.updateTable("push_subscriptions").set(changes).where("id", "=", input.id).execute();
}

/** Drops a subscription the push service says is gone. */
export async function deleteSubscription(db: Executor, id: string): Promise<void> {
  await db.deleteFrom("push_subscriptions").where("id", "=", id).execute();
}

/** The person as a push needs them: their role (for what they may read) and their language. */
export async function findRecipient(db: Executor, userId: string) {
  return db
    .selectFrom("users")
    .innerJoin("organisation", (join) => join.onTrue())
    .select(["users.id", "users.role", "users.status", "users.language", "organisation.default_language"])
    .where("users.id", "=", userId)
    .executeTakeFirst();
}
