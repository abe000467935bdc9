import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import type { Browser } from "../../../test/factories.ts";
import { personBrowser } from "../communities/testing.ts";
import { browserKeys } from "./testing.ts";

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ work: false });
});
afterAll(() => t.close());

let endpointCount = 0;
/** A browser's subscription JSON, with a fresh endpoint at a public push service. */
function subscription(overrides: { endpoint?: string; p256dh?: string; auth?: string } = {}) {
  endpointCount += 1;
  const keys = browserKeys();
  return {
    endpoint: overrides.endpoint ?? `https://push.example.org/send/${endpointCount}-${Date.now()}`,
    expirationTime: null,
    keys: { p256dh: overrides.p256dh ?? keys.p256dh, auth: overrides.auth ?? keys.auth },
  };
}

const ownersOf = async (endpoint: string) =>
  (await t.db.selectFrom("push_subscriptions").select("user_id").where("endpoint", "=", endpoint).execute()).map((row) => row.user_id);

describe("the public key", () => {
  it("gives signed-in people one P-256 public key, the same on every call", async () => {
    const person = await personBrowser(t);
    const first = await person.inject({ method: "GET", url: "/api/v1/push/key" });
    const second = await person.inject({ method: "GET", url: "/api/v1/push/key" });
    expect(first.statusCode).toBe(200);
    expect(Buffer.from(first.json().publicKey, "base64url")).toHaveLength(65);
    expect(second.json().publicKey).toBe(first.json().publicKey);
  });

  it("is not given to someone signed out", async () => {
    expect((await t.app.inject({ method: "GET", url: "/api/v1/push/key" })).statusCode).toBe(401);
  });
});

