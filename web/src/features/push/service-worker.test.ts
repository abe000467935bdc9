import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";

// web/public/sw.js runs in the browser as is; here it runs in a sandbox whose `self` records what
// it shows and opens, as a browser's service worker global would do it.
const source = readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../public/sw.js"), "utf8");
const ORIGIN = "https://ruche.example.org";

type Listener = (event: Record<string, unknown>) => void;

function loadWorker(windows: { url: string }[] = []) {
  const listeners = new Map<string, Listener>();
  const shown: { title: string; options: Record<string, unknown> }[] = [];
  const opened: string[] = [];
  const focused: string[] = [];
  const clientOf = (window: { url: string }) => ({
    url: window.url,
    focus: async () => focused.push(window.url),
    navigate: async (url: string) => clientOf({ url }),
  });
  const self = {
    location: new URL(`${ORIGIN}/sw.js`),
    addEventListener: (type: string, listener: Listener) => listeners.set(type, listener),
    skipWaiting: () => undefined,
    registration: { showNotification: async (title: string, options: Record<string, unknown>) => shown.push({ title, options }) },
    clients: {
      claim: async () => undefined,
      matchAll: async () => windows.map(clientOf),
      openWindow: async (url: string) => opened.push(url),
    },
  };
  runInNewContext(source, { self, URL });
  /** Dispatches an event and waits for what it asked the browser to wait for. */
  const dispatch = async (type: string, event: Record<string, unknown>) => {
    let pending: Promise<unknown> = Promise.resolve();
    listeners.get(type)?.({ ...event, waitUntil: (promise: Promise<unknown>) => (pending = promise) });
    await pending;
  };
  return { dispatch, shown, opened, focused };
}

const pushOf = (payload: unknown) => ({ data: { json: () => payload } });
const clickOn = (url: string) => ({ notification: { data: { url }, close: () => undefined } });

describe("the service worker", () => {
  it("shows a push's title and body, and keeps where it leads", async () => {
    const worker = loadWorker();
    await worker.dispatch("push", pushOf({ title: "Camille mentioned you", body: "Tournament", url: "/posts/1", tag: "ruche-notifications", count: 1 }));
    expect(worker.shown).toEqual([{ title: "Camille mentioned you", options: expect.objectContaining({ body: "Tournament", data: { url: "/posts/1" } }) }]);
  });

  it("still shows something when the payload cannot be read", async () => {
    const worker = loadWorker();
    await worker.dispatch("push", { data: { json: () => JSON.parse("not json") } });
    expect(worker.shown[0]?.title).toBe("Ruche");
  });

  it("opens what a clicked notification is about when no Ruche tab is open", async () => {
    const worker = loadWorker();
    await worker.dispatch("notificationclick", clickOn("/posts/1"));
    expect(worker.opened).toEqual([`${ORIGIN}/posts/1`]);
  });

  it("focuses an open Ruche tab instead of opening another", async () => {
    const worker = loadWorker([{ url: `${ORIGIN}/home` }]);
    await worker.dispatch("notificationclick", clickOn("/posts/1"));
    expect(worker.opened).toEqual([]);
    expect(worker.focused).toEqual([`${ORIGIN}/posts/1`]);
  });

  it("never opens another site, whatever the push says", async () => {
    const worker = loadWorker();
    await worker.dispatch("notificationclick", clickOn("https://evil.example.com/phish"));
    expect(worker.opened).toEqual([`${ORIGIN}/notifications`]);
  });
});
