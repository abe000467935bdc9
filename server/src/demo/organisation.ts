import type { PersonPlan } from "./script.ts";

/**
 * The demo organisation: a family-run maker of wooden office furniture, head office and workshop
 * in Lyon, a factory near Nantes, a showroom in Paris, and a carrier as its partner. Addresses
 * are under `.example`, a domain reserved for examples, so no mail ever reaches a real person.
 */
export const DEMO_ORGANISATION = {
  name: "Ateliers Fontaine & Fils",
  language: "fr",
  timezone: "Europe/Paris",
  domain: "ateliers-fontaine.example",
  companyDescription: "Toute l'entreprise, de Lyon à Nantes en passant par le showroom de Paris : annonces, vie des sites et nouvelles de chacun.",
} as const;

export const DEMO_PARTNER = {
  name: "Transports Martin",
  domain: "transports-martin.example",
} as const;

/** Every demo account signs in with it; the command prints it, and the README gives it. */
export const DEMO_PASSWORD = "bienvenue-chez-fontaine";

/** The administrator the demo creates when the network has none. */
export const DEMO_ADMIN: PersonPlan = {
  key: "nadia.kaci",
  name: "Nadia Kaci",
  title: "Administratrice de la plateforme Ruche",
  department: "Informatique",
  location: "Lyon",
  manager: "francois.dumas",
  skills: ["administration ruche", "support utilisateurs", "sécurité informatique"],
  languages: ["Français", "Anglais", "Arabe"],
  bio: "J'administre Ruche : une question sur un compte, une communauté ou une invitation ? Écrivez-moi.",
};

/** Phone numbers from the ranges France reserves for fiction, by site. */
const FICTION_PHONE_PREFIXES: Record<string, string> = {
  Lyon: "+33 4 65 71",
  Nantes: "+33 2 61 91",
  Paris: "+33 1 99 00",
};

/** A stable, fictional phone number for the `index`-th person of a site (sites without a range get none). */
export function demoPhone(location: string, index: number): string | null {
  const prefix = FICTION_PHONE_PREFIXES[location];
  if (!prefix) return null;
  const digits = String(1000 + ((index * 137) % 9000)).padStart(4, "0");
  return `${prefix} ${digits.slice(0, 2)} ${digits.slice(2)}`;
}

/** The address of a person of the organisation, or of its partner for guests. */
export function demoEmail(key: string, guest: boolean): string {
  return `${key}@${guest ? DEMO_PARTNER.domain : DEMO_ORGANISATION.domain}`;
}
