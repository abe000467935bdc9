import type { Tx } from "../../platform/db.ts";
import {
  enqueueEventMail,
  loadMailContext,
  payloadText,
  renderEmail,
  scrubEventToken,
  type EmailContent,
  type MailContext,
} from "../../platform/email-layout.ts";
import { hashSecret } from "../../platform/ids.ts";
import type { EventHandler } from "../../platform/outbox.ts";
import type { Runtime } from "../../runtime.ts";
import { addressTakenEmail, guestInvitationEmail, invitationEmail } from "./emails.ts";
import { invitationStatus } from "./present.ts";
import { findInvitationById, findInvitedCommunityNames, type InvitationWithInviter } from "./repository.ts";

/** A guest invited into communities is told which, and what a guest sees; anyone else gets the plain invitation. */
async function invitationContent(tx: Tx, input: { invitation: InvitationWithInviter; link: string }, context: MailContext): Promise<EmailContent> {
  const { invitation, link } = input;
  const communities = invitation.role === "guest" ? await findInvitedCommunityNames(tx, invitation.id) : [];
  if (communities.length > 0) return guestInvitationEmail({ link, inviter: invitation.inviter_name, communities }, context);
  return invitationEmail({ link, inviter: invitation.inviter_name }, context);
}

/** Mails an invitation's link, in the organisation's language (the invitee has no account yet). */
function sendInvitation(runtime: Runtime): EventHandler {
  return async (event, tx) => {
    const token = payloadText(event, "token");
    const invitationId = payloadText(event, "invitationId");
    // No token: this event's mail was already enqueued (and the token scrubbed) by an earlier run.
    if (!token || !invitationId) return;
    const invitation = await findInvitationById(tx, invitationId);
    // Revoked, accepted or sent again with a newer link before this mail left: nothing to send.
    if (!invitation || invitation.token_hash !== hashSecret(token) || invitationStatus(invitation) !== "pending") {
      return scrubEventToken(tx, event.id);
    }
    const context = await loadMailContext(tx, null);
    const link = `${runtime.config.publicUrl}/invitations/accept?token=${encodeURIComponent(token)}`;
    const content = await invitationContent(tx, { invitation, link }, context);
    await enqueueEventMail(runtime.jobs, tx, { event, message: renderEmail(invitation.email, content, context) });
  };
}

function sendAddressTakenNotice(runtime: Runtime): EventHandler {
  return async (event, tx) => {
    const userId = payloadText(event, "userId");
    const email = payloadText(event, "email");
    if (!userId || !email) return;
    const context = await loadMailContext(tx, userId);
    const content = addressTakenEmail(`${runtime.config.publicUrl}/login`, context);
    await enqueueEventMail(runtime.jobs, tx, { event, message: renderEmail(email, content, context) });
  };
}

/** Outbox handlers of the invitations module, by event type. */
export function invitationsEventHandlers(runtime: Runtime): Record<string, EventHandler[]> {
  return {
    "invitation.created": [sendInvitation(runtime)],
    "invitation.resent": [sendInvitation(runtime)],
    "signup.address_taken": [sendAddressTakenNotice(runtime)],
  };
}
