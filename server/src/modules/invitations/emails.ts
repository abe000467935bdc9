import type { EmailContent, MailContext, MailLanguage } from "../../platform/email-layout.ts";

type Template<Input> = Record<MailLanguage, (input: Input & { organisation: string }) => EmailContent>;

const invitation: Template<{ link: string; inviter: string | null }> = {
  en: ({ organisation, link, inviter }) => ({
    subject: inviter ? `${inviter} invites you to join ${organisation} on Ruche` : `You are invited to join ${organisation} on Ruche`,
    heading: `Join ${organisation}`,
    paragraphs: [
      `${inviter ?? "A colleague"} invites you to join ${organisation} on Ruche, your organisation's social network.`,
      "Choose your name and a password to create your account.",
    ],
    action: { label: "Accept the invitation", url: link },
    footnote: "This link works once and expires in 7 days. If you were not expecting this invitation, ignore this message.",
  }),
  fr: ({ organisation, link, inviter }) => ({
    subject: inviter ? `${inviter} vous invite à rejoindre ${organisation} sur Ruche` : `Vous êtes invité·e à rejoindre ${organisation} sur Ruche`,
    heading: `Rejoignez ${organisation}`,
    paragraphs: [
      `${inviter ?? "Un·e collègue"} vous invite à rejoindre ${organisation} sur Ruche, le réseau social de votre organisation.`,
      "Choisissez votre nom et un mot de passe pour créer votre compte.",
    ],
    action: { label: "Accepter l'invitation", url: link },
    footnote: "Ce lien ne fonctionne qu'une fois et expire dans 7 jours. Si vous n'attendiez pas cette invitation, ignorez ce message.",
  }),
};

/** Community names as a sentence would list them: “A”, “B” and “C” / « A », « B » et « C ». */
function communityList(names: string[], language: MailLanguage): string {
  const quoted = names.map((name) => (language === "fr" ? `« ${name} »` : `“${name}”`));
  return new Intl.ListFormat(language, { type: "conjunction" }).format(quoted);
}

const guestInvitation: Template<{ link: string; inviter: string | null; communities: string[] }> = {
  en: ({ organisation, link, inviter, communities }) => {
    const list = communityList(communities, "en");
    const noun = communities.length > 1 ? "communities" : "community";
    return {
      subject: `${inviter ?? `Someone at ${organisation}`} invites you as a guest to the ${noun} ${list} on Ruche`,
      heading: `Join ${list} as a guest`,
      paragraphs: [
        `${inviter ?? `Someone at ${organisation}`} invites you to join the ${noun} ${list} of ${organisation} on Ruche, as a guest.`,
        "As a guest, you see only the communities you are invited to and their members.",
        "Choose your name and a password to create your guest account.",
      ],
      action: { label: "Accept the invitation", url: link },
      footnote: "This link works once and expires in 7 days. If you were not expecting this invitation, ignore this message.",
    };
  },
  fr: ({ organisation, link, inviter, communities }) => {
    const list = communityList(communities, "fr");
    const noun = communities.length > 1 ? "les communautés" : "la communauté";
    return {
      subject: `${inviter ?? `Quelqu'un de ${organisation}`} vous invite en tant qu'invité·e dans ${noun} ${list} sur Ruche`,
      heading: `Rejoignez ${list} en tant qu'invité·e`,
      paragraphs: [
        `${inviter ?? `Quelqu'un de ${organisation}`} vous invite à rejoindre ${noun} ${list} de ${organisation} sur Ruche, en tant qu'invité·e.`,
        "En tant qu'invité·e, vous ne voyez que les communautés auxquelles vous êtes invité·e et leurs membres.",
        "Choisissez votre nom et un mot de passe pour créer votre compte invité.",
      ],
      action: { label: "Accepter l'invitation", url: link },
      footnote: "Ce lien ne fonctionne qu'une fois et expire dans 7 jours. Si vous n'attendiez pas cette invitation, ignorez ce message.",
    };
  },
};

const addressTaken: Template<{ signInUrl: string }> = {
  en: ({ organisation, signInUrl }) => ({
    subject: `Someone tried to sign up to ${organisation} with your address`,
    heading: "You already have an account",
    paragraphs: [
      `Someone just tried to create a ${organisation} account with this email address, which already has one. Nothing was changed.`,
      "If it was you, sign in instead; if you forgot your password, you can reset it from the sign-in page.",
    ],
    action: { label: "Sign in", url: signInUrl },
    footnote: "If it was not you, you can ignore this message.",
  }),
  fr: ({ organisation, signInUrl }) => ({
    subject: `Quelqu'un a tenté de s'inscrire sur ${organisation} avec votre adresse`,
    heading: "Vous avez déjà un compte",
    paragraphs: [
      `Quelqu'un vient d'essayer de créer un compte ${organisation} avec cette adresse e-mail, qui en a déjà un. Rien n'a été modifié.`,
      "Si c'était vous, connectez-vous ; si vous avez oublié votre mot de passe, vous pouvez le réinitialiser depuis la page de connexion.",
    ],
    action: { label: "Se connecter", url: signInUrl },
    footnote: "Si ce n'était pas vous, vous pouvez ignorer ce message.",
  }),
};

/** The invitation mail, with its seven-day single-use link. */
export function invitationEmail(input: { link: string; inviter: string | null }, context: MailContext): EmailContent {
  return invitation[context.language]({ ...input, organisation: context.organisationName });
}

/** The invitation mail of a guest invited into communities: it names them and says what a guest sees. */
export function guestInvitationEmail(input: { link: string; inviter: string | null; communities: string[] }, context: MailContext): EmailContent {
  return guestInvitation[context.language]({ ...input, organisation: context.organisationName });
}

/** Told to an account's owner when someone signs up with their address (sign-up itself says nothing). */
export function addressTakenEmail(signInUrl: string, context: MailContext): EmailContent {
  return addressTaken[context.language]({ signInUrl, organisation: context.organisationName });
}
