/** Every IANA time zone the browser knows, with `current` kept even if it does not (e.g. "UTC" on some engines). */
export function timeZoneOptions(current: string): { value: string; label: string }[] {
  const zones = Intl.supportedValuesOf("timeZone");
  const all = zones.includes(current) || !current ? zones : [current, ...zones];
  return all.map((zone) => ({ value: zone, label: zone.replaceAll("_", " ") }));
}
