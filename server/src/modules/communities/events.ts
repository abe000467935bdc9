import type { EventHandler } from "../../platform/outbox.ts";
import type { Runtime } from "../../runtime.ts";

/**
 * The company community seeded by the migration is named after the organisation as it stood
 * then (the placeholder "Ruche"); first-run setup gives the organisation its real name, and
 * this carries it over. Communities created by someone (created_by set) keep their own names.
 */
const nameSeededCompany: EventHandler = async (_event, tx) => {
  const organisation = await tx.selectFrom("organisation").select("name").executeTakeFirst();
  if (!organisation) return;
  await tx
    .updateTable("communities")
    .set({ name: organisation.name, updated_at: new Date() })
    .where("kind", "=", "company")
    .where("created_by", "is", null)
    .execute();
};

/** Outbox handlers of the communities module, by event type. */
export function communitiesEventHandlers(_runtime: Runtime): Record<string, EventHandler[]> {
  return { "organisation.setup_completed": [nameSeededCompany] };
}
