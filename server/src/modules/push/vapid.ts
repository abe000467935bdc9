import webPush from "web-push";
import type { Config } from "../../config.ts";
import type { Executor } from "../../platform/db.ts";
import { serverSecret } from "../../platform/secrets.ts";

/** The server's VAPID key pair, base64url, as web-push makes them. */
export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

/** The VAPID key pair, made at first use and shared by every node (they live in the database). */
export async function vapidKeys(db: Executor): Promise<VapidKeys> {
  const stored = await serverSecret(db, "vapid-keys", () => JSON.stringify(webPush.generateVAPIDKeys()));
  const parsed = JSON.parse(stored) as Partial<VapidKeys>;
  if (typeof parsed.publicKey !== "string" || typeof parsed.privateKey !== "string") throw new Error("the stored VAPID keys are malformed");
  return { publicKey: parsed.publicKey, privateKey: parsed.privateKey };
}

/**
 * Who push services may contact about our pushes: the sender address of MAIL_FROM, or PUBLIC_URL
 * when it is https (push services refuse other URLs).
 */
export function vapidSubject(config: Pick<Config, "mailFrom" | "publicUrl">): string {
  const address = /<([^<>\s]+@[^<>\s]+)>/.exec(config.mailFrom)?.[1] ?? (/^\S+@\S+$/.test(config.mailFrom) ? config.mailFrom : undefined);
  if (address) return `mailto:${address}`;
  return config.publicUrl.startsWith("https:") ? config.publicUrl : "mailto:no-reply@localhost";
}
