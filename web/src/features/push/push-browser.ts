import type { PushKey, PushSubscriptionBody } from "@ruche/contracts";
import { api, ApiError } from "../../api/client.ts";

/**
 * Where this browser stands with Ruche's pushes:
 * - `unsupported`: no service worker or Push API (an old browser, Safari outside an installed app, a private window);
 * - `denied`: the person (or a policy) blocked notifications for this site; only the browser's settings can undo it;
 * - `on` / `off`: whether this browser is subscribed.
 */
export type PushState = "unsupported" | "denied" | "on" | "off";

/** What the state is made of, read from the browser (kept apart so that the rule is testable). */
export interface PushFacts {
  serviceWorker: boolean;
  pushManager: boolean;
  notification: boolean;
  permission: NotificationPermission | undefined;
  subscribed: boolean;
}

/** The state for some facts: support first, then a refusal, then the subscription. */
export function pushStateOf(facts: PushFacts): PushState {
  if (!facts.serviceWorker || !facts.pushManager || !facts.notification) return "unsupported";
  if (facts.permission === "denied") return "denied";
  return facts.subscribed && facts.permission === "granted" ? "on" : "off";
}

/** The VAPID key as `applicationServerKey` wants it: base64url to bytes. */
export function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(base64url.length / 4) * 4, "=");
  const binary = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** A subscription as the API takes it (the browser's own JSON form). */
export function subscriptionBody(subscription: PushSubscription): PushSubscriptionBody {
  const json = subscription.toJSON();
  return { endpoint: subscription.endpoint, keys: { p256dh: json.keys?.p256dh ?? "", auth: json.keys?.auth ?? "" } };
}

const supported = () => typeof navigator !== "undefined" && "serviceWorker" in navigator && typeof window !== "undefined" && "PushManager" in window;

/** This browser's registration of /sw.js, registering it on the way. */
async function registration(): Promise<ServiceWorkerRegistration> {
  await navigator.serviceWorker.register("/sw.js", { scope: "/" });
  return navigator.serviceWorker.ready;
}

/** Reads this browser's state without asking the person anything. */
export async function readPushState(): Promise<PushState> {
  if (!supported()) return "unsupported";
  const existing = await navigator.serviceWorker.getRegistration("/");
  const subscription = existing ? await existing.pushManager.getSubscription() : null;
  return pushStateOf({
    serviceWorker: true,
    pushManager: true,
    notification: typeof Notification !== "undefined",
    permission: typeof Notification !== "undefined" ? Notification.permission : undefined,
    subscribed: subscription !== null,
  });
}

/**
 * Tells the server again of this browser's subscription, when it has one: the server may have
 * forgotten it (the push service said it was gone) or given it to someone else who used this browser.
 */
export async function syncPushSubscription(): Promise<void> {
  if (!supported()) return;
  const existing = await navigator.serviceWorker.getRegistration("/");
  const subscription = existing ? await existing.pushManager.getSubscription() : null;
  if (subscription) await api("POST", "/push/subscriptions", { body: subscriptionBody(subscription) });
}

/** Asks permission, subscribes with the server's key and tells the server; returns the state reached. */
export async function turnPushOn(): Promise<PushState> {
  if (!supported() || typeof Notification === "undefined") return "unsupported";
  const permission = await Notification.requestPermission();
  if (permission === "denied") return "denied";
  if (permission !== "granted") return "off";
  const worker = await registration();
  const { publicKey } = await api<PushKey>("GET", "/push/key");
  const subscription =
    (await worker.pushManager.getSubscription()) ?? (await worker.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) }));
  await api("POST", "/push/subscriptions", { body: subscriptionBody(subscription) });
  return "on";
}

/** Tells the server to stop, then drops the browser's subscription. */
export async function turnPushOff(): Promise<PushState> {
  if (!supported()) return "unsupported";
  const existing = await navigator.serviceWorker.getRegistration("/");
  const subscription = existing ? await existing.pushManager.getSubscription() : null;
  if (!subscription) return "off";
  // Forgotten by the server already (another person subscribed this browser since): still unsubscribe here.
  await api("DELETE", "/push/subscriptions", { body: { endpoint: subscription.endpoint } }).catch((error: unknown) => {
    if (!(error instanceof ApiError && error.status === 404)) throw error;
  });
  await subscription.unsubscribe();
  return "off";
}
