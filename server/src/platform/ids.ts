import { createHash, randomBytes } from "node:crypto";
import { v7 } from "uuid";

/** A new time-ordered, unguessable id (UUIDv7). */
export function newId(): string {
  return v7();
}

/** A random secret for links and cookies: 32 bytes, base64url. */
export function newSecret(): string {
  return randomBytes(32).toString("base64url");
}

/** The SHA-256 of a secret, as stored: the secret itself never is. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
