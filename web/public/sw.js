/* global self */
// Ruche's service worker: shows the web pushes the server sends (see server/src/modules/push),
// opens what they are about on click, and tells the server when the push service replaces this
// browser's subscription. Plain JavaScript: the browser loads it as is, from /sw.js, so
// that its scope is the whole app. It caches nothing: Ruche needs the network to be useful.

self.addEventListener("install", () => {
  // A new version takes over at once: it only shows notifications, there is no cache to migrate.
  self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(self.clients.claim());
});

/** The push's JSON ({ title, body, url, tag, count }), or a neutral message if it cannot be read. */
function readPayload(event) {
  try {
    const data = event.data ? event.data.json() : null;
    if (data && typeof data.title === "string") return data;
  } catch {
    // An unreadable payload still tells the person something happened.
  }
  return { title: "Ruche", body: "", url: "/notifications", tag: "ruche-notifications" };
}

self.addEventListener("push", (event) => {
  const payload = readPayload(event);
  event.waitUntil(
    self.registration.showNotification(payload.title, {
      body: payload.body,
      tag: payload.tag || "ruche-notifications",
      // The newest summary replaces the one still shown; it alerts again, as it says something new.
      renotify: true,
      icon: "/icons/icon-192.png",
      badge: "/icons/badge-96.png",
      data: { url: payload.url || "/notifications" },
    }),
  );
});

/** A URL of this app only: a push could not make a click open another site. */
function targetOf(notification) {
  const url = new URL((notification.data && notification.data.url) || "/notifications", self.location.origin);
  return url.origin === self.location.origin ? url.href : new URL("/notifications", self.location.origin).href;
}

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const target = targetOf(event.notification);
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
      const same = windows.find((client) => client.url === target);
      if (same) return same.focus();
      // An open Ruche tab is reused: it navigates there and comes to the front.
      const open = windows.find((client) => new URL(client.url).origin === self.location.origin);
      if (open) {
        const navigated = await open.navigate(target).catch(() => null);
        return (navigated || open).focus();
      }
      return self.clients.openWindow(target);
    })(),
  );
});

/** Base64url (the server's VAPID key) as the bytes `applicationServerKey` takes. */
function base64urlBytes(text) {
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(text.length / 4) * 4, "=");
  return Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
}

/** The key the lost subscription was made with, else the server's; null when signed out. */
async function applicationServerKey(oldSubscription) {
  const kept = oldSubscription && oldSubscription.options && oldSubscription.options.applicationServerKey;
  if (kept) return kept;
  const response = await fetch("/api/v1/push/key", { credentials: "same-origin" });
  return response.ok ? base64urlBytes((await response.json()).publicKey) : null;
}

/** The subscription that takes over: the one the browser made, or a new one; null when signed out. */
async function newSubscription(event) {
  if (event.newSubscription) return event.newSubscription;
  const key = await applicationServerKey(event.oldSubscription);
  return key ? self.registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key }) : null;
}

/**
 * Tells the server of the new subscription, in place of the old one. The server asks state-changing
 * requests for the session's CSRF token, which only the session response gives: no page may be open
 * to lend its own. Signed out (401), there is no one to push to; the notification settings page
 * tells the server of this browser's subscription again when it is next opened.
 */
async function replaceSubscription(subscription, oldSubscription) {
  const session = await fetch("/api/v1/auth/session", { credentials: "same-origin" });
  if (!session.ok) return;
  const { csrfToken } = await session.json();
  const keys = subscription.toJSON().keys || {};
  const body = { endpoint: subscription.endpoint, keys: { p256dh: keys.p256dh || "", auth: keys.auth || "" } };
  if (oldSubscription) body.replaces = oldSubscription.endpoint;
  await fetch("/api/v1/push/subscriptions", {
    method: "POST",
    credentials: "same-origin",
    headers: { "content-type": "application/json", "x-csrf-token": csrfToken },
    body: JSON.stringify(body),
  });
}

// The push service rotated or expired this browser's subscription: without a new one the server
// knows of, pushes would stop here without anyone noticing.
self.addEventListener("pushsubscriptionchange", (event) => {
  event.waitUntil(
    (async () => {
      const subscription = await newSubscription(event);
      if (subscription) await replaceSubscription(subscription, event.oldSubscription);
    })(),
  );
});
