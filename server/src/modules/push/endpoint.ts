import { ECDH } from "node:crypto";
import type { PushSubscriptionBody } from "@ruche/contracts";
import { errors } from "../../platform/errors.ts";
import { isForbiddenAddress } from "../../platform/safe-fetch.ts";

/**
 * Why an endpoint may not be pushed to, or undefined when it may. Browsers choose push services
 * on the public Internet, but the endpoint reaches us from a request body: the server must not
 * be made to POST inside its own network. Names are checked again once resolved, when sending.
 * `allowHosts`: tests only, loopback `host:port` pairs served over plain http.
 */
export function endpointProblem(raw: string, allowHosts: string[]): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "is not a URL";
  }
  const allowed = allowHosts.includes(url.host);
  if (url.protocol !== "https:" && !(allowed && url.protocol === "http:")) return "must be an https URL";
  if (url.username || url.password) return "must not carry credentials";
  if (!allowed && (isForbiddenAddress(url.hostname) || url.hostname === "localhost")) return "must be a public address";
  return undefined;
}

function decoded(value: string): Buffer | undefined {
  return /^[A-Za-z0-9_-]+={0,2}$/.test(value) ? Buffer.from(value, "base64url") : undefined;
}

/** Whether `value` is base64url of an uncompressed point on P-256, as browsers send p256dh. */
function isP256Point(value: string): boolean {
  const bytes = decoded(value);
  if (!bytes || bytes.length !== 65 || bytes[0] !== 0x04) return false;
  try {
    ECDH.convertKey(bytes, "prime256v1");
    return true;
  } catch {
    return false;
  }
}

/** Checks a browser's subscription and throws a 400 naming the first field that is wrong. */
export function checkSubscription(body: PushSubscriptionBody, allowHosts: string[]): void {
  const problem = endpointProblem(body.endpoint, allowHosts);
  if (problem) throw errors.invalidField("endpoint", problem);
  if (!isP256Point(body.keys.p256dh)) throw errors.invalidField("keys.p256dh", "must be a base64url P-256 public key");
  if (decoded(body.keys.auth)?.length !== 16) throw errors.invalidField("keys.auth", "must be a base64url 16-byte secret");
  // Only looked up among the caller's own endpoints, never fetched: its shape is all there is to
  // check, and rules tightened since it was stored must not block storing its replacement.
  if (body.replaces !== undefined && !URL.canParse(body.replaces)) throw errors.invalidField("replaces", "is not a URL");
}
