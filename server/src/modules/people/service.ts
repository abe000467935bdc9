import type { Me } from "@ruche/contracts";
import type { Executor } from "../../platform/db.ts";
import { errors } from "../../platform/errors.ts";
import { presentMe } from "./present.ts";
import { findOrgChart, findUserById } from "./repository.ts";

/** The signed-in person's own profile. */
export async function getMe(db: Executor, userId: string): Promise<Me> {
  const user = await findUserById(db, userId);
  if (!user) throw errors.notFound("user");
  const { manager, reports } = await findOrgChart(db, user);
  return presentMe(user, manager, reports);
}
