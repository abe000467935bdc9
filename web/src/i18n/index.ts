import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import enAdmin from "./en/admin.json";
import enAuth from "./en/auth.json";
import enCommon from "./en/common.json";
import enCommunities from "./en/communities.json";
import enPeople from "./en/people.json";
import enNotifications from "./en/notifications.json";
import enDisconnect from "./en/disconnect.json";
import enStream from "./en/stream.json";
import enScheduling from "./en/scheduling.json";
import enPush from "./en/push.json";
import enSearch from "./en/search.json";
import frAdmin from "./fr/admin.json";
import frAuth from "./fr/auth.json";
import frCommon from "./fr/common.json";
import frCommunities from "./fr/communities.json";
import frPeople from "./fr/people.json";
import frNotifications from "./fr/notifications.json";
import frDisconnect from "./fr/disconnect.json";
import frStream from "./fr/stream.json";
import frScheduling from "./fr/scheduling.json";
import frPush from "./fr/push.json";
import frSearch from "./fr/search.json";

export type Language = "fr" | "en";

/** Every catalogue, by language then namespace (one namespace per area of the app). */
export const catalogues = {
  fr: { common: frCommon, auth: frAuth, people: frPeople, admin: frAdmin, communities: frCommunities, stream: frStream, notifications: frNotifications, disconnect: frDisconnect, scheduling: frScheduling, push: frPush, search: frSearch },
  en: { common: enCommon, auth: enAuth, people: enPeople, admin: enAdmin, communities: enCommunities, stream: enStream, notifications: enNotifications, disconnect: enDisconnect, scheduling: enScheduling, push: enPush, search: enSearch },
} as const;

/** The browser's first preferred language that Ruche speaks, if any. */
export function browserLanguage(): Language | undefined {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.toLowerCase().split("-")[0];
    if (base === "fr" || base === "en") return base;
  }
  return undefined;
}

/** The user's profile language, else the browser's, else the organisation's default. */
export function resolveLanguage(input: { profile?: Language | null; organisation?: Language }): Language {
  return input.profile ?? browserLanguage() ?? input.organisation ?? "fr";
}

void i18next.use(initReactI18next).init({
  resources: catalogues,
  lng: browserLanguage() ?? "fr",
  fallbackLng: false,
  ns: ["common", "auth", "people", "admin", "communities", "stream", "notifications", "disconnect", "push", "scheduling", "search"],
  defaultNS: "common",
  interpolation: { escapeValue: false },
  returnNull: false,
});

i18next.on("languageChanged", (language) => {
  document.documentElement.lang = language;
});
document.documentElement.lang = i18next.language;

export { i18next };
