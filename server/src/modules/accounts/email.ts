import { AppError } from "../../platform/errors.ts";

// Deliberately simple: the contract's format check already ran; this catches what slips past CLI input.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Lower-cases and trims an address, refusing one that is not an email; `field` names it in the error. */
export function normaliseEmail(value: string, field = "email"): string {
  const email = value.trim().toLowerCase();
  if (!EMAIL.test(email) || email.length > 254) {
    throw new AppError("validation_failed", `${field}: is not a valid email address`, [{ field, message: "is not a valid email address" }]);
  }
  return email;
}

/** The domain part of a normalised address. */
export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf("@") + 1);
}
