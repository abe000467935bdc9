import { readFileSync } from "node:fs";
import argon2 from "argon2";
import { AppError } from "./errors.ts";

const MIN_LENGTH = 10;

// The 10,000 most common passwords: see the header of the file for its public-domain source.
const commonPasswords: Set<string> = new Set(
  readFileSync(new URL("./common-passwords.txt", import.meta.url), "utf8")
    .split("\n")
    .filter((line) => line && !line.startsWith("#"))
    .map((line) => line.trim().toLowerCase()),
);

/** Refuses a password that is too short or among the most common; `field` names it in the error. */
export function checkPasswordStrength(password: string, field = "password"): void {
  if ([...password].length < MIN_LENGTH) {
    throw new AppError("password_too_short", `${field}: must have at least ${MIN_LENGTH} characters`, [
      { field, code: "password_too_short", message: `must have at least ${MIN_LENGTH} characters` },
    ]);
  }
  if (commonPasswords.has(password.toLowerCase())) {
    throw new AppError("password_too_common", `${field}: is among the most common passwords`, [
      { field, code: "password_too_common", message: "is among the most common passwords" },
    ]);
  }
}

/** Hashes with argon2id (the library's defaults follow OWASP's current advice). */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  if (!hash) return false;
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** The number of passwords refused as common (for tests and the README). */
export const commonPasswordCount = (): number => commonPasswords.size;
