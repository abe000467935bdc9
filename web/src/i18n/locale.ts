/**
 * The browser's own variant of the interface language when it has one ("en-GB" for "en"), so
 * dates and numbers read as the reader expects; else the language itself.
 */
export function localeFor(language: string): string {
  const preferred = typeof navigator === "undefined" ? [] : navigator.languages;
  return preferred.find((tag) => tag.toLowerCase().split("-")[0] === language) ?? language;
}
