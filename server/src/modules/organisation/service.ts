import type { Organisation, UpdateOrganisationBody } from "@ruche/contracts";
import type { Actor } from "../../platform/auth.ts";
import type { Db, Executor } from "../../platform/db.ts";
import { AppError } from "../../platform/errors.ts";
import { readStoredFile, removeImage, storeImage, type ImageSlot, type ProcessedImage } from "../../platform/images.ts";
import { appendEvent } from "../../platform/outbox.ts";
import type { Storage } from "../../platform/storage.ts";
import { checkTimeZone } from "../../platform/time-zones.ts";
import { presentOrganisation } from "./present.ts";
import { findOrganisation, swapLogo, updateOrganisation as writeOrganisation } from "./repository.ts";

/** A logo shows in a header: a larger side only costs bytes. */
export const LOGO_MAX_DIMENSION = 512;

/** The organisation as `viewer` may see it (anyone, signed in or not). */
export async function getOrganisation(db: Executor, viewer: Pick<Actor, "role"> | null): Promise<Organisation> {
  return presentOrganisation(await findOrganisation(db), { forAdmin: viewer?.role === "admin" });
}

/** Lower-cased, each domain once, in the order given. */
function normaliseDomains(domains: string[]): string[] {
  return [...new Set(domains.map((domain) => domain.trim().toLowerCase()))];
}

/** Applies an admin's change to the organisation's settings. */
export async function updateOrganisation(db: Db, input: { actor: Actor; body: UpdateOrganisationBody }): Promise<void> {
  const { body } = input;
  const name = body.name?.trim();
  if (body.name !== undefined && !name) throw new AppError("validation_failed", "name: must not be empty", [{ field: "name", message: "must not be empty" }]);
  if (body.defaultTimezone !== undefined) checkTimeZone(body.defaultTimezone, "defaultTimezone");
  await db.transaction().execute(async (tx) => {
    await writeOrganisation(tx, {
      ...(name ? { name } : {}),
      ...(body.defaultLanguage ? { default_language: body.defaultLanguage } : {}),
      ...(body.defaultTimezone ? { default_timezone: body.defaultTimezone } : {}),
      ...(body.allowedSignupDomains ? { allowed_signup_domains: normaliseDomains(body.allowedSignupDomains) } : {}),
      ...(body.membersCanInvite !== undefined ? { members_can_invite: body.membersCanInvite } : {}),
    });
    await appendEvent(tx, { type: "organisation.updated", actorId: input.actor.id, payload: { fields: Object.keys(body).sort() } });
  });
}

interface Deps {
  db: Db;
  storage: Storage;
}

function logoSlot(deps: Deps, actor: Actor): ImageSlot {
  return {
    ...deps,
    purpose: "logo",
    // The logo belongs to the organisation, not to the admin who uploaded it (the event says who).
    ownerId: null,
    swap: async (tx, fileId) => {
      const previous = await swapLogo(tx, fileId);
      if (previous !== fileId) await appendEvent(tx, { type: "organisation.updated", actorId: actor.id, payload: { fields: ["logo"] } });
      return previous;
    },
  };
}

/** Makes a checked, re-encoded image the organisation's logo; the previous one is deleted. */
export async function setLogo(deps: Deps, actor: Actor, image: ProcessedImage): Promise<void> {
  await storeImage(logoSlot(deps, actor), image);
}

export async function removeLogo(deps: Deps, actor: Actor): Promise<void> {
  await removeImage(logoSlot(deps, actor));
}

/** The logo image, public like the sign-in page that shows it. */
export async function readLogo(deps: { db: Executor; storage: Storage }): Promise<{ data: Buffer; mimeType: string }> {
  const organisation = await findOrganisation(deps.db);
  const file = organisation.logo_file_id ? await readStoredFile(deps.db, deps.storage, organisation.logo_file_id) : undefined;
  if (!file) throw new AppError("not_found", "The organisation has no logo");
  return file;
}
