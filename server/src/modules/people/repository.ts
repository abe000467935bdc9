import type { Executor } from "../../platform/db.ts";
import type { UserRow } from "../../platform/schema.ts";
import { summaryColumns, type SummaryRow } from "./present.ts";

export async function findUserById(db: Executor, id: string): Promise<UserRow | undefined> {
  return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

/** A person's manager and direct reports, for the org chart. */
export async function findOrgChart(db: Executor, user: Pick<UserRow, "id" | "manager_id">): Promise<{ manager: SummaryRow | undefined; reports: SummaryRow[] }> {
  const [manager, reports] = await Promise.all([
    user.manager_id
      ? db.selectFrom("users").select(summaryColumns).where("id", "=", user.manager_id).executeTakeFirst()
      : Promise.resolve(undefined),
    db
      .selectFrom("users")
      .select(summaryColumns)
      .where("manager_id", "=", user.id)
      .where("status", "=", "active")
      .orderBy("display_name")
      .orderBy("id")
      .limit(200)
      .execute(),
  ]);
  return { manager, reports };
}
