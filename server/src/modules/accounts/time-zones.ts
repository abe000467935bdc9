import { errors } from "../../platform/errors.ts";

// The runtime's IANA list leaves out the "UTC" alias, which people type and PostgreSQL accepts.
const knownTimeZones: ReadonlySet<string> = new Set([...Intl.supportedValuesOf("timeZone"), "UTC"]);

/** Refuses a time zone the runtime does not know (400 `validation_failed` naming `field`). */
export function checkTimeZone(zone: string, field: string): void {
  if (!knownTimeZones.has(zone)) throw errors.invalidField(field, `"${zone}" is not a known IANA time zone`);
}
