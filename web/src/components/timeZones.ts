/** The browser's own time zone, the natural default for a new organisation or profile. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "Europe/Paris";
}

/**
 * Every IANA time zone the browser knows, as Select options ("America/New_York" reads and is
 * found as "America/New York"), plus `current` should the browser's list leave it out (e.g. "UTC").
 */
export function timeZoneOptions(current?: string | null): { value: string; label: string }[] {
  const zones = new Set(Intl.supportedValuesOf("timeZone"));
  zones.add(browserTimeZone());
  if (current) zones.add(current);
  return [...zones].sort().map((zone) => ({ value: zone, label: zone.replaceAll("_", " ") }));
}
