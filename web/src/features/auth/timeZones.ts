/** The browser's own time zone, the natural default for a new organisation. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "Europe/Paris";
}

/** Every IANA time zone the browser knows, as Select options ("America/New_York" reads "America/New York"). */
export function timeZoneOptions(): { value: string; label: string }[] {
  const zones = new Set(Intl.supportedValuesOf("timeZone"));
  // Some browsers answer with a zone (such as "UTC") that their own list leaves out.
  zones.add(browserTimeZone());
  return [...zones].sort().map((zone) => ({ value: zone, label: zone.replaceAll("_", " ") }));
}
