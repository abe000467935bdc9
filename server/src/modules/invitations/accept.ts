import type { AcceptInvitationBody, InvitationPreview } from "@ruche/contracts";
import { createSession } from "../../platform/auth.ts";
import type { Db } from "../../platform/db.ts";
import { AppError, errors } from "../../platform/errors.ts";
import { hashSecret, newId } from "../../platform/ids.ts";
import { appendEvent } from "../../platform/outbox.ts";
import { checkPasswordStrength, hashPassword } from "../../platform/passwords.ts";
import type { InvitationRow } from "../../platform/schema.ts";
import { joinCommunitiesInvitedThrough } from "../communities/invitations.ts";
import { cleanDisplayName } from "./display-name.ts";
import { invitationStatus, presentPreview } from "./present.ts";
import { findInvitationByTokenHash, findJoiningSettings, findUserByEmail, insertUser, lockAddress, lockInvitationByTokenHash, markInvitationAccepted } from "./repository.ts";

/** A session opened for the person who just accepted. */
export interface AcceptedInvitation {
  userId: string;
  token: string;
  csrfToken: string;
}

/** Refuses a link that can no longer be used: accepted 410, expired 410, revoked 400 (naming `token`). */
function assertLinkUsable(invitation: Pick<InvitationRow, "accepted_at" | "revoked_at" | "expires_at">): void {
  const problems = {
    accepted: { code: "token_used", message: "has already been used" },
    revoked: { code: "token_invalid", message: "was withdrawn" },
    expired: { code: "token_expired", message: "has expired" },
  } as const;
  const status = invitationStatus(invitation);
  if (status === "pending") return;
  const problem = problems[status];
  throw new AppError(problem.code, `token: this invitation ${problem.message}`, [{ field: "token", code: problem.code, message: problem.message }]);
}

/** What the invitation page shows before the person chooses a name and password. */
export async function previewInvitation(db: Db, token: string): Promise<InvitationPreview> {
  const invitation = await findInvitationByTokenHash(db, hashSecret(token));
  if (!invitation) throw errors.notFound("invitation");
  assertLinkUsable(invitation);
  const settings = await findJoiningSettings(db);
  return presentPreview(invitation, settings.name);
}

/**
 * Creates the invited person's account (address verified: the link proves it), uses up the link,
 * brings the person into the communities they were invited to with it, and opens a session, all
 * in one transaction that holds the invitation's row lock.
 */
export async function acceptInvitation(
  db: Db,
  input: AcceptInvitationBody,
  client: { userAgent?: string | undefined; ip?: string | undefined },
): Promise<AcceptedInvitation> {
  return db.transaction().execute(async (tx) => {
    const invitation = await lockInvitationByTokenHash(tx, hashSecret(input.token));
    if (!invitation) throw errors.notFound("invitation");
    assertLinkUsable(invitation);
    const displayName = cleanDisplayName(input.displayName);
    checkPasswordStrength(input.password, "password");
    await lockAddress(tx, invitation.email);
    // The address may have signed up on its own since it was invited.
    if (await findUserByEmail(tx, invitation.email)) {
      throw new AppError("email_taken", `email: ${invitation.email} already has an account`, [{ field: "email", message: "already has an account" }]);
    }
    const userId = newId();
    const passwordHash = await hashPassword(input.password);
    await insertUser(tx, { id: userId, email: invitation.email, role: invitation.role, displayName, passwordHash, emailVerifiedAt: new Date() });
    await markInvitationAccepted(tx, invitation.id, userId);
    await joinCommunitiesInvitedThrough(tx, { networkInvitationId: invitation.id, user: { id: userId, role: invitation.role } });
    await appendEvent(tx, {
      type: "invitation.accepted",
      actorId: userId,
      subjectId: invitation.id,
      payload: { invitationId: invitation.id, userId, invitedBy: invitation.invited_by },
    });
    const session = await createSession(tx, { userId, ...client });
    return { userId, ...session };
  });
}
