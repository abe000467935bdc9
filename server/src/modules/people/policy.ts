import { sql, type ExpressionBuilder, type ExpressionWrapper, type SqlBool } from "kysely";
import type { Actor } from "../../platform/auth.ts";
import type { Executor } from "../../platform/db.ts";
import type { Database } from "../../platform/schema.ts";

/** Who is looking: enough of an actor to decide what they may see. */
export type Viewer = Pick<Actor, "id" | "role">;

type UsersExpression = ExpressionBuilder<Database, "users">;

/**
 * The people `viewer` may see, as a filter on `users`: every list, lookup and count of people
 * applies it. Admins see everyone, deactivated accounts included (they manage them); members see
 * every active person; a guest (an external partner) sees only themself and
 * the people who share a community with them. Lists that show only active people (the
 * directory by default, the org chart) add that filter on top.
 */
export function visiblePeople(viewer: Viewer) {
  return (eb: UsersExpression): ExpressionWrapper<Database, "users", SqlBool> => {
    if (viewer.role === "admin") return eb.lit(true).$castTo<SqlBool>();
    const active = eb("users.status", "=", "active");
    if (viewer.role === "member") return active.$castTo<SqlBool>();
    // Guests: themself and the people who share a (not deleted) community with them; directory,
    // profile, avatar and org chart all follow. Company membership is implicit, never a guest's,
    // so only explicit rows count here.
    const sharesCommunity = eb.exists(
      eb
        .selectFrom("community_members as theirs")
        .innerJoin("community_members as mine", "mine.community_id", "theirs.community_id")
        .innerJoin("communities", "communities.id", "theirs.community_id")
        .select(sql`1`.as("one"))
        .whereRef("theirs.user_id", "=", "users.id")
        .where("mine.user_id", "=", viewer.id)
        .where("communities.deleted_at", "is", null),
    );
    return eb.and([active, eb.or([eb("users.id", "=", viewer.id), sharesCommunity])]);
  };
}

/**
 * Whether `viewer` may see the person `personId`: the same rule as `visiblePeople`, asked of one
 * row, so a single lookup and a list can never disagree.
 */
export async function canSeePerson(db: Executor, viewer: Viewer, personId: string): Promise<boolean> {
  const row = await db.selectFrom("users").select("users.id").where("users.id", "=", personId).where(visiblePeople(viewer)).executeTakeFirst();
  return Boolean(row);
}
