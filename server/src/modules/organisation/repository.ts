import type { Executor, Tx } from "../../platform/db.ts";
import type { OrganisationRow } from "../../platform/schema.ts";

type OrganisationUpdate = Partial<
  Pick<OrganisationRow, "name" | "default_language" | "default_timezone" | "allowed_signup_domains" | "members_can_invite">
>;

/** The organisation: one row, created by the first migration. */
export async function findOrganisation(db: Executor): Promise<OrganisationRow> {
  return db.selectFrom("organisation").selectAll().executeTakeFirstOrThrow();
}

export async function updateOrganisation(tx: Tx, changes: OrganisationUpdate): Promise<void> {
  await tx.updateTable("organisation").set({ ...changes, updated_at: new Date() }).execute();
}

/** Points the organisation at a new logo file (or none) and returns the one it had. */
export async function swapLogo(tx: Tx, fileId: string | null): Promise<string | null> {
  const row = await tx.selectFrom("organisation").select("logo_file_id").forUpdate().executeTakeFirstOrThrow();
  await tx.updateTable("organisation").set({ logo_file_id: fileId, updated_at: new Date() }).execute();
  return row.logo_file_id;
}
