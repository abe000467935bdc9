import type { Notification, PersonSummary } from "@ruche/contracts";
import { describe, expect, it } from "vitest";
import { pushPayloadOf } from "./message.ts";
import { vapidSubject } from "./vapid.ts";

const person = (displayName: string): PersonSummary => ({
  id: "0190f5c2-0000-7000-8000-00000000000a",
  displayName,
  jobTitle: null,
  department: null,
  location: null,
  avatarUrl: null,
  role: "member",
  active: true,
});

function notification(overrides: Partial<Notification>): Notification {
  return {
    id: "0190f5c2-0000-7000-8000-000000000001",
    kind: "reaction",
    read: false,
    updatedAt: "2026-11-28T09:00:00.000Z",
    actors: [person("Camille")],
    actorCount: 1,
    community: { id: "0190f5c2-0000-7000-8000-000000000002", name: "Chess club" },
    post: { id: "0190f5c2-0000-7000-8000-000000000003", excerpt: "Tournament" },
    comment: null,
    reason: null,
    ...overrides,
  };
}

describe("the words of a push", () => {
  it("counts the other people of a grouped reaction, in French and in English", () => {
    const grouped = notification({ actorCount: 4 });
    expect(pushPayloadOf([grouped], "en")?.title).toBe("Camille and 3 others reacted to your post");
    expect(pushPayloadOf([grouped], "fr")?.title).toBe("Camille et 3 autres ont réagi à votre publication");
  });

  it("leads a join request to the community's requests", () => {
    expect(pushPayloadOf([notification({ kind: "join_request", post: null })], "en")?.url).toBe("/communities/0190f5c2-0000-7000-8000-000000000002/requests");
  });

  it("names a former member when the actor may no longer be seen", () => {
    expect(pushPayloadOf([notification({ kind: "mention", actors: [] })], "en")?.title).toBe("Someone mentioned you in a post");
  });

  it("sends nothing for no notification", () => {
    expect(pushPayloadOf([], "en")).toBeUndefined();
  });
});

describe("the VAPID subject", () => {
  it("is the address MAIL_FROM sends from", () => {
    expect(vapidSubject({ mailFrom: "Ruche <ruche@acme.example>", publicUrl: "https://ruche.acme.example" })).toBe("mailto:ruche@acme.example");
    expect(vapidSubject({ mailFrom: "ruche@acme.example", publicUrl: "http://localhost:3000" })).toBe("mailto:ruche@acme.example");
  });

  it("falls back to an https PUBLIC_URL when MAIL_FROM has no address", () => {
    expect(vapidSubject({ mailFrom: "Ruche", publicUrl: "https://ruche.acme.example" })).toBe("https://ruche.acme.example");
  });
});
