import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import type { Browser } from "../../../test/factories.ts";
import { newId } from "../../platform/ids.ts";
import { personBrowser } from "../communities/testing.ts";
import { browserKeys } from "./testing.ts";

// web/public/sw.js run in a context of its own, as the browser runs it, with its fetches answered
// by the app. A browser's same-origin fetch from the worker carries the session cookie and the
// Origin, never the page's CSRF token: the worker must find that by itself. Browsers offer no way
// to fire `pushsubscriptionchange` from Playwright, so this is where the handler meets the server.
const workerPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../web/public/sw.js");
let t: TestContext;
let workerSource: string;

beforeAll(async () => {
  workerSource = await readFile(workerPath, "utf8");
  t = await createTestContext({ work: false });
});
afterAll(() => t.close());

interface FakeSubscription {
  endpoint: string;
  options?: { applicationServerKey: Uint8Array };
  toJSON(): { endpoint: string; keys: { p256dh: string; auth: string } };
}

interface FetchInit {
  method?: string;
  credentials?: string;
  headers?: Record<string, string>;
  body?: string;
}

/** A PushSubscription at a public push service, made with `applicationServerKey` when given. */
function fakeSubscription(applicationServerKey?: Uint8Array): FakeSubscription {
  const endpoint = `https://push.example.org/send/${newId()}`;
  const { p256dh, auth } = browserKeys();
  return { endpoint, ...(applicationServerKey && { options: { applicationServerKey } }), toJSON: () => ({ endpoint, keys: { p256dh, auth } }) };
}

/** sw.js loaded for `browser` (or someone signed out); `subscribeGives` is what pushManager.subscribe returns. */
function serviceWorker(options: { browser?: Browser; subscribeGives: FakeSubscription }) {
  const listeners = new Map<string, (event: object) => void>();
  const subscribeCalls: { userVisibleOnly: boolean; applicationServerKey: Uint8Array }[] = [];
  const requests: { method: string; url: string; credentials: string | undefined }[] = [];
  const fetch = async (url: string, init: FetchInit = {}) => {
    const method = init.method ?? "GET";
    requests.push({ method, url, credentials: init.credentials });
    const cookie = options.browser && init.credentials === "same-origin" ? { cookie: options.browser.cookie } : {};
    const origin = method === "GET" ? {} : { origin: t.config.publicUrl };
    const response = await t.app.inject({ method: method as "GET" | "POST", url, headers: { ...init.headers, ...cookie, ...origin }, payload: init.body });
    return new Response(response.statusCode === 204 ? null : response.body, { status: response.statusCode });
  };
  const pushManager = {
    subscribe: async (subscribeOptions: { userVisibleOnly: boolean; applicationServerKey: Uint8Array }) => {
      subscribeCalls.push(subscribeOptions);
      return options.subscribeGives;
    },
  };
  const self = { addEventListener: (type: string, listener: (event: object) => void) => listeners.set(type, listener), registration: { pushManager } };
  vm.runInNewContext(workerSource, { self, fetch, atob, URL });
  return {
    requests,
    subscribeCalls,
    /** Fires `pushsubscriptionchange` and waits for what the worker asked the browser to wait for. */
    async change(event: { oldSubscription: FakeSubscription | null; newSubscription: FakeSubscription | null }) {
      let work: Promise<unknown> = Promise.resolve();
      const listener = listeners.get("pushsubscriptionchange");
      if (!listener) throw new Error("sw.js does not listen to pushsubscriptionchange");
      listener({ ...event, waitUntil: (promise: Promise<unknown>) => (work = promise) });
      await work;
    },
  };
}

const ownersOf = async (endpoint: string) =>
  (await t.db.selectFrom("push_subscriptions").select("user_id").where("endpoint", "=", endpoint).execute()).map((row) => row.user_id);

/** Someone with `old` subscribed through the API, as the web app subscribes. */
async function subscribedPerson(old: FakeSubscription): Promise<Browser> {
  const person = await personBrowser(t);
  const response = await person.inject({ method: "POST", url: "/api/v1/push/subscriptions", payload: old.toJSON() });
  expect(response.statusCode, response.body).toBe(204);
  return person;
}

const bytesOf = (key: Uint8Array | undefined) => Buffer.from(Array.from(key ?? []));

describe("the service worker, when the push service rotates a subscription", () => {
  it("puts the browser's new subscription in place of the old one, with same-origin requests only", async () => {
    const old = fakeSubscription();
    const person = await subscribedPerson(old);
    const fresh = fakeSubscription();
    const worker = serviceWorker({ browser: person, subscribeGives: fakeSubscription() });
    await worker.change({ oldSubscription: old, newSubscription: fresh });
    expect(await ownersOf(old.endpoint)).toEqual([]);
    expect(await ownersOf(fresh.endpoint)).toEqual([person.userId]);
    expect(worker.subscribeCalls).toEqual([]);
    expect(worker.requests.every((request) => request.url.startsWith("/api/v1/") && request.credentials === "same-origin")).toBe(true);
  });

  it("subscribes again with the old subscription's key when the browser gives no new one", async () => {
    const key = new Uint8Array(browserKeys().ecdh.getPublicKey());
    const old = fakeSubscription(key);
    const person = await subscribedPerson(old);
    const fresh = fakeSubscription();
    const worker = serviceWorker({ browser: person, subscribeGives: fresh });
    await worker.change({ oldSubscription: old, newSubscription: null });
    expect(worker.subscribeCalls).toEqual([{ userVisibleOnly: true, applicationServerKey: key }]);
    expect(await ownersOf(fresh.endpoint)).toEqual([person.userId]);
    expect(await ownersOf(old.endpoint)).toEqual([]);
  });

  it("subscribes again with the server's public key when the old subscription kept none", async () => {
    const old = fakeSubscription();
    const person = await subscribedPerson(old);
    const fresh = fakeSubscription();
    const worker = serviceWorker({ browser: person, subscribeGives: fresh });
    await worker.change({ oldSubscription: old, newSubscription: null });
    const { publicKey } = (await person.inject({ method: "GET", url: "/api/v1/push/key" })).json();
    expect(worker.subscribeCalls).toHaveLength(1);
    expect(worker.subscribeCalls[0]?.userVisibleOnly).toBe(true);
    expect(bytesOf(worker.subscribeCalls[0]?.applicationServerKey)).toEqual(Buffer.from(publicKey, "base64url"));
    expect(await ownersOf(fresh.endpoint)).toEqual([person.userId]);
  });

  it("tells the server nothing when no one is signed in", async () => {
    const worker = serviceWorker({ subscribeGives: fakeSubscription() });
    const fresh = fakeSubscription();
    await worker.change({ oldSubscription: fakeSubscription(), newSubscription: fresh });
    expect(worker.requests.map((request) => `${request.method} ${request.url}`)).toEqual(["GET /api/v1/auth/session"]);
    expect(await ownersOf(fresh.endpoint)).toEqual([]);
  });
});
