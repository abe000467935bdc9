/**
 * The words the generated organisation writes with, and what the search scenarios look for in them.
 *
 * French-speaking organisations are Ruche's first users: two people in three write in French (with
 * its accents), the others in English. A post is two everyday sentences of its author's language
 * around one about a project, a file or a client named by a made-up word: the everyday words are
 * very common, the made-up ones rare (one of 32,768 a post, so each is in about thirty posts at the
 * default scale), which gives search both kinds of words to find.
 */

export const FIRST_NAMES = ["Camille", "Louis", "Inès", "Hugo", "Chloé", "Nathan", "Léa", "Karim", "Manon", "Yanis", "Sarah", "Thomas"];
export const LAST_NAMES = ["Martin", "Bernard", "Dubois", "Nguyen", "Moreau", "Laurent", "Garcia", "Haddad", "Roux", "Fontaine", "Mercier", "Blanc"];

/** One person in this many writes in English (their `language`), the others in French. */
export const ENGLISH_ONE_IN = 3;

export const FRENCH_SENTENCES = [
  "La revue trimestrielle est déplacée à jeudi matin.",
  "Merci à toute l'équipe pour l'atelier d'hier.",
  "Voici le compte rendu de ce que nous avons décidé.",
  "Quelqu'un a-t-il les derniers chiffres de la région Nord ?",
  "Le nouveau guide d'accueil est prêt pour vos remarques.",
  "Nous cherchons des volontaires pour l'événement de l'été.",
  "Rappel : les bureaux seront fermés vendredi après-midi.",
  "Très beau résultat de l'équipe support ce mois-ci.",
  "La réunion de lancement aura lieu mardi à 10 h.",
  "Pensez à mettre à jour vos congés avant la fin du mois.",
  "Bravo à l'équipe commerciale pour ce trimestre record.",
  "Le déménagement au troisième étage est prévu en février.",
  "Qui peut relire la présentation avant la réunion de demain ?",
  "La formation sécurité est obligatoire pour les nouveaux arrivants.",
  "Les déconnexions du réseau Wi-Fi sont résolues depuis ce matin.",
  "Un café d'équipe est organisé vendredi à la cafétéria.",
];

export const ENGLISH_SENTENCES = [
  "The quarterly review moves to Thursday morning.",
  "Thanks to everyone who joined the workshop yesterday.",
  "Here is the summary of what we decided.",
  "Does anyone have the latest figures for the northern region?",
  "The new onboarding guide is ready for comments.",
  "We are looking for volunteers for the summer event.",
  "Reminder: the office will be closed on Friday afternoon.",
  "Great result from the support team this month.",
  "The kickoff meeting is on Tuesday at 10am.",
  "Please update your leave requests before the end of the month.",
  "Could someone review the slides before tomorrow's meeting?",
  "The network disconnections were fixed this morning.",
];

/** The sentence that carries a post's rare word, in place of `%s`. */
export const FRENCH_FRAMES = [
  "Le projet %s avance bien.",
  "Qui suit le dossier %s ?",
  "Compte rendu de l'atelier %s en pièce jointe.",
  "Le projet %s passe en phase de test.",
  "Des nouvelles du client %s ?",
  "Le projet %s démarre la semaine prochaine.",
];

export const ENGLISH_FRAMES = [
  "The %s project is on track.",
  "Who is following up on %s?",
  "Notes from the %s workshop are attached.",
  "The %s project moves to testing.",
  "Any news from the %s account?",
  "The %s project starts next week.",
];

/**
 * Three of these and a final `k` make a rare word: 32 x 32 x 32 = 32,768 of them (`vibalok`,
 * `rukaruk`...). Neither stemmer changes a word so made (without the `k`, French stemming merged a
 * quarter of them into one another).
 */
export const SYLLABLES = ["ba", "bi", "bo", "bu", "da", "di", "do", "du", "ga", "gi", "go", "gu", "ka", "ki", "ko", "ku", "la", "li", "lo", "lu", "ma", "mi", "mo", "mu", "ra", "ri", "ro", "ru", "va", "vi", "vo", "vu"];
export const RARE_WORDS = SYLLABLES.length ** 3;

/**
 * What `search-common` looks for: `equipe` typed without its accent (in four French sentences of
 * sixteen: about three French posts in ten) and `projet` (in half the French posts).
 */
export const COMMON_WORDS = ["equipe", "projet"];

/** What `search-prefix` types: the start of `projet`/`project` (half the posts), `équipe` and `réunion`. */
export const COMMON_PREFIXES = ["proj", "équi", "réun"];

/** What `suggestions` types: the first three letters of each first name. */
export const NAME_PREFIXES = FIRST_NAMES.map((name) => name.slice(0, 3));

/** A PostgreSQL array of these texts, in parentheses so that it can be subscripted. */
export function sqlArray(texts: string[]): string {
  return `(array[${texts.map((text) => `'${text.replaceAll("'", "''")}'`).join(", ")}])`;
}
