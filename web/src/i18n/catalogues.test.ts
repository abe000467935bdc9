import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { errorCatalogue } from "@ruche/contracts";
import { describe, expect, it } from "vitest";
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

// Read directly (not through index.ts, which starts i18next in a browser).
const catalogues = {
  fr: { common: frCommon, auth: frAuth, people: frPeople, admin: frAdmin, communities: frCommunities, stream: frStream, notifications: frNotifications, disconnect: frDisconnect, scheduling: frScheduling, push: frPush, search: frSearch },
  en: { common: enCommon, auth: enAuth, people: enPeople, admin: enAdmin, communities: enCommunities, stream: enStream, notifications: enNotifications, disconnect: enDisconnect, scheduling: enScheduling, push: enPush, search: enSearch },
} as const;
type Namespace = keyof typeof catalogues.fr;

/** Every leaf key of a catalogue, dotted ("login.title"); plural forms count under their base key. */
function keysOf(tree: object, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "object" && value !== null ? keysOf(value as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

const baseKey = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, "");
const known = (language: "fr" | "en", namespace: Namespace) => new Set(keysOf(catalogues[language][namespace]).map(baseKey));

const sourceRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !name.endsWith(".test.ts") ? [full] : [];
  });
}

/** The translation keys a source file uses literally: t("key"), t("ns:key"), i18nKey="key". */
function keysUsedIn(file: string): { namespace: string; key: string }[] {
  const text = readFileSync(file, "utf8");
  const defaultNamespace = /useTranslation\(\s*"(\w+)"/.exec(text)?.[1] ?? "common";
  const uses = [...text.matchAll(/\bt\(\s*"([\w.:-]+)"/g), ...text.matchAll(/i18nKey="([\w.:-]+)"/g)];
  return uses.map((match) => {
    const literal = match[1] ?? "";
    const [namespace, key] = literal.includes(":") ? (literal.split(":") as [string, string]) : [defaultNamespace, literal];
    return { namespace, key };
  });
}

describe("translation catalogues", () => {
  for (const namespace of Object.keys(catalogues.fr) as Namespace[]) {
    it(`has the same keys in French and English for "${namespace}"`, () => {
      expect([...known("fr", namespace)].sort()).toEqual([...known("en", namespace)].sort());
    });
  }

  it("translates every error code of the API's catalogue in both languages", () => {
    for (const language of ["fr", "en"] as const) {
      const keys = known(language, "common");
      const missing = Object.keys(errorCatalogue).filter((code) => !keys.has(`errors.${code}`));
      expect(missing, `${language} is missing error codes`).toEqual([]);
    }
  });

  it("has, in both languages, every key the source code asks for", () => {
    const missing: string[] = [];
    for (const file of sourceFiles(sourceRoot)) {
      for (const { namespace, key } of keysUsedIn(file)) {
        for (const language of ["fr", "en"] as const) {
          if (!(namespace in catalogues[language]) || !known(language, namespace as Namespace).has(key)) {
            missing.push(`${language} ${namespace}:${key} (${path.relative(sourceRoot, file)})`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
