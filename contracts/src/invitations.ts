import { Type, type Static } from "@sinclair/typebox";
import { Email, Id, NetworkRole, Password, Timestamp } from "./common.ts";

export const InviteBody = Type.Object(
  { email: Email, role: Type.Optional(Type.Union([Type.Literal("member"), Type.Literal("admin")])) },
  { additionalProperties: false },
);
export type InviteBody = Static<typeof InviteBody>;

export const Invitation = Type.Object({
  id: Id,
  email: Type.String(),
  role: NetworkRole,
  invitedBy: Type.Union([Type.Object({ id: Id, displayName: Type.String() }), Type.Null()]),
  status: Type.Union([Type.Literal("pending"), Type.Literal("accepted"), Type.Literal("revoked"), Type.Literal("expired")]),
  createdAt: Timestamp,
  expiresAt: Timestamp,
});
export type Invitation = Static<typeof Invitation>;

/** What an invitation link shows before it is accepted. */
export const InvitationPreview = Type.Object({ email: Type.String(), organisationName: Type.String(), invitedBy: Type.Union([Type.String(), Type.Null()]) });

export const AcceptInvitationBody = Type.Object(
  { token: Type.String({ minLength: 1, maxLength: 200 }), displayName: Type.String({ minLength: 1, maxLength: 120 }), password: Password },
  { additionalProperties: false },
);
export type AcceptInvitationBody = Static<typeof AcceptInvitationBody>;

export const SignupBody = Type.Object(
  { email: Email, displayName: Type.String({ minLength: 1, maxLength: 120 }), password: Password },
  { additionalProperties: false },
);
export type SignupBody = Static<typeof SignupBody>;

export const TokenBody = Type.Object({ token: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });

export const PasswordResetRequestBody = Type.Object({ email: Email }, { additionalProperties: false });
export const PasswordResetConfirmBody = Type.Object(
  { token: Type.String({ minLength: 1, maxLength: 200 }), password: Password },
  { additionalProperties: false },
);
export type PasswordResetConfirmBody = Static<typeof PasswordResetConfirmBody>;

