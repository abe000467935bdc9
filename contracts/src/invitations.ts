import { Type, type Static } from "@sinclair/typebox";
import { Email, Id, NetworkRole, Page, PageQuery, Password, Timestamp } from "./common.ts";

export const InviteBody = Type.Object(
  { email: Email, role: Type.Optional(Type.Union([Type.Literal("member"), Type.Literal("admin")])) },
  { additionalProperties: false },
);
export type InviteBody = Static<typeof InviteBody>;

export const InvitationStatus = Type.Union([
  Type.Literal("pending"),
  Type.Literal("accepted"),
  Type.Literal("revoked"),
  Type.Literal("expired"),
]);
export type InvitationStatus = Static<typeof InvitationStatus>;

export const Invitation = Type.Object({
  id: Id,
  email: Type.String(),
  role: NetworkRole,
  invitedBy: Type.Union([Type.Object({ id: Id, displayName: Type.String() }), Type.Null()]),
  status: InvitationStatus,
  createdAt: Timestamp,
  expiresAt: Timestamp,
});
export type Invitation = Static<typeof Invitation>;

/** Filters of the invitations list: newest first, optionally one status. */
export const ListInvitationsQuery = Type.Composite([PageQuery, Type.Object({ status: Type.Optional(InvitationStatus) })], {
  additionalProperties: false,
});
export type ListInvitationsQuery = Static<typeof ListInvitationsQuery>;

export const InvitationsPage = Page(Invitation);
export type InvitationsPage = Static<typeof InvitationsPage>;

export const InvitationParams = Type.Object({ id: Id }, { additionalProperties: false });
export type InvitationParams = Static<typeof InvitationParams>;

/** `?token=...` of an invitation link. */
export const InvitationPreviewQuery = Type.Object({ token: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });
export type InvitationPreviewQuery = Static<typeof InvitationPreviewQuery>;

/** What an invitation link shows before it is accepted. */
export const InvitationPreview = Type.Object({ email: Type.String(), organisationName: Type.String(), invitedBy: Type.Union([Type.String(), Type.Null()]) });
export type InvitationPreview = Static<typeof InvitationPreview>;

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
export type TokenBody = Static<typeof TokenBody>;

/** Asks for a new email-verification link; answered 202 whether or not the address has an account. */
export const ResendVerificationBody = Type.Object({ email: Email }, { additionalProperties: false });
export type ResendVerificationBody = Static<typeof ResendVerificationBody>;

export const PasswordResetRequestBody = Type.Object({ email: Email }, { additionalProperties: false });
export type PasswordResetRequestBody = Static<typeof PasswordResetRequestBody>;

export const PasswordResetConfirmBody = Type.Object(
  { token: Type.String({ minLength: 1, maxLength: 200 }), password: Password },
  { additionalProperties: false },
);
export type PasswordResetConfirmBody = Static<typeof PasswordResetConfirmBody>;
