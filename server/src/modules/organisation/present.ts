import type { Organisation } from "@ruche/contracts";
import type { OrganisationRow } from "../../platform/schema.ts";

/** The organisation as shown to anyone; the sign-up domains only to admins. */
export function presentOrganisation(row: OrganisationRow, options: { forAdmin: boolean }): Organisation {
  return {
    name: row.name,
    defaultLanguage: row.default_language,
    defaultTimezone: row.default_timezone,
    // The file id in the URL changes with the logo, so browsers may cache it for long.
    logoUrl: row.logo_file_id ? `/api/v1/organisation/logo?v=${row.logo_file_id}` : null,
    allowedSignupDomains: options.forAdmin ? row.allowed_signup_domains : [],
    membersCanInvite: row.members_can_invite,
  };
}
