import enAdmin from "../../web/src/i18n/en/admin.json";
import enAuth from "../../web/src/i18n/en/auth.json";
import enCommon from "../../web/src/i18n/en/common.json";
import enCommunities from "../../web/src/i18n/en/communities.json";
import enNotifications from "../../web/src/i18n/en/notifications.json";
import enPeople from "../../web/src/i18n/en/people.json";
import enScheduling from "../../web/src/i18n/en/scheduling.json";
import enSearch from "../../web/src/i18n/en/search.json";
import enStream from "../../web/src/i18n/en/stream.json";
import frAdmin from "../../web/src/i18n/fr/admin.json";
import frAuth from "../../web/src/i18n/fr/auth.json";
import frCommon from "../../web/src/i18n/fr/common.json";
import frCommunities from "../../web/src/i18n/fr/communities.json";
import frNotifications from "../../web/src/i18n/fr/notifications.json";
import frPeople from "../../web/src/i18n/fr/people.json";
import frScheduling from "../../web/src/i18n/fr/scheduling.json";
import frSearch from "../../web/src/i18n/fr/search.json";
import frStream from "../../web/src/i18n/fr/stream.json";

export type Language = "fr" | "en";

// The web app's own catalogues: the journeys find controls by the words a user reads, so a
// rewording in the catalogue does not break them, and a missing key fails loudly.
const catalogues: Record<Language, Record<string, unknown>> = {
  fr: { common: frCommon, auth: frAuth, people: frPeople, admin: frAdmin, communities: frCommunities, stream: frStream, notifications: frNotifications, search: frSearch, scheduling: frScheduling },
  en: { common: enCommon, auth: enAuth, people: enPeople, admin: enAdmin, communities: enCommunities, stream: enStream, notifications: enNotifications, search: enSearch, scheduling: enScheduling },
};

/** The browser locale a journey runs in, for each language. */
export const browserLocale: Record<Language, string> = { fr: "fr-FR", en: "en-GB" };

function lookUp(tree: unknown, dotted: string): unknown {
  return dotted.split(".").reduce<unknown>((node, part) => (typeof node === "object" && node !== null ? (node as Record<string, unknown>)[part] : undefined), tree);
}

/** A plural key resolves to its `_one`/`_other` (etc.) form for `count`, as i18next does. */
function pluralForm(tree: unknown, dotted: string, language: Language, count: unknown): unknown {
  if (typeof count !== "number") return undefined;
  const category = new Intl.PluralRules(language).select(count);
  return lookUp(tree, `${dotted}_${category}`) ?? lookUp(tree, `${dotted}_other`);
}

/**
 * The text a user reads for `key` ("auth:login.title", or a common key such as "nav.people"),
 * with `{{name}}` placeholders filled in. Throws when the key is missing from the catalogue.
 */
export function text(language: Language, key: string, values: Record<string, string | number> = {}): string {
  const [namespace, dotted] = key.includes(":") ? (key.split(":") as [string, string]) : ["common", key];
  const tree = catalogues[language][namespace];
  const found = lookUp(tree, dotted) ?? pluralForm(tree, dotted, language, values.count);
  if (typeof found !== "string") throw new Error(`The ${language} catalogue has no text for "${namespace}:${dotted}"`);
  return found.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(values[name] ?? ""));
}

/** `text` bound to one language: `const t = translator("fr"); t("auth:login.title")`. */
export function translator(language: Language): (key: string, values?: Record<string, string | number>) => string {
  return (key, values) => text(language, key, values);
}
