import { Type, type Static } from "@sinclair/typebox";
import { Language, TimeZone } from "./common.ts";
import { SingleLine } from "./people.ts";

/** An email domain such as `example.com`; any case is accepted and stored lower-cased. */
const Domain = Type.String({
  minLength: 3,
  maxLength: 253,
  pattern: "^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+$",
});

export const Organisation = Type.Object({
  name: Type.String(),
  defaultLanguage: Language,
  defaultTimezone: Type.String(),
  logoUrl: Type.Union([Type.String(), Type.Null()]),
  /** Shown to admins only; empty for everyone else. */
  allowedSignupDomains: Type.Array(Type.String()),
  membersCanInvite: Type.Boolean(),
});
export type Organisation = Static<typeof Organisation>;

export const UpdateOrganisationBody = Type.Object(
  {
    name: Type.Optional(SingleLine({ minLength: 1, maxLength: 120 })),
    defaultLanguage: Type.Optional(Language),
    defaultTimezone: Type.Optional(TimeZone),
    allowedSignupDomains: Type.Optional(Type.Array(Domain, { maxItems: 50 })),
    membersCanInvite: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type UpdateOrganisationBody = Static<typeof UpdateOrganisationBody>;
