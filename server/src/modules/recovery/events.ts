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
import { passwordChangedEmail, passwordResetEmail, verificationEmail } from "./emails.ts";
import { findEmailToken } from "./repository.ts";

/** Mails the link of an email token (`payload.token`) to `payload.email`, in the user's language. */
function linkMail(runtime: Runtime, page: string, render: (link: string, context: MailContext) => EmailContent): EventHandler {
  return async (event, tx) => {
    const token = payloadText(event, "token");
    const userId = payloadText(event, "userId");
    const email = payloadText(event, "email");
    // No token: this event's mail was already enqueued (and the token scrubbed) by an earlier run.
    if (!token || !userId || !email) return;
    const stored = await findEmailToken(tx, hashSecret(token));
    if (!stored || stored.used_at) return scrubEventToken(tx, event.id);
    const context = await loadMailContext(tx, userId);
    const link = `${runtime.config.publicUrl}${page}?token=${encodeURIComponent(token)}`;
    await enqueueEventMail(runtime.jobs, tx, { event, message: renderEmail(email, render(link, context), context) });
  };
}

function passwordChangedNotice(runtime: Runtime): EventHandler {
  return async (event, tx) => {
    const userId = payloadText(event, "userId");
    const email = payloadText(event, "email");
    if (!userId || !email) return;
    const context = await loadMailContext(tx, userId);
    const content = passwordChangedEmail(`${runtime.config.publicUrl}/login`, context);
    await enqueueEventMail(runtime.jobs, tx, { event, message: renderEmail(email, content, context) });
  };
}

/** Outbox handlers of the recovery module, by event type. */
export function recoveryEventHandlers(runtime: Runtime): Record<string, EventHandler[]> {
  return {
    "email_verification.requested": [linkMail(runtime, "/verify-email", verificationEmail)],
    "password_reset.requested": [linkMail(runtime, "/password-reset", passwordResetEmail)],
    "password_reset.completed": [passwordChangedNotice(runtime)],
  };
}
