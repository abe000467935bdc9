import { errors } from "../../platform/errors.ts";

/** A display name without surrounding spaces; blank is refused, naming `displayName`. */
export function cleanDisplayName(value: string): string {
  const name = value.trim();
  if (!name) throw errors.invalidField("displayName", "must not be blank");
  return name;
}
