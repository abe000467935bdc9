import type { MailLanguage } from "../../platform/email-layout.ts";
import { escapeHtml } from "../../platform/mailer.ts";

const texts = {
  en: {
    confirmTitle: "Stop notification emails?",
    confirmBody: "You will no longer receive notifications by email (neither immediately nor in digests). In-app notifications do not change, and you can turn emails back on in your notification settings.",
    button: "Stop notification emails",
    doneTitle: "You will no longer receive notification emails",
    doneBody: "You can turn them back on at any time in your notification settings.",
    settings: "Notification settings",
  },
  fr: {
    confirmTitle: "Ne plus recevoir de notifications par e-mail ?",
    confirmBody: "Vous ne recevrez plus de notifications par e-mail (ni immédiates, ni en résumé). Les notifications dans Ruche ne changent pas, et vous pourrez réactiver les e-mails dans vos réglages de notifications.",
    button: "Ne plus recevoir d'e-mails",
    doneTitle: "Vous ne recevrez plus de notifications par e-mail",
    doneBody: "Vous pouvez les réactiver à tout moment dans vos réglages de notifications.",
    settings: "Réglages de notifications",
  },
} as const;

function page(language: MailLanguage, title: string, body: string): string {
  return `<!doctype html>
<html lang="${language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title></head>
<body style="margin:0;padding:24px;background:#f6f6f6;font-family:Arial,Helvetica,sans-serif;color:#1f1f1f">
<main style="max-width:560px;margin:0 auto;background:#ffffff;padding:32px;border-radius:8px">
<h1 style="font-size:20px;margin:0 0 24px">${escapeHtml(title)}</h1>
${body}
</main>
</body>
</html>
`;
}

/**
 * The page a GET of the link shows: a button that POSTs to the same link. Mail scanners fetch links
 * with GET, so only the button (or the mail client's one-click POST) unsubscribes.
 */
export function confirmUnsubscribePage(input: { language: MailLanguage; actionUrl: string }): string {
  const text = texts[input.language];
  return page(
    input.language,
    text.confirmTitle,
    `<p style="margin:0 0 24px">${escapeHtml(text.confirmBody)}</p>
<form method="post" action="${escapeHtml(input.actionUrl)}">
<input type="hidden" name="List-Unsubscribe" value="One-Click">
<button type="submit" style="background:#b45309;color:#ffffff;padding:12px 20px;border:0;border-radius:6px;font-size:16px;cursor:pointer">${escapeHtml(text.button)}</button>
</form>`,
  );
}

/** The page after unsubscribing, with a way back to the settings. */
export function unsubscribedPage(input: { language: MailLanguage; settingsUrl: string }): string {
  const text = texts[input.language];
  return page(
    input.language,
    text.doneTitle,
    `<p style="margin:0 0 24px">${escapeHtml(text.doneBody)}</p>
<p style="margin:0"><a href="${escapeHtml(input.settingsUrl)}" style="color:#b45309">${escapeHtml(text.settings)}</a></p>`,
  );
}