describe("subscribing", () => {
  it("records the browser for the person who subscribed it", async () => {
    const person = await personBrowser(t);
    const body = subscription();
    const response = await person.inject({ method: "POST", url: "/api/v1/push/subscriptions", payload: body, headers: { "user-agent": "Firefox 140" } });
    expect(response.statusCode, response.body).toBe(204);
    expect(await ownersOf(body.endpoint)).toEqual([person.userId]);
  });

  it("moves a shared browser's endpoint to whoever subscribed it last", async () => {
    const first = await personBrowser(t);
    const second = await personBrowser(t);
    const body = subscription();
    await first.inject({ method: "POST", url: "/api/v1/push/subscriptions", payload: body });
    const again = await second.inject({ method: "POST", url: "/api/v1/push/subscriptions", payload: { ...body, keys: subscription().keys } });
    expect(again.statusCode).toBe(204);
    expect(await ownersOf(body.endpoint)).toEqual([second.userId]);
  });

  it("keeps a person's 20 most recent browsers, forgetting the oldest", async () => {
    const person = await personBrowser(t);
    const bodies = Array.from({ length: 21 }, () => subscription());
    for (const body of bodies) expect((await person.inject({ method: "POST", url: "/api/v1/push/subscriptions", payload: body })).statusCode).toBe(204);
    const kept = await t.db.selectFrom("push_subscriptions").select("endpoint").where("user_id", "=", person.userId).execute();
    expect(kept.map((row) => row.endpoint).sort()).toEqual(bodies.slice(1).map((body) => body.endpoint).sort());
  });

  it.each([
    ["endpoint", { endpoint: "http://push.example.org/send/1" }],
    ["endpoint", { endpoint: "https://127.0.0.1:8443/send/1" }],
    ["endpoint", { endpoint: "https://[::1]/send/1" }],
    ["endpoint", { endpoint: "https://10.1.2.3/send/1" }],
    ["endpoint", { endpoint: "not a url" }],
    ["keys.p256dh", { p256dh: Buffer.alloc(65, 4).toString("base64url") }],
    ["keys.p256dh", { p256dh: "short" }],
    ["keys.auth", { auth: Buffer.alloc(8).toString("base64url") }],
  ])("refuses a subscription whose %s is not acceptable, naming the field", async (field, overrides) => {
    const person = await personBrowser(t);
    const response = await person.inject({ method: "POST", url: "/api/v1/push/subscriptions", payload: subscription(overrides) });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe(field);
  });

  it("names a missing key in the body", async () => {
    const person = await personBrowser(t);
    const response = await person.inject({ method: "POST", url: "/api/v1/push/subscriptions", payload: { endpoint: "https://push.example.org/x", keys: { auth: "x" } } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe("keys.p256dh");
  });
});

describe("unsubscribing", () => {
  it("forgets one's own browser", async () => {
    const person = await personBrowser(t);
    const body = subscription();
    await person.inject({ method: "POST", url: "/api/v1/push/subscriptions", payload: body });
    const response = await person.inject({ method: "DELETE", url: "/api/v1/push/subscriptions", payload: { endpoint: body.endpoint } });
    expect(response.statusCode).toBe(204);
    expect(await ownersOf(body.endpoint)).toEqual([]);
  });

  it("answers someone else's browser exactly as an unknown one, and leaves it subscribed", async () => {
    const owner = await personBrowser(t);
    const stranger = await personBrowser(t);
    const body = subscription();
    await owner.inject({ method: "POST", url: "/api/v1/push/subscriptions", payload: body });
    const foreign = await stranger.inject({ method: "DELETE", url: "/api/v1/push/subscriptions", payload: { endpoint: body.endpoint } });
    const unknown = await stranger.inject({ method: "DELETE", url: "/api/v1/push/subscriptions", payload: { endpoint: "https://push.example.org/never" } });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).toBe(unknown.body);
    expect(await ownersOf(body.endpoint)).toEqual([owner.userId]);
  });
});

describe("replacing a subscription the push service rotated", () => {
  const subscribe = (browser: Browser, payload: object) => browser.inject({ method: "POST", url: "/api/v1/push/subscriptions", payload });

  it("forgets the old endpoint and records the new one for the same person", async () => {
    const person = await personBrowser(t);
    const old = subscription();
    await subscribe(person, old);
    const fresh = subscription();
    const response = await subscribe(person, { ...fresh, replaces: old.endpoint });
    expect(response.statusCode, response.body).toBe(204);
    expect(await ownersOf(old.endpoint)).toEqual([]);
    expect(await ownersOf(fresh.endpoint)).toEqual([person.userId]);
  });

  it("leaves someone else's endpoint subscribed, answering exactly as for an unknown one", async () => {
    const owner = await personBrowser(t);
    const stranger = await personBrowser(t);
    const theirs = subscription();
    await subscribe(owner, theirs);
    const foreign = await subscribe(stranger, { ...subscription(), replaces: theirs.endpoint });
    const unknown = await subscribe(stranger, { ...subscription(), replaces: "https://push.example.org/never" });
    expect([foreign.statusCode, foreign.body]).toEqual([unknown.statusCode, unknown.body]);
    expect(foreign.statusCode).toBe(204);
    expect(await ownersOf(theirs.endpoint)).toEqual([owner.userId]);
  });

  it("keeps the old subscription when the new one is refused", async () => {
    const person = await personBrowser(t);
    const old = subscription();
    await subscribe(person, old);
    const response = await subscribe(person, { ...subscription({ endpoint: "https://10.1.2.3/send/1" }), replaces: old.endpoint });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe("endpoint");
    expect(await ownersOf(old.endpoint)).toEqual([person.userId]);
  });

  it.each([["not a url"], [""], ["https://push.example.org/".padEnd(2049, "x")], [42]])("refuses %j as the endpoint replaced, naming the field", async (replaces) => {
    const person = await personBrowser(t);
    const response = await subscribe(person, { ...subscription(), replaces });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: "validation_failed", details: [{ field: "replaces" }] });
  });

  it("is refused to someone signed out, who replaces nothing", async () => {
    const person = await personBrowser(t);
    const old = subscription();
    await subscribe(person, old);
    const response = await t.app.inject({ method: "POST", url: "/api/v1/push/subscriptions", payload: { ...subscription(), replaces: old.endpoint } });
    expect(response.statusCode).toBe(401);
    expect(await ownersOf(old.endpoint)).toEqual([person.userId]);
  });
});
