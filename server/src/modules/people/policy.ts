import type { ExpressionBuilder, ExpressionWrapper, SqlBool } from "kysely";
import type { Actor } from "../../platform/auth.ts";
import type { Executor } from "../../platform/db.ts";
import type { Database } from "../../platform/schema.ts";

/** Who is looking: enough of an actor to decide what they may see. */
export type Viewer = Pick<Actor, "id" | "role">;

type UsersExpression = ExpressionBuilder<Database, "users">;

/**
 * The people `viewer` may see, as a filter on `users`: every list, lookup and count of people
 * applies it. Admins see everyone, deactivated accounts included (they manage them); members see
 * every active person; a guest (an external partner) sees only themself and, once communities
 * exist, the people who share a community with them. Lists that show only active people (the
 * directory by default, the org chart) add that filter on top.
 */
export function visiblePeople(viewer: Viewer) {
  return (eb: UsersExpression): ExpressionWrapper<Database, "users", SqlBool> => {
    if (viewer.role === "admin") return eb.lit(true).$castTo<SqlBool>();
    const active = eb("users.status", "=", "active");
    if (viewer.role === "member") return active.$castTo<SqlBool>();
    // Guests. When communities land, this is the one place that widens their view: OR in
    //   eb.exists(co-membership of users.id and viewer.id in community_members)
    // (both memberships current); directory, profile, avatar and org chart all follow.
    return eb.and([active, eb("users.id", "=", viewer.id)]);
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
