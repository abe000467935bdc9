import type { Organisation } from "@ruche/contracts";
import { useEffect, useState } from "react";

const text = {
  fr: { tagline: "Le réseau social de votre organisation", api: "Documentation de l'API", loading: "Chargement…" },
  en: { tagline: "Your organisation's social network", api: "API documentation", loading: "Loading…" },
};

/** The welcome page: the organisation's name and where to go next. */
export function App() {
  const [organisation, setOrganisation] = useState<Organisation | null>(null);
  useEffect(() => {
    void fetch("/api/v1/organisation")
      .then((response) => (response.ok ? (response.json() as Promise<Organisation>) : null))
      .then(setOrganisation);
  }, []);
  const language = organisation?.defaultLanguage ?? (navigator.language.startsWith("fr") ? "fr" : "en");
  const t = text[language];
  return (
    <main style={{ fontFamily: "system-ui, sans-serif", maxWidth: 640, margin: "4rem auto", padding: "0 1rem" }}>
      <h1>{organisation?.name ?? "Ruche"}</h1>
      <p>{organisation ? t.tagline : t.loading}</p>
      <p>
        <a href="/api/docs">{t.api}</a>
      </p>
    </main>
  );
}
