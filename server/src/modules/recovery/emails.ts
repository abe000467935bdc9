import type { EmailContent, MailContext, MailLanguage } from "../../platform/email-layout.ts";

type Template<Input> = Record<MailLanguage, (input: Input & { organisation: string }) => EmailContent>;

const verification: Template<{ link: string }> = {
  en: ({ organisation, link }) => ({
    subject: `Confirm your email address for ${organisation}`,
    heading: "Confirm your email address",
    paragraphs: [`Welcome to ${organisation}! Confirm that this address is yours to finish creating your account.`],
    action: { label: "Confirm my address", url: link },
    footnote: "This link works once and expires in 48 hours. If you did not create an account, ignore this message.",
  }),
  fr: ({ organisation, link }) => ({
    subject: `Confirmez votre adresse e-mail pour ${organisation}`,
    heading: "Confirmez votre adresse e-mail",
    paragraphs: [`Bienvenue sur ${organisation} ! Confirmez que cette adresse est bien la vôtre pour terminer la création de votre compte.`],
    action: { label: "Confirmer mon adresse", url: link },
    footnote: "Ce lien ne fonctionne qu'une fois et expire dans 48 heures. Si vous n'avez pas créé de compte, ignorez ce message.",
  }),
};

const passwordReset: Template<{ link: string }> = {
  en: ({ organisation, link }) => ({
    subject: `Reset your password for ${organisation}`,
    heading: "Reset your password",
    paragraphs: [`Someone asked to reset the password of your ${organisation} account. If it was you, choose a new password.`],
    action: { label: "Choose a new password", url: link },
    footnote: "This link works once and expires in one hour. If you did not ask for it, ignore this message: your password stays as it is.",
  }),
  fr: ({ organisation, link }) => ({
    subject: `Réinitialisez votre mot de passe pour ${organisation}`,
    heading: "Réinitialisez votre mot de passe",
    paragraphs: [`Quelqu'un a demandé à réinitialiser le mot de passe de votre compte ${organisation}. Si c'est vous, choisissez un nouveau mot de passe.`],
    action: { label: "Choisir un nouveau mot de passe", url: link },
    footnote: "Ce lien ne fonctionne qu'une fois et expire dans une heure. Si vous n'avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.",
  }),
};

const passwordChanged: Template<{ signInUrl: string }> = {
  en: ({ organisation, signInUrl }) => ({
    subject: `Your ${organisation} password was changed`,
    heading: "Your password was changed",
    paragraphs: [
      `The password of your ${organisation} account was just reset, and every open session was signed out.`,
      "If you did not do this, reset your password again right away and tell an administrator.",
    ],
    action: { label: "Sign in", url: signInUrl },
  }),
  fr: ({ organisation, signInUrl }) => ({
    subject: `Votre mot de passe ${organisation} a été modifié`,
    heading: "Votre mot de passe a été modifié",
    paragraphs: [
      `Le mot de passe de votre compte ${organisation} vient d'être réinitialisé, et toutes les sessions ouvertes ont été fermées.`,
      "Si ce n'est pas vous, réinitialisez-le de nouveau sans attendre et prévenez un administrateur.",
    ],
    action: { label: "Se connecter", url: signInUrl },
  }),
};

/** The email-verification mail, with its single-use link. */
export function verificationEmail(link: string, context: MailContext): EmailContent {
  return verification[context.language]({ organisation: context.organisationName, link });
}

/** The password-reset mail, with its one-hour single-use link. */
export function passwordResetEmail(link: string, context: MailContext): EmailContent {
  return passwordReset[context.language]({ organisation: context.organisationName, link });
}

/** The notice that follows a reset, so an owner learns of a reset they did not ask for. */
export function passwordChangedEmail(signInUrl: string, context: MailContext): EmailContent {
  return passwordChanged[context.language]({ organisation: context.organisationName, signInUrl });
}
