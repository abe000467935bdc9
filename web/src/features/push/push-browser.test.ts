import { describe, expect, it } from "vitest";
import { keyBytes, pushStateOf, type PushFacts } from "./push-browser.ts";

const capable: PushFacts = { serviceWorker: true, pushManager: true, notification: true, permission: "default", subscribed: false };

describe("this browser's push state", () => {
  it("is unsupported without a service worker, the Push API or notifications", () => {
    expect(pushStateOf({ ...capable, serviceWorker: false })).toBe("unsupported");
    expect(pushStateOf({ ...capable, pushManager: false })).toBe("unsupported");
    expect(pushStateOf({ ...capable, notification: false })).toBe("unsupported");
  });

  it("is denied once notifications are blocked, even with an old subscription", () => {
    expect(pushStateOf({ ...capable, permission: "denied", subscribed: true })).toBe("denied");
  });

  it("is on only when subscribed with permission granted", () => {
    expect(pushStateOf({ ...capable, permission: "granted", subscribed: true })).toBe("on");
    expect(pushStateOf({ ...capable, permission: "granted", subscribed: false })).toBe("off");
    expect(pushStateOf({ ...capable, permission: "default", subscribed: true })).toBe("off");
  });
});

describe("the server key", () => {
  it("decodes base64url without padding into the 65 bytes of a P-256 point", () => {
    const point = new Uint8Array(65).map((_, index) => (index * 37) % 256);
    point[0] = 4;
    const encoded = Buffer.from(point).toString("base64url");
    expect(encoded).not.toContain("=");
    expect([...keyBytes(encoded)]).toEqual([...point]);
  });
});
