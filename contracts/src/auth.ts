import { Type, type Static } from "@sinclair/typebox";
import { Email, Id, Language, Page, Password, TimeZone, Timestamp } from "./common.ts";
import { Me } from "./people.ts";

export const LoginBody = Type.Object({ email: Email, password: Password }, { additionalProperties: false });
export type LoginBody = Static<typeof LoginBody>;

/** The signed-in person and the CSRF token that state-changing requests must echo in `X-CSRF-Token`. */
export const SessionResponse = Type.Object({ user: Me, csrfToken: Type.String() });
export type SessionResponse = Static<typeof SessionResponse>;

export const ChangePasswordBody = Type.Object(
  { currentPassword: Password, newPassword: Password },
  { additionalProperties: false },
);
export type ChangePasswordBody = Static<typeof ChangePasswordBody>;

/** First-run setup: the organisation and its first administrator, accepted only while no admin exists. */
export const SetupBody = Type.Object(
  {
    organisationName: Type.String({ minLength: 1, maxLength: 120 }),
    defaultLanguage: Language,
    defaultTimezone: TimeZone,
    admin: Type.Object(
      { email: Email, displayName: Type.String({ minLength: 1, maxLength: 120 }), password: Password },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type SetupBody = Static<typeof SetupBody>;
export const SetupStatus = Type.Object({ needed: Type.Boolean() });
export type SetupStatus = Static<typeof SetupStatus>;

export const AccessToken = Type.Object({
  id: Id,
  name: Type.String(),
  prefix: Type.String(),
  createdAt: Timestamp,
  lastUsedAt: Type.Union([Timestamp, Type.Null()]),
  expiresAt: Type.Union([Timestamp, Type.Null()]),
});
export type AccessToken = Static<typeof AccessToken>;

export const CreateAccessTokenBody = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 80 }), expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })) },
  { additionalProperties: false },
);
export type CreateAccessTokenBody = Static<typeof CreateAccessTokenBody>;
/** The secret is shown once, at creation; only its hash is stored. */
export const CreatedAccessToken = Type.Object({ token: AccessToken, secret: Type.String() });
export type CreatedAccessToken = Static<typeof CreatedAccessToken>;

/** A page of the caller's active and expired (not revoked) access tokens, newest first. */
export const AccessTokenPage = Page(AccessToken);
export type AccessTokenPage = Static<typeof AccessTokenPage>;

export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });
