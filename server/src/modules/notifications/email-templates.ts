import type { EmailContent, MailContext, MailLanguage } from "../../platform/email-layout.ts";

/** What one mail line says about a notification, already resolved to names. */
export interface LineFacts {
  kind: string;
  /** The most recent person behind it whom the recipient may see, if any. */
  actor: string | null;
  /** How many other people are behind it (grouped reactions). */
  others: number;
  community: string | null;
}

type Phrase = (facts: LineFacts & { who: string; where: string }) => string;
type Phrases = Record<string, Phrase> & { mention: Phrase };

const en: Phrases = {
  mention: ({ who, where }) => `${who} mentioned you${where}`,
  comment: ({ who, where }) => `${who} commented on a post you follow${where}`,
  reply: ({ who, where }) => `${who} replied to your comment${where}`,
  reaction: ({ who, others }) => (others > 0 ? `${who} and ${others} ${others === 1 ? "other" : "others"} reacted to your post` : `${who} reacted to your post`),
  invitation: ({ who, where }) => `${who} invited you to join${where}`,
  join_request: ({ who, where }) => `${who} asks to join${where}`,
  request_approved: ({ where }) => `Your request to join${where} was approved`,
  request_refused: ({ where }) => `Your request to join${where} was declined`,
  announcement: ({ who, where }) => `Announcement from ${who}${where}`,
  community_post: ({ who, where }) => `${who} posted${where}`,
};

const fr: Phrases = {
  mention: ({ who, where }) => `${who} vous a mentionné·e${where}`,
  comment: ({ who, where }) => `${who} a commenté une publication que vous suivez${where}`,
  reply: ({ who, where }) => `${who} a répondu à votre commentaire${where}`,
  reaction: ({ who, others }) => (others > 0 ? `${who} et ${others} ${others === 1 ? "autre personne ont" : "autres personnes ont"} réagi à votre publication` : `${who} a réagi à votre publication`),
  invitation: ({ who, where }) => `${who} vous invite à rejoindre${where}`,
  join_request: ({ who, where }) => `${who} demande à rejoindre${where}`,
  request_approved: ({ where }) => `Votre demande pour rejoindre${where} a été acceptée`,
  request_refused: ({ where }) => `Votre demande pour rejoindre${where} a été refusée`,
  announcement: ({ who, where }) => `Annonce de ${who}${where}`,
  community_post: ({ who, where }) => `${who} a publié${where}`,
};

const words = {
  en: { someone: "Someone", in: " in", open: "Open in Ruche", all: "See all notifications", stop: "Stop notification emails" },
  fr: { someone: "Quelqu'un", in: " dans", open: "Ouvrir dans Ruche", all: "Voir toutes les notifications", stop: "Ne plus recevoir de notifications par e-mail" },
} as const;

/** The sentence a notification makes in a mail, in `language`. */
export function lineText(facts: LineFacts, language: MailLanguage): string {
  const word = words[language];
  const bare = ["invitation", "join_request", "request_approved", "request_refused"].includes(facts.kind);
  // Invitations and requests name the community as their object ("join X"); the rest say where.
  const where = facts.community ? (bare ? ` ${quote(facts.community, language)}` : `${word.in} ${quote(facts.community, language)}`) : "";
  const phrases = language === "fr" ? fr : en;
  const phrase = phrases[facts.kind] ?? phrases.mention;
  return phrase({ ...facts, who: facts.actor ?? word.someone, where });
}

function quote(name: string, language: MailLanguage): string {
  return language === "fr" ? `« ${name} »` : `“${name}”`;
}

/** "1 notification", "5 notifications": the same word in French and English. */
function count(total: number): string {
  return `${total} notification${total === 1 ? "" : "s"}`;
}

/** A mail line: the sentence, an excerpt of the content, and where it leads. */
export interface MailLine {
  text: string;
  excerpt: string | null;
  url: string;
}

interface MailInput {
  lines: MailLine[];
  /** How many notifications in all (lines stop at a cap). */
  total: number;
  notificationsUrl: string;
  unsubscribeUrl: string;
  context: MailContext;
}

function footer(input: MailInput): Pick<EmailContent, "unsubscribe" | "footnote"> {
  const { language } = input.context;
  return {
    footnote:
      language === "fr"
        ? "Vous recevez cet e-mail selon vos réglages de notifications, que vous pouvez changer dans Ruche."
        : "You receive this email because of your notification settings, which you can change in Ruche.",
    unsubscribe: { label: words[language].stop, url: input.unsubscribeUrl },
  };
}

function linksOf(input: MailInput): EmailContent["links"] {
  return input.lines.map((line) => ({ label: line.excerpt ? `${line.text}: ${line.excerpt}` : line.text, url: line.url }));
}

/** The mail of one notification (its sentence and excerpt), or the summary of several. */
export function immediateEmail(input: MailInput): EmailContent {
  const { language } = input.context;
  const [only] = input.lines;
  if (only && input.total === 1) {
    return {
      subject: only.text,
      heading: only.text,
      paragraphs: only.excerpt ? [only.excerpt] : [],
      action: { label: words[language].open, url: only.url },
      ...footer(input),
    };
  }
  const title = language === "fr" ? `${count(input.total)} pendant votre absence` : `${count(input.total)} while you were away`;
  return { subject: title, heading: title, paragraphs: [], links: linksOf(input), action: { label: words[language].all, url: input.notificationsUrl }, ...footer(input) };
}

/** The daily or weekly digest: what changed since the last one and is still unread. */
export function digestEmail(input: MailInput & { frequency: "daily" | "weekly" }): EmailContent {
  const { language } = input.context;
  const notifications = count(input.total);
  const title =
    language === "fr"
      ? `${input.frequency === "daily" ? "Votre résumé du jour" : "Votre résumé de la semaine"} : ${notifications}`
      : `${input.frequency === "daily" ? "Your daily digest" : "Your weekly digest"}: ${notifications}`;
  const more = input.total - input.lines.length;
  const paragraphs =
    more > 0 ? [language === "fr" ? `Et ${more} de plus dans Ruche.` : `And ${more} more in Ruche.`] : [];
  return { subject: title, heading: title, paragraphs, links: linksOf(input), action: { label: words[language].all, url: input.notificationsUrl }, ...footer(input) };
}
