/* global self */
// Ruche's service worker: shows the web pushes the server sends (see server/src/modules/push) and
// opens what they are about on click. Plain JavaScript: the browser loads it as is, from /sw.js, so
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
