import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { UnsubscribeQuery } from "@ruche/contracts";
import type { Executor } from "../../platform/db.ts";
import { serverSecret } from "../../platform/secrets.ts";

/** What a link may stop; only all notification email for now, named in the signature so a later scope cannot reuse it. */
export type UnsubscribeScope = UnsubscribeQuery["stop"];

const KEY_NAME = "unsubscribe-key";

async function unsubscribeKey(db: Executor): Promise<string> {
  return serverSecret(db, KEY_NAME, () => randomBytes(32).toString("base64url"));
}

function sign(key: string, userId: string, stop: UnsubscribeScope): string {
  return createHmac("sha256", key).update(`unsubscribe\n${userId}\n${stop}`).digest("base64url");
}

/** The signed one-click link that stops `userId`'s notification email (sent as List-Unsubscribe). */
export async function unsubscribeUrl(db: Executor, input: { publicUrl: string; userId: string }): Promise<string> {
  const signature = sign(await unsubscribeKey(db), input.userId, "email");
  const query = new URLSearchParams({ user: input.userId, stop: "email", signature });
  return `${input.publicUrl.replace(/\/$/, "")}/api/v1/notifications/unsubscribe?${query.toString()}`;
}

/** Whether the link's signature is the server's for this person and scope (constant time). */
export async function isSignedUnsubscribe(db: Executor, query: UnsubscribeQuery): Promise<boolean> {
  const expected = Buffer.from(sign(await unsubscribeKey(db), query.user, query.stop));
  const given = Buffer.from(query.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
