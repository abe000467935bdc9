import { errors } from "./errors.ts";

/** Whether the runtime knows a time zone: IANA names, their aliases (America/Montreal) and "UTC". */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Refuses a time zone the runtime does not know (400 `validation_failed` naming `field`). */
export function checkTimeZone(zone: string, field: string): void {
  if (!isTimeZone(zone)) throw errors.invalidField(field, `"${zone}" is not a known IANA time zone`);
}
